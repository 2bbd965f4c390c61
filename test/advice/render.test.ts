import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/advice/render.js';

describe('fillTemplate', () => {
  it('fills placeholders once, drops optional segments without a value, says "unknown" otherwise', () => {
    expect(fillTemplate('Open {url}[[ ({port})]] for {device}.', { url: 'http://a/', device: '{port}' }, 'unknown')).toBe('Open http://a/ for {port}.');
    expect(fillTemplate('Version {version}.', {}, 'onbekend')).toBe('Version onbekend.');
  });

  it('does not add a second full stop after a value that ends its own sentence', () => {
    expect(fillTemplate('Do this: {howTo}. Then rest.', { howTo: 'scan the QR code.' }, '?')).toBe('Do this: scan the QR code. Then rest.');
    expect(fillTemplate('Do this: {howTo}. Then rest.', { howTo: 'scan the QR code' }, '?')).toBe('Do this: scan the QR code. Then rest.');
    expect(fillTemplate('Really{mark}.', { mark: '?' }, '?')).toBe('Really?');
  });
});
