/**
 * Amounts travel as integer fen (never floating point, as FORMATS.md requires) and are shown in
 * yuan with two decimals and thousands separators: 123456 → "1,234.56".
 */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What a person typed in yuan, as fen: digits with up to two decimals, thousands separators
 * allowed; anything else (a negative, a third decimal, letters) is null. Parsed as text so that
 * 0.29 yuan is 29 fen exactly.
 */
export function parseYuan(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** A hit's confidence as a percentage: 1 → "100%", 0.9 → "90%". */
export const formatConfidence = (confidence: number): string => `${Math.round(confidence * 100)}%`;
