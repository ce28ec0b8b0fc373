/**
 * How bureau exports write the same value in different ways: month, date and amount styles,
 * ID numbers with a lowercase x, full-width digits or spaces around, names with a space inside.
 * Every form here normalises (FORMATS.md) back to the clean value, so messiness never makes or
 * hides a hit.
 */
import type { Rng } from '../demo/random';

/** `2026-10` as 2026-10, 202610, 2026年10月 or 2026/10. */
export function monthText(rng: Rng, period: string): string {
  const [y, m] = period.split('-') as [string, string];
  const r = rng.float();
  if (r < 0.78) return period;
  if (r < 0.86) return `${y}${m}`;
  if (r < 0.97) return `${y}年${Number(m)}月`;
  return `${y}/${m}`;
}

/** `2026-10-15` in one of the styles of FORMATS.md. */
export function dateText(rng: Rng, iso: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const r = rng.float();
  if (r < 0.74) return iso;
  if (r < 0.83) return `${y}/${Number(m)}/${Number(d)}`;
  if (r < 0.87) return `${y}.${Number(m)}.${Number(d)}`;
  if (r < 0.95) return `${y}年${Number(m)}月${Number(d)}日`;
  return `${y}${m}${d}`;
}

function yuan(fen: number, thousands: boolean): { whole: string; decimals: string } {
  let whole = String(Math.floor(fen / 100));
  if (thousands) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return { whole, decimals: String(fen % 100).padStart(2, '0') };
}

/** Integer fen as yuan text: 650.00, 650, 650元, 1,250.00, 1,250.00元. */
export function amountText(rng: Rng, fen: number): string {
  const { whole, decimals } = yuan(fen, fen >= 100_000 && rng.chance(0.6));
  const exact = decimals === '00' && rng.chance(0.15) ? whole : `${whole}.${decimals}`;
  return rng.chance(0.1) ? `${exact}元` : exact;
}

const FULL_WIDTH_DIGITS = (text: string) => text.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A valid ID number as typed: mostly clean; a lowercase x, full-width digits or spaces around for a few. */
export function idText(rng: Rng, id: string): string {
  const r = rng.float();
  if (id.endsWith('X') && r < 0.4) return `${id.slice(0, 17)}x`;
  if (r < 0.985) return id;
  if (r < 0.992) return FULL_WIDTH_DIGITS(id);
  return rng.chance(0.5) ? ` ${id}` : `${id} `;
}

/** A name as typed: a space between the characters for a few, the middle dot of a Mosuo name in another form. */
export function nameText(rng: Rng, name: string): string {
  if (name.includes('·')) return rng.chance(0.3) ? name.replace('·', rng.pick(['•', '．', '.'])) : name;
  if (name.length >= 2 && rng.chance(0.02)) {
    const at = rng.int(1, name.length - 1);
    return `${name.slice(0, at)}${rng.chance(0.8) ? ' ' : '\u3000'}${name.slice(at)}`;
  }
  return name;
}
