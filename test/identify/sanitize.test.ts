import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/util/sanitize.js';

describe('sanitizeText', () => {
  it('removes colour, cursor and title escape sequences', () => {
    expect(sanitizeText('\u001b[31mKeuken\u001b[0m')).toBe('Keuken');
    expect(sanitizeText('\u001b]0;pwned\u0007Camera')).toBe('Camera');
    expect(sanitizeText('Tuin\u001b[2J\u001b[H')).toBe('Tuin');
    expect(sanitizeText('a\u009b31mb')).toBe('ab');
  });

  it('turns line breaks into spaces and drops other control characters', () => {
    expect(sanitizeText('line one\r\nline two\u0000\u0007')).toBe('line one line two');
  });

  it('drops bidi overrides and zero-width characters that disguise a name', () => {
    expect(sanitizeText('Living\u202eroom\u200b')).toBe('Livingroom');
  });

  it('keeps ordinary text, accents and emoji', () => {
    expect(sanitizeText('TRÅDFRI  woonkamer 💡')).toBe('TRÅDFRI woonkamer 💡');
  });

  it('cuts long text without splitting a character', () => {
    const cut = sanitizeText('💡'.repeat(50), 10);
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('sanitizeText with keepNewlines (multi-line banners, page excerpts)', () => {
  it('keeps one line break between non-empty lines and still strips what moves the cursor', () => {
    const banner = 'BusyBox v1.19.4\r\n\r\n\u001b[2Jcamera login:\u001b]0;owned\u0007 \n\n';
    expect(sanitizeText(banner, 200, true)).toBe('BusyBox v1.19.4\ncamera login:');
    expect(sanitizeText(banner, 200)).toBe('BusyBox v1.19.4 camera login:');
  });
});
