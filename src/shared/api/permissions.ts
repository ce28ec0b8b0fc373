/**
 * The fixed list of permissions a role can hold. Roles are sets of these, editable by the
 * administrator, never extended at run time; modules add theirs here as they land.
 */
export const PERMISSIONS = [
  'system.read',
  'system.manage',
  'registry.read',
  'registry.write',
  'registry.import',
  'users.manage',
  'roles.manage',
  'audit.read',
  'audit.export',
  'backup.create',
  'cases.read',
  'cases.intake',
  'cases.handle',
  'cases.approve',
  'cases.configure',
  'welfare.read',
  'welfare.import',
  'welfare.analyse',
  'welfare.verify',
  'welfare.configure',
  /** identity, peers, bundles; everyone with system.read sees the sync state */
  'sync.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * What a procedure requires: a permission, or one of two access levels no role grants:
 * `public` (callable before logging in: status, setup, login, recovery) and `session` (any
 * logged-in user acting on their own account).
 */
export type Access = Permission | 'public' | 'session';

export const ROLE_CODES = [
  'administrator',
  'commission_leader',
  'case_management',
  'case_officer',
  'inspection_office',
  'data_analyst',
  'county_officer',
  'cadre_oversight',
  'auditor',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** The permissions each built-in role starts with; the administrator may change them. */
export const DEFAULT_ROLE_PERMISSIONS: Record<RoleCode, readonly Permission[]> = {
  administrator: PERMISSIONS,
  commission_leader: ['system.read', 'registry.read', 'audit.read', 'cases.read', 'cases.approve', 'welfare.read'],
  case_management: ['system.read', 'registry.read', 'registry.write', 'cases.read', 'cases.intake', 'cases.handle', 'cases.configure'],
  case_officer: ['system.read', 'registry.read', 'cases.read', 'cases.handle'],
  inspection_office: ['system.read', 'registry.read', 'cases.read', 'cases.intake'],
  data_analyst: [
    'system.read', 'registry.read', 'registry.import', 'cases.read',
    'welfare.read', 'welfare.import', 'welfare.analyse', 'welfare.configure',
  ],
  county_officer: [
    'system.read', 'registry.read', 'registry.write', 'registry.import',
    'cases.read', 'cases.intake', 'cases.handle', 'welfare.read', 'welfare.verify',
  ],
  cadre_oversight: ['system.read', 'registry.read', 'registry.write', 'audit.read', 'cases.read'],
  auditor: ['system.read', 'registry.read', 'audit.read', 'audit.export', 'cases.read', 'welfare.read'],
};
