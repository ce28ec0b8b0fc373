/**
 * Search keys for finding a person by typing pinyin (`zsf` or `zhangsanfeng` for 张三丰), as
 * staff do on keyboards without a Chinese input method at hand.
 */
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from './names';

export interface PinyinKeys {
  /** First letter of every syllable, then of every run of Latin letters. */
  initials: string;
  /** Every syllable and Latin run concatenated. */
  full: string;
}

const LATIN_RUN = /[A-Za-z]+/g;

export function pinyinKeys(name: string): PinyinKeys {
  // `surname: 'head'` reads the first character(s) with surname readings (单 shan, 曾 zeng, 解
  // xie, 尉迟 yuchi), which the general dictionary would get wrong; `v` keeps keys ASCII (吕 lv).
  const syllables = pinyin(toHalfWidth(name), {
    type: 'all',
    toneType: 'none',
    surname: 'head',
    v: true,
    nonZh: 'consecutive',
  });
  let initials = '';
  let full = '';
  for (const item of syllables) {
    if (item.isZh) {
      // A rare character outside pinyin-pro's dictionary has no reading; it cannot be typed anyway.
      const reading = item.pinyin.toLowerCase();
      if (!/^[a-z]+$/.test(reading)) continue;
      initials += reading[0];
      full += reading;
    } else {
      // Digits, the `·` of minority names and other symbols are not typed when searching.
      for (const run of item.origin.match(LATIN_RUN) ?? []) {
        const word = run.toLowerCase();
        initials += word[0];
        full += word;
      }
    }
  }
  return { initials, full };
}
