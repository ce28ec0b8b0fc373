/**
 * XLSX cell values as the text a user sees in Excel, so that every dataset parses CSV and XLSX
 * cells with the same functions.
 */

/**
 * A finite number as plain decimal text (never `1e+21` or `1e-7`). Non-integers are rounded to
 * 15 significant digits, as Excel displays them, so a formula result stored as
 * 0.30000000000000004 reads as 0.3 and not as an amount with too many decimals.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [mantissa = '', exponent = '0'] = n.toPrecision(15).split('e');
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const point = unsigned.indexOf('.');
  const digits = unsigned.replace('.', '');
  const pointAt = (point < 0 ? unsigned.length : point) + Number(exponent);
  let text: string;
  if (pointAt <= 0) text = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) text = digits + '0'.repeat(pointAt - digits.length);
  else text = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  text = text.replace(/^0+(?=\d)/, '');
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

function isDate(value: unknown): value is Date {
  // Not instanceof: exceljs may build its Dates in another realm (test runners, workers).
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** exceljs turns date-formatted cells into UTC midnight Dates; the day is all a date field holds. */
function dayOf(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return '';
  return date.toISOString().slice(0, 10);
}

/** Any exceljs cell value: rich text, formulas (their cached result), hyperlinks and errors included. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return dayOf(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText.map((run: unknown) => cellText((run as { text?: unknown } | null)?.text)).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    // `#N/A` and friends stay visible so the row is rejected rather than read as blank.
    if ('error' in v) return cellText(v.error);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}
