import { describe, expect, it } from 'vitest';
import { compareVersions, inVersionRange, parseVersion } from '../../src/util/parse-version.js';

function parsed(text: string) {
  const version = parseVersion(text);
  if (!version) throw new Error(`expected "${text}" to parse`);
  return version;
}

describe('parseVersion', () => {
  it.each([
    ['V5.4.5 build 170124', [5, 4, 5], [170124]],
    ['2.0.11-1.2+deb12u2', [2, 0, 11], [1, 2, 12, 2]],
    ['154.07.57', [154, 7, 57], []],
    ['dropbear_2019.78', [2019, 78], []],
    ['1.4.59', [1, 4, 59], []],
    ['7.2.1-69057 Update 5', [7, 2, 1], [69057, 5]],
    ['OpenSSH_8.4p1', [8, 4], [1]],
    ['1.0.1g', [1, 0, 1], [7]],
    ['3.0.0.4.388_24198', [3, 0, 0, 4, 388], [24198]],
  ])('reads %s', (text, release, post) => {
    const version = parsed(text);
    expect(version.release).toEqual(release);
    expect(version.post).toEqual(post);
  });

  it('reads pre-releases as before the release', () => {
    expect(parsed('0.94.14rc21').pre).toEqual({ rank: 4, number: 21 });
    expect(compareVersions(parsed('0.94.14rc21'), parsed('0.94.14'))).toBe(-1);
    expect(compareVersions(parsed('2.0b2'), parsed('2.0rc1'))).toBe(-1);
  });

  it('treats a text without digits as unknown', () => {
    expect(parseVersion('unknown')).toBeNull();
    expect(parseVersion('')).toBeNull();
    expect(parseVersion(null)).toBeNull();
  });

  it('marks distribution packages, whose fixes may be backported', () => {
    expect(parsed('2.0.11-1.2+deb12u2').distroPatched).toBe(true);
    expect(parsed('OpenSSH_9.2p1 Debian-2+deb12u3').distroPatched).toBe(true);
    expect(parsed('OpenSSH_9.2p1').distroPatched).toBe(false);
  });
});

describe('compareVersions', () => {
  it.each([
    ['V5.4.0 build 160530', 'V5.4.5 build 170124', -1],
    ['5.4.5', 'V5.4.5 build 170124', -1],
    ['1.4.59', '1.4.6', 1],
    ['154.07.57', '154.7.57', 0],
    ['1.0.1f', '1.0.1g', -1],
    ['8.4p1', '8.4', 1],
    ['9.8p1', '10.0p1', -1],
    ['7.2.1-69057 Update 5', '7.2.1-69057 Update 3', 1],
    ['2019.78', '2016.74', 1],
    ['1.2', '1.2.0', 0],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(parsed(a), parsed(b))).toBe(expected);
    expect(compareVersions(parsed(b), parsed(a))).toBe(-expected || 0);
  });
});

describe('inVersionRange', () => {
  it('includes from and excludes below', () => {
    const range = { from: '8.5p1', below: '9.8p1' };
    expect(inVersionRange(parsed('8.5p1'), range)).toBe(true);
    expect(inVersionRange(parsed('9.7p1'), range)).toBe(true);
    expect(inVersionRange(parsed('9.8p1'), range)).toBe(false);
    expect(inVersionRange(parsed('8.4p1'), range)).toBe(false);
    expect(inVersionRange(parsed('1.0'), {})).toBe(true);
  });
});
