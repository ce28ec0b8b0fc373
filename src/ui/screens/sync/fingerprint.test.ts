import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintLines, identityFileName, readIdentityText } from './fingerprint';

const identity = {
  format: 'zhijian-node',
  version: 1,
  nodeId: '01JD8X3Y4Z5A6B7C8D9E0F1G2H',
  unitCode: '530721',
  unitName: '玉龙县纪委监委',
  suite: 'x25519-ed25519-xchacha20poly1305',
  signingPublic: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  encryptionPublic: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=',
  fingerprint: '12345 23456 34567 45678 56789 67890 78901 89012 90123 01234 11111 22222',
};

describe('fingerprint lines', () => {
  it('shows 12 groups as 3 lines of 4, in order', () => {
    expect(fingerprintLines(identity.fingerprint)).toEqual([
      ['12345', '23456', '34567', '45678'],
      ['56789', '67890', '78901', '89012'],
      ['90123', '01234', '11111', '22222'],
    ]);
  });

  it('keeps every group of any fingerprint, in order, at most 4 to a line', () => {
    const group = fc.stringMatching(/^\d{5}$/);
    fc.assert(
      fc.property(fc.array(group, { maxLength: 20 }), (groups) => {
        const lines = fingerprintLines(groups.join(' '));
        expect(lines.flat()).toEqual(groups);
        expect(lines.every((line) => line.length >= 1 && line.length <= 4)).toBe(true);
        expect(lines.length).toBe(Math.ceil(groups.length / 4));
      }),
    );
  });

  it('shows a short fingerprint as short rather than padding it', () => {
    expect(fingerprintLines('12345 23456 34567 45678 56789')).toEqual([['12345', '23456', '34567', '45678'], ['56789']]);
  });
});

describe('reading an identity file in the browser', () => {
  it('reads a well-formed file', () => {
    const read = readIdentityText(JSON.stringify(identity));
    expect(read).toEqual({ ok: true, identity, json: identity });
  });

  it('tells a file that is not JSON from JSON that is not an identity file', () => {
    expect(readIdentityText('PK\u0003\u0004 a spreadsheet')).toEqual({ ok: false, reason: 'notJson' });
    expect(readIdentityText(JSON.stringify({ ...identity, format: 'something-else' }))).toEqual({ ok: false, reason: 'notIdentity' });
    expect(readIdentityText(JSON.stringify({ ...identity, fingerprint: '12345 23456' }))).toEqual({ ok: false, reason: 'notIdentity' });
    expect(readIdentityText('[]')).toEqual({ ok: false, reason: 'notIdentity' });
  });

  it('names the file after the unit', () => {
    expect(identityFileName(identity)).toBe('zhijian-node-530721.json');
  });
});
