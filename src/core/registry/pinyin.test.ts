import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pinyinKeys } from './pinyin';

describe('pinyinKeys', () => {
  it.each([
    ['张三丰', 'zsf', 'zhangsanfeng'],
    ['李四', 'ls', 'lisi'],
    // Surname readings that differ from the character's common reading.
    ['单田芳', 'stf', 'shantianfang'],
    ['曾国藩', 'zgf', 'zengguofan'],
    ['解小东', 'xxd', 'xiexiaodong'],
    ['仇英', 'qy', 'qiuying'],
    ['查良镛', 'zly', 'zhaliangyong'],
    ['尉迟恭', 'ycg', 'yuchigong'],
    ['欧阳修', 'oyx', 'ouyangxiu'],
    // ü as v, so keys stay ASCII.
    ['吕布', 'lb', 'lvbu'],
    // Minority names: the middle dot is dropped, both parts are read.
    ['阿卜杜拉·买买提', 'abdlmmt', 'abudulamaimaiti'],
    ['古丽•热合曼', 'glrhm', 'gulireheman'],
    // Latin letters kept (lower-cased, half-width), digits and symbols dropped.
    ['王A伟', 'waw', 'wangawei'],
    ['王ＡＢ2号', 'wah', 'wangabhao'],
    ['Anna Smith', 'as', 'annasmith'],
    ['', '', ''],
    ['123-·', '', ''],
  ])('%s → %s / %s', (name, initials, full) => {
    expect(pinyinKeys(name)).toEqual({ initials, full });
  });

  it('always yields lower-case ASCII letters, with initials no longer than full', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('张', '单', '曾', '吕', '·', 'A', 'z', '1', ' ', '𠀀'), maxLength: 12 }), (s) => {
        const { initials, full } = pinyinKeys(s);
        expect(initials).toMatch(/^[a-z]*$/);
        expect(full).toMatch(/^[a-z]*$/);
        expect(initials.length).toBeLessThanOrEqual(full.length);
      }),
    );
  });
});
