// Issues 12 and 10: every factory pair cites the file or page that holds it, pairs that no source holds stay out,
// and the generic lists keep the order of the evidence they cite.

import { describe, expect, it } from 'vitest';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { isVerified } from '../../src/knowledge/provenance.js';
import type { CredentialEntry, LoginProtocol } from '../../src/knowledge/types.js';

const credentials = loadCheckKnowledge().credentials;
const byId = new Map(credentials.map((entry) => [entry.id, entry]));
const pair = (entry: CredentialEntry) => `${entry.username}/${entry.password}`;

/** SecLists Passwords/Malware/mirai-botnet.txt, first 18 lines, in its order ("(none)" is the empty password). */
const MIRAI_ORDER = [
  'root/xc3511', 'root/vizxv', 'root/admin', 'admin/admin', 'root/888888', 'root/xmhdipc', 'root/default', 'root/jauntech',
  'root/123456', 'root/54321', 'support/support', 'root/', 'admin/password', 'root/root', 'root/12345', 'user/user', 'admin/',
  'root/pass',
];

/** The pairs of the generic list of a protocol, in the file's order. */
function genericPairs(protocol: LoginProtocol): string[] {
  return credentials.filter((entry) => entry.vendor === '*' && entry.protocols.includes(protocol)).map(pair);
}

describe('where each factory pair comes from', () => {
  it('confirms every shipped pair against a source', () => {
    const unconfirmed = credentials.filter((entry) => !isVerified(entry)).map((entry) => entry.id);
    expect(unconfirmed).toEqual([]);
  });

  it('cites a file of a repository, never a folder, and names that file in the source', () => {
    for (const entry of credentials.filter((item) => item.url?.startsWith('https://github.com/'))) {
      expect(entry.url, entry.id).toMatch(/\/blob\/[^/]+\/.+\.[a-z]+$/);
      const file = decodeURIComponent(entry.url!.split('/').pop()!);
      expect(entry.source, entry.id).toContain(file);
    }
  });

  it('says so where a per-router list gives the user and the password apart', () => {
    const fromRouterLists = credentials.filter((entry) => entry.url?.includes('/Default-Credentials/Routers/'));
    expect(fromRouterLists.length).toBeGreaterThanOrEqual(15);
    for (const entry of fromRouterLists) expect(entry.source, entry.id).toMatch(/pairing is ours|paired with the usual admin|password only/);
  });

  it('leaves out the pairs no source holds (each would cost a login attempt)', () => {
    const shipped = new Set(credentials.map((entry) => `${entry.vendor} ${pair(entry)} ${entry.protocols.join(',')}`));
    const absent = [
      'Ziggo admin/password http', 'Ziggo admin/ziggo http', 'Compal admin/password http', 'KPN admin/kpn http',
      'Arcadyan admin/ http', 'Arris cusadmin/highspeed http', 'TP-Link admin/1234 http', 'TP-Link admin/ http',
      'MikroTik admin/admin http,telnet,ssh', 'Reolink admin/ http,rtsp', 'Foscam admin/admin http,rtsp',
      'Hikvision admin/ http,rtsp', 'Western Digital sshd/welc0me ssh', 'Samsung admin/sec00000 http', 'Epson / http',
    ];
    for (const line of absent) expect(shipped.has(line), line).toBe(false);
    // Vendor SNMP communities that default-passwords.csv does not hold: the generic public/private cover them.
    const snmpVendors = new Set(credentials.filter((entry) => entry.protocols.includes('snmp') && entry.vendor !== '*').map((entry) => entry.vendor));
    expect([...snmpVendors].sort()).toEqual(['Cisco', 'D-Link', 'Netgear']);
  });

  it('keeps the corrections made while checking', () => {
    // Technicolor's TG672 manual: the empty default password belongs to "Administrator".
    expect(byId.get('technicolor-administrator-empty')).toMatchObject({ username: 'Administrator', password: '' });
    expect(byId.has('technicolor-admin-empty')).toBe(false);
    // The manuals name web (and RTSP) accounts; SSH, telnet and MQTT were not in them.
    expect(byId.get('dahua-admin-admin')?.protocols).toEqual(['http', 'rtsp']);
    expect(byId.get('wd-admin-empty')?.protocols).toEqual(['http']);
    expect(byId.get('mqtt-emqx-admin-public')?.protocols).toEqual(['http']);
    // root:ubnt is on the SSH list only.
    expect(byId.get('ubiquiti-root-ubnt')?.protocols).toEqual(['ssh']);
  });
});

describe('the order of the generic lists', () => {
  it('tries telnet pairs in the Mirai list\'s order', () => {
    const telnet = genericPairs('telnet');
    expect(telnet).toEqual(MIRAI_ORDER.slice(0, telnet.length));
  });

  it('tries SSH pairs in the Mirai list\'s order, root/root moved up after the SSH list, the Pi account last', () => {
    const ssh = genericPairs('ssh');
    expect(ssh[2]).toBe('root/root');
    const fromMirai = ssh.filter((item) => item !== 'root/root' && item !== 'pi/raspberry');
    const positions = fromMirai.map((item) => MIRAI_ORDER.indexOf(item));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(ssh.at(-1)).toBe('pi/raspberry');
  });

  it('tries FTP admin/admin, then admin/1234, as ftp-betterdefaultpasslist.txt has them', () => {
    expect(genericPairs('ftp').slice(0, 2)).toEqual(['admin/admin', 'admin/1234']);
  });
});
