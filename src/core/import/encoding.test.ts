import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectDelimiter, detectEncoding, looksBinary } from './encoding';

describe('detectEncoding', () => {
  const utf8 = new TextEncoder().encode('姓名,身份证号\n张三,1\n');

  it.each([
    ['UTF-8 with BOM', Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8), 'utf-8'],
    ['UTF-8', utf8, 'utf-8'],
    ['ASCII', new TextEncoder().encode('name,id\n'), 'utf-8'],
    ['GB18030', iconv.encode('姓名,身份证号\n张三,1\n', 'gb18030'), 'gb18030'],
    ['UTF-16LE with BOM', Uint8Array.of(0xff, 0xfe, 0x59, 0x59), 'utf-16le'],
    ['UTF-16BE with BOM', Uint8Array.of(0xfe, 0xff, 0x59, 0x59), 'utf-16be'],
  ] as const)('%s', (_, sample, encoding) => {
    expect(detectEncoding(sample, true)).toBe(encoding);
  });

  it('forgives a UTF-8 character cut by the end of the sample, unless the file ends there', () => {
    const cut = utf8.subarray(0, 1); // first byte of 姓
    expect(detectEncoding(cut, false)).toBe('utf-8');
    expect(detectEncoding(cut, true)).toBe('gb18030');
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes except in UTF-16', () => {
    expect(looksBinary(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x00), 'utf-8')).toBe(true);
    expect(looksBinary(Uint8Array.of(0xff, 0xfe, 0x59, 0x00), 'utf-16le')).toBe(false);
    expect(looksBinary(new TextEncoder().encode('a,b'), 'utf-8')).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['姓名,身份证号\n', ','],
    ['姓名\t身份证号\r\n', '\t'],
    ['\n\n姓名\t身份证号\t备注,说明\n', '\t'],
    ['姓名\n', ','],
    ['', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
