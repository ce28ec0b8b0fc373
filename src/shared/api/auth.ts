import { z } from 'zod';
import { PERMISSIONS, type Permission, type RoleCode } from './permissions';
import { procedure } from './procedure';
import { DEFAULT_SYNC_SUITE, SYNC_SUITES } from './sync';

/** The logged-in user as the UI sees them. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roleCode: string;
  roleName: string;
  permissions: Permission[];
}

export interface AuthStatus {
  /** setup: no administrator yet; login: the database is locked or no session; open: logged in */
  state: 'setup' | 'login' | 'open';
  user: CurrentUser | null;
  /** the session is idle-locked: the password is asked again, the screen stays */
  locked: boolean;
  idleLockSeconds: number;
}

/**
 * A result that opens a session carries its token in this field; the shells take it out (into
 * an HttpOnly cookie, or Electron's main process) so that page scripts never see it.
 */
export interface SessionOpened {
  sessionToken?: string;
  user: CurrentUser;
}

/** A login name: a letter, then 2 to 31 letters, digits, `.`, `_` or `-`. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/i;
const username = z.string().trim().regex(USERNAME_PATTERN);
const password = z.string().min(1).max(200);

export const auth = {
  status: procedure<AuthStatus>()({ name: 'auth.status', input: z.object({}).default({}), permission: 'public', mutates: false }),
  setup: procedure<SessionOpened & { recoveryKey: string }>()({
    name: 'auth.setup',
    input: z.object({
      username,
      displayName: z.string().trim().min(1).max(50),
      password,
      /** the root unit of a new database; an existing database keeps its own */
      org: z.object({ code: z.string().trim().regex(/^\d{6}$/), name: z.string().trim().min(1).max(100) }).default({ code: '530700', name: '丽江市' }),
      demo: z.boolean().default(false),
      /** the cipher suite of this node's sync keys: the whole deployment uses one */
      suite: z.enum(SYNC_SUITES).default(DEFAULT_SYNC_SUITE),
    }),
    permission: 'public',
    mutates: true,
  }),
  login: procedure<SessionOpened>()({
    name: 'auth.login',
    input: z.object({ username: z.string().trim().min(1).max(32), password }),
    permission: 'public',
    mutates: true,
  }),
  recover: procedure<SessionOpened>()({
    name: 'auth.recover',
    input: z.object({ recoveryKey: z.string().trim().min(10).max(200), newPassword: password }),
    permission: 'public',
    mutates: true,
  }),
  unlock: procedure<{ unlocked: true }>()({ name: 'auth.unlock', input: z.object({ password }), permission: 'session', mutates: true }),
  logout: procedure<{ endSession: true }>()({ name: 'auth.logout', input: z.object({}).default({}), permission: 'session', mutates: true }),
  changePassword: procedure<{ changed: true }>()({
    name: 'auth.changePassword',
    input: z.object({ currentPassword: password, newPassword: password }),
    permission: 'session',
    mutates: true,
  }),
};

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roleId: string;
  roleCode: string;
  roleName: string;
  disabled: boolean;
  /** failed logins since the last success, and the lock they caused */
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
}

export interface Role {
  id: string;
  code: string;
  /** built-in roles are named by the translations (`roles.<code>`) */
  name: string;
  builtin: boolean;
  permissions: Permission[];
}

const permissionList = z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length);

export const users = {
  list: procedure<UserRow[]>()({ name: 'users.list', input: z.object({}).default({}), permission: 'users.manage', mutates: false }),
  create: procedure<UserRow>()({
    name: 'users.create',
    input: z.object({ username, displayName: z.string().trim().min(1).max(50), unitId: z.string().min(1), roleId: z.string().min(1), password }),
    permission: 'users.manage',
    mutates: true,
  }),
  update: procedure<UserRow>()({
    name: 'users.update',
    input: z.object({
      id: z.string().min(1),
      displayName: z.string().trim().min(1).max(50).optional(),
      unitId: z.string().min(1).optional(),
      roleId: z.string().min(1).optional(),
    }),
    permission: 'users.manage',
    mutates: true,
  }),
  setDisabled: procedure<UserRow>()({
    name: 'users.setDisabled',
    input: z.object({ id: z.string().min(1), disabled: z.boolean() }),
    permission: 'users.manage',
    mutates: true,
  }),
  resetPassword: procedure<UserRow>()({
    name: 'users.resetPassword',
    input: z.object({ id: z.string().min(1), password }),
    permission: 'users.manage',
    mutates: true,
  }),
};

export const roles = {
  /** role definitions hold no data of anyone's: every user may read them (the users and roles screens both need them) */
  list: procedure<Role[]>()({ name: 'roles.list', input: z.object({}).default({}), permission: 'session', mutates: false }),
  update: procedure<Role>()({
    name: 'roles.update',
    input: z.object({ id: z.string().min(1), permissions: permissionList }),
    permission: 'roles.manage',
    mutates: true,
  }),
};

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  procedure: string;
  rows: { table: string; id: string }[];
  summary: Record<string, unknown>;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** entries that go on from an earlier entry of their node than the last (a restore from a backup) */
  forks: number;
  /** the first entry whose hash or link to its predecessor does not hold */
  firstBroken: { seq: number; reason: 'hash' | 'link' } | null;
}

export const audit = {
  list: procedure<{ rows: AuditEntry[]; total: number }>()({
    name: 'audit.list',
    input: z
      .object({
        actor: z.string().trim().max(32).optional(),
        procedure: z.string().trim().max(64).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .default({ limit: 50, offset: 0 }),
    permission: 'audit.read',
    mutates: false,
  }),
  verify: procedure<AuditVerification>()({ name: 'audit.verify', input: z.object({}).default({}), permission: 'audit.read', mutates: false }),
  /** the whole trail as JSON lines with hashes, for an external check; the export is audited */
  export: procedure<{ fileName: string; content: string; entries: number }>()({
    name: 'audit.export',
    input: z.object({}).default({}),
    permission: 'audit.export',
    mutates: true,
  }),
};

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: string;
}

export const backup = {
  create: procedure<BackupInfo>()({
    name: 'backup.create',
    /** file: where to write (must not exist); default: the data folder's backups/ */
    input: z.object({ file: z.string().trim().min(1).max(1000).optional() }).default({}),
    permission: 'backup.create',
    mutates: true,
  }),
  list: procedure<BackupInfo[]>()({ name: 'backup.list', input: z.object({}).default({}), permission: 'backup.create', mutates: false }),
};

export type { RoleCode };
