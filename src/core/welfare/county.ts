/**
 * Counties as the bureaus write them — a code (530721), the official name (玉龙纳西族自治县) or
 * the short form everyone uses (玉龙县) — resolved to the org unit of kind county.
 */
export interface CountyUnit {
  id: string;
  code: string;
  name: string;
}

/** 县 区 市 旗: the last character a short form keeps from the official name. */
const SUFFIXES = new Set(['县', '区', '市', '旗']);

/** 玉龙县 for 玉龙纳西族自治县, 宁蒗县 for 宁蒗彝族自治县: the stem and the kind of division. */
function isShortFormOf(written: string, name: string): boolean {
  const last = written.at(-1)!;
  const stem = written.slice(0, -1);
  return stem.length >= 2 && SUFFIXES.has(last) && name.endsWith(last) && name.startsWith(stem);
}

/** The county unit `written` names, by code, name or short form; null when none or more than one. */
export function resolveCounty(written: string | null | undefined, units: readonly CountyUnit[]): CountyUnit | null {
  const text = written?.replace(/\s+/g, '');
  if (!text) return null;
  const exact = units.find((u) => u.code === text || u.name === text);
  if (exact) return exact;
  const short = units.filter((u) => isShortFormOf(text, u.name));
  return short.length === 1 ? short[0]! : null;
}
