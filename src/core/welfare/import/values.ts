/**
 * Cell text to column values for what ../../import/normalize does not cover: free text, codes
 * (accounts, plates, credit codes), areas and registered capital. Pure and total, like normalize.
 */
import { parseAmountFen, type ParseResult } from '../../import/normalize';
import { toHalfWidth } from '../../registry/names';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Control characters never mean anything in a cell; as spaces they cannot glue two words together.
// eslint-disable-next-line no-control-regex -- matching them is the point
const SPACES = /[\s\x00-\x1F\x7F]+/g;

/** Whether the text may need cleaning: any space, control or invisible character. */
function needsCleaning(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff) return true;
  }
  return false;
}

/** Free text as written, trimmed, with each run of spaces (and control characters) as one space. */
export function cleanText(cell: string): string {
  if (!needsCleaning(cell)) return cell;
  return cell.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Digits and capitals only: nothing to fold. Most account numbers are. */
function isPlainCode(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && (c < 65 || c > 90)) return false;
  }
  return true;
}

/** A code typed with spaces or a Chinese input method: half-width, no spaces, upper case (账号, 号牌, 信用代码). */
export function cleanCode(cell: string): string {
  if (isPlainCode(cell)) return cell;
  return toHalfWidth(cleanText(cell)).replace(/ /g, '').toUpperCase();
}

const DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const AREA_UNIT = /(?:平方米|平米|㎡|m2|m²)$/i;

/** A non-negative decimal such as an area (`136`, `1,234.5`, `88.6㎡`). */
export function parseArea(cell: string): ParseResult<number> {
  const text = toHalfWidth(cleanText(cell)).replace(AREA_UNIT, '').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!DECIMAL.test(text)) return { ok: false, reason: 'format' };
  return { ok: true, value: Number(text.replace(/,/g, '')) };
}

const TEN_THOUSAND = /\s*万(?:元)?$/;

/** Registered capital in fen: yuan as parseAmountFen reads them, or 万元 (ten thousand yuan) as registries write it. */
export function parseCapitalFen(cell: string): ParseResult<number> {
  const text = cleanText(cell);
  if (!TEN_THOUSAND.test(text)) return parseAmountFen(text);
  const tens = parseAmountFen(text.replace(TEN_THOUSAND, ''));
  if (!tens.ok) return tens.reason === 'empty' ? { ok: false, reason: 'format' } : tens;
  const fen = tens.value * 10_000;
  return Number.isSafeInteger(fen) ? { ok: true, value: fen } : { ok: false, reason: 'range' };
}
