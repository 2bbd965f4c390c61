// A recorded description names its device's own address (URLBase, presentationURL); the recording
// writes {{address}} there and the mock puts the address it serves on, so those URLs point back at it.

export const ADDRESS_PLACEHOLDER = '{{address}}';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The device's address after `//` (a URL's host) replaced by the placeholder; other addresses stay. */
export function withAddressPlaceholder(text: string, address: string): string {
  return text.replace(new RegExp(`//${escapeRegExp(address)}(?![\\d])`, 'g'), `//${ADDRESS_PLACEHOLDER}`);
}

export function withAddress(text: string, address: string): string {
  return text.replaceAll(ADDRESS_PLACEHOLDER, address);
}
