/**
 * The fixed list of permissions. Every procedure names exactly one; roles (a later issue) are
 * sets of these, editable by the administrator but never extended at run time.
 */
export const PERMISSIONS = [
  'system.read',
  'system.manage',
  'registry.read',
  'registry.write',
  'registry.import',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
