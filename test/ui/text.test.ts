import { describe, expect, test } from 'vitest';
import { cleanText } from '../../src/ui/clean-text.js';
import { fit, formatElapsed, truncate, wrap } from '../../src/ui/text-layout.js';

describe('cleanText', () => {
  test('removes escape sequences, control characters and bidi overrides', () => {
    expect(cleanText('\u001B[31mEvil\u001B]0;pwned\u0007Cam\u0000')).toBe('EvilCam');
    expect(cleanText('login:\u001B[2J\u001B[H ok')).toBe('login: ok');
    expect(cleanText('a\u202Egnp.exe')).toBe('agnp.exe');
    expect(cleanText('two\r\nlines\tand tab')).toBe('two lines and tab');
    expect(cleanText('\u009B31mC1 CSI')).toBe('C1 CSI');
    expect(cleanText(null)).toBe('');
  });
});

describe('text layout', () => {
  test('truncate and fit keep to the width', () => {
    expect(truncate('Voordeurcamera', 8)).toBe('Voordeu…');
    expect(truncate('kort', 8)).toBe('kort');
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('abcdef', 4)).toBe('abc…');
  });

  test('wrap breaks on words and splits words longer than a line', () => {
    expect(wrap('Change the camera password now', 12)).toEqual(['Change the', 'camera', 'password now']);
    expect(wrap('aaaaaaaaaa bb', 4)).toEqual(['aaaa', 'aaaa', 'aa', 'bb']);
    expect(wrap('', 10)).toEqual(['']);
  });

  test('elapsed time as m:ss', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(75_500)).toBe('1:15');
  });
});
