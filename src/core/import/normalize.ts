/**
 * Cell text to typed values, for every dataset. Pure and total: a cell that cannot be read
 * comes back with a reason so the importer can reject the row with its field, never throw.
 */
import { toHalfWidth } from '../registry/names';

export type ParseFailure = 'empty' | 'format' | 'range';
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure };

export interface DateOptions {
  /**
   * The cell came from an XLSX sheet, where a date column not formatted as a date arrives as
   * Excel's day serial (46086 = 2026-03-05). Off for CSV, where such a number is a typo.
   */
  excelSerial?: boolean;
}

const fail = (reason: ParseFailure): { ok: false; reason: ParseFailure } => ({ ok: false, reason });

/** Years a record of living administration can carry; anything else is a typo (0226, 20226). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function cleanText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u200B\uFEFF]+/g, ' ').trim();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isDay(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isoDate(year: number, month: number, day: number): ParseResult<string> {
  if (!isDay(year, month, day)) return fail('range');
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

// A time of day after the date, as database exports write it (`2026-03-05 00:00:00`), is ignored.
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const SEPARATED_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CHINESE_DATE = new RegExp(String.raw`^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]?${TIME}$`);
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

const DAY_MS = 86_400_000;

function fromExcelSerial(text: string): ParseResult<string> {
  const serial = Number.parseInt(text, 10); // the fraction is the time of day
  // Excel counts the fictitious 1900-02-29 as serial 60 (a Lotus 1-2-3 bug it kept), so serials
  // from 61 on are one day ahead of a plain count from 1899-12-31.
  if (serial < 1 || serial === 60) return fail('range');
  const days = serial < 60 ? serial - 1 : serial - 2;
  const date = new Date(Date.UTC(1900, 0, 1) + days * DAY_MS);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whether the characters from `from` to `to` (exclusive) are ASCII digits. */
function digitsAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `2026-03-05` exactly, the form most cells already have: read without the general patterns. */
function isIsoDateShape(text: string): boolean {
  return text.length === 10 && text[4] === '-' && text[7] === '-' && digitsAt(text, 0, 4) && digitsAt(text, 5, 7) && digitsAt(text, 8, 10);
}

/** A calendar date as `YYYY-MM-DD`. */
export function parseDate(text: string, options: DateOptions = {}): ParseResult<string> {
  if (isIsoDateShape(text)) {
    // the text itself: the same characters isoDate would build
    return isDay(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))) ? { ok: true, value: text } : fail('range');
  }
  const s = cleanText(text);
  if (s === '') return fail('empty');
  const m = SEPARATED_DATE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  const c = CHINESE_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (c) return isoDate(Number(c[1]), Number(c[2]), Number(c[3]));
  if (options.excelSerial && SERIAL.test(s)) return fromExcelSerial(s);
  return fail('format');
}

const SEPARATED_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const CHINESE_MONTH = /^(\d{4}) ?年 ?(\d{1,2}) ?月?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

/**
 * A month as `YYYY-MM`. A full date is accepted too and gives its month, because Excel turns a
 * typed `2026-03` into the date 2026-03-01.
 */
export function parseMonth(text: string, options: DateOptions = {}): ParseResult<string> {
  if (text.length === 7 && text[4] === '-' && digitsAt(text, 0, 4) && digitsAt(text, 5, 7)) {
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return fail('range');
    return { ok: true, value: text };
  }
  const s = cleanText(text);
  if (s === '') return fail('empty');
  const m = SEPARATED_MONTH.exec(s) ?? CHINESE_MONTH.exec(s) ?? COMPACT_MONTH.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return fail('range');
    return { ok: true, value: `${year}-${pad2(month)}` };
  }
  const date = parseDate(s, options);
  return date.ok ? { ok: true, value: date.value.slice(0, 7) } : date;
}

// Thousands separators, when used, must group by three, so `1,23` is a typo rather than 123.
const AMOUNT = /^(-)?(?:[¥￥] ?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?: ?元)?$/;
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * `1234` or `1234.5` or `1234.56` (up to 13 integer digits, so the fen stay exact in a double):
 * the form most cells have, in fen without the general pattern and BigInt. Anything else is
 * undefined and takes the general path.
 */
function plainYuanFen(text: string): number | undefined {
  const n = text.length;
  const point = text.indexOf('.');
  const integerDigits = point < 0 ? n : point;
  const decimals = point < 0 ? 0 : n - point - 1;
  if (integerDigits < 1 || integerDigits > 13 || (point >= 0 && (decimals < 1 || decimals > 2))) return undefined;
  if (!digitsAt(text, 0, integerDigits) || !digitsAt(text, integerDigits + 1, n)) return undefined;
  const yuan = Number(text.slice(0, integerDigits));
  const fen = decimals === 0 ? 0 : decimals === 1 ? Number(text[n - 1]) * 10 : Number(text.slice(n - 2));
  return yuan * 100 + fen;
}

/**
 * Yuan as written in a cell (`1,234.50`, `1234.5元`, `-3`) to integer fen. Decimal text is
 * split into its integer and fraction digits and combined with BigInt, never through a binary
 * float, so `0.29` is 29 fen and not 28.999…
 */
export function parseAmountFen(text: string): ParseResult<number> {
  const plain = plainYuanFen(text);
  if (plain !== undefined) return { ok: true, value: plain };
  const s = cleanText(text).replace(/\u2212/g, '-');
  if (s === '') return fail('empty');
  const m = AMOUNT.exec(s);
  if (!m) return fail('format');
  const yuan = BigInt(m[2]!.replace(/,/g, ''));
  const fen = yuan * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) return fail('range');
  // `-0` would be a distinct JS number; a zero amount has no sign.
  return { ok: true, value: m[1] && fen !== 0n ? -Number(fen) : Number(fen) };
}

/** Integer fen as yuan text with two decimals (`123450` → `1,234.50`), the inverse of parseAmountFen. */
export function formatFen(fen: number, options: { thousands?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('formatFen needs a safe integer');
  const digits = String(Math.abs(fen)).padStart(3, '0');
  let yuan = digits.slice(0, -2);
  if (options.thousands) yuan = yuan.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}${yuan}.${digits.slice(-2)}`;
}
