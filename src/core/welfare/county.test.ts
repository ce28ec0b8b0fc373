import { describe, expect, it } from 'vitest';
import { resolveCounty } from './county';

const UNITS = [
  { id: 'U1', code: '530721', name: '玉龙纳西族自治县' },
  { id: 'U2', code: '530724', name: '宁蒗彝族自治县' },
  { id: 'U3', code: '530702', name: '古城区' },
  { id: 'U4', code: '530722', name: '永胜县' },
];

describe('a county as written', () => {
  it('is found by code, by name, or by the short form of its name', () => {
    expect(resolveCounty('530721', UNITS)?.id).toBe('U1');
    expect(resolveCounty(' 古城区 ', UNITS)?.id).toBe('U3');
    expect(resolveCounty('玉龙县', UNITS)?.id).toBe('U1');
    expect(resolveCounty('宁蒗县', UNITS)?.id).toBe('U2');
  });

  it('is not guessed: another kind of division, a one-character stem, or nothing written', () => {
    expect(resolveCounty('玉龙区', UNITS)).toBeNull();
    expect(resolveCounty('永县', UNITS)).toBeNull();
    expect(resolveCounty('', UNITS)).toBeNull();
    expect(resolveCounty(null, UNITS)).toBeNull();
    // two units that share the stem: neither
    expect(resolveCounty('玉龙县', [...UNITS, { id: 'U9', code: '999999', name: '玉龙山县' }])).toBeNull();
  });
});
