/**
 * Person names as the bureaus write them, folded to one spelling so that the same person from
 * two files compares equal. The original text is stored beside the normalised one.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/**
 * Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. Also
 * used for headers, dates and amounts, which arrive typed with a Chinese input method.
 */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Separators seen between the parts of Uyghur, Tibetan, Kazakh … names: typed with whatever
 * the input method offered, so the same name arrives with any of these. `．` is already `.`
 * after half-width folding.
 */
const DOT_VARIANTS = '.\u00B7\u0387\u2022\u2027\u2219\u22C5\u2E31\u30FB\uFF65\uFE52\u1427';
const DOT_RUN = new RegExp(`\\s*[${DOT_VARIANTS}](?:\\s*[${DOT_VARIANTS}])*\\s*`, 'gu');

/** Zero-width characters pasted from web pages and Word; invisible, so never meaningful. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

const HAN_SPACE_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** Only CJK unified ideographs: nothing to fold, no spaces, no dots, already NFC. Most names are. */
export function isPlainHan(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

export function normalizeName(raw: string): string {
  if (isPlainHan(raw)) return raw;
  return (
    toHalfWidth(raw)
      .replace(INVISIBLE, '')
      .replace(DOT_RUN, '·')
      // "张 三" is a spacing habit in forms, never part of the name; Latin names keep one space.
      .replace(HAN_SPACE_HAN, '')
      .replace(/\s+/g, ' ')
      .trim()
      // Last, because folding can leave decomposed sequences (e.g. `Ｅ` + U+0301) that only now compose.
      .normalize('NFC')
  );
}
