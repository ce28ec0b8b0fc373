import { identityFileSchema, type IdentityFile } from '../../../shared/api/sync';

const GROUPS_PER_LINE = 4;

/**
 * A fingerprint (12 groups of 5 digits) as 3 lines of 4 groups: the way two administrators read
 * it out to each other by phone, a line at a time. Whatever the text holds is shown, grouped the
 * same way: a short or damaged fingerprint must look wrong, not be hidden.
 */
export function fingerprintLines(fingerprint: string): string[][] {
  const groups = fingerprint.trim().split(/\s+/).filter(Boolean);
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE) lines.push(groups.slice(i, i + GROUPS_PER_LINE));
  return lines;
}

/** `json`: the file as read, which is what the core is given to check (not the shape seen here). */
export type IdentityRead = { ok: true; identity: IdentityFile; json: unknown } | { ok: false; reason: 'notJson' | 'notIdentity' };

/**
 * A peer's identity file as read in the browser, to show its unit and fingerprint before it is
 * added. Only its shape is checked here; the core checks the keys against the fingerprint.
 */
export function readIdentityText(text: string): IdentityRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  const parsed = identityFileSchema.safeParse(json);
  return parsed.success ? { ok: true, identity: parsed.data, json } : { ok: false, reason: 'notIdentity' };
}

/** The name this node's identity file is saved under. */
export const identityFileName = (identity: Pick<IdentityFile, 'unitCode'>): string => `zhijian-node-${identity.unitCode}.json`;
