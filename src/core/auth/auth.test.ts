import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { api, type AuthStatus, type OrgUnit, type PeopleImportReport, type Role, type SessionOpened, type UserRow } from '../../shared/api';
import { openCore, type Core } from '../api/core';
import { MIGRATIONS_DIR } from '../paths';
import { ADMIN, bareCore, logIn, syntheticId, TEST_KDF, tempDir, testCore } from '../testing/fixtures';

const COUNTY_PASSWORD = 'county-pass-2026';

async function addUser(core: Core, username: string, roleCode: string, unitCode?: string): Promise<UserRow> {
  const role = ((await core.call(api.roles.list.name, {})) as Role[]).find((r) => r.code === roleCode)!;
  const units = (await core.call(api.units.list.name, {})) as OrgUnit[];
  const unit = unitCode ? units.find((u) => u.code === unitCode)! : units[0]!;
  return (await core.call(api.users.create.name, { username, displayName: username, unitId: unit.id, roleId: role.id, password: COUNTY_PASSWORD })) as UserRow;
}

/** Every byte sequence the text can take on disk. */
function containsText(file: string, text: string): boolean {
  if (!fs.existsSync(file)) return false;
  const bytes = fs.readFileSync(file);
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')].some((needle) => bytes.includes(needle));
}

describe('accounts and the encrypted database', () => {
  it('keeps no plaintext of an imported name or ID number in the database file or its WAL', async () => {
    const { core, dbFile } = await testCore();
    const idNumber = syntheticId('530721', '19880101', '123');
    const csv = `姓名,身份证号\n和志强,${idNumber}\n`;
    const report = (await core.call(api.people.import.name, { fileName: 'p.csv', contentBase64: Buffer.from(csv).toString('base64') })) as PeopleImportReport;
    expect(report.created).toBe(1);
    // while open (the rows sit in the WAL) and after closing (checkpointed into the file)
    for (const file of [dbFile, `${dbFile}-wal`]) {
      expect(containsText(file, '和志强'), file).toBe(false);
      expect(containsText(file, idNumber), file).toBe(false);
    }
    core.close();
    for (const file of fs.readdirSync(path.dirname(dbFile)).map((f) => path.join(path.dirname(dbFile), f))) {
      expect(containsText(file, '和志强'), file).toBe(false);
      expect(containsText(file, idNumber), file).toBe(false);
    }
  });

  it('opens nothing with a wrong password, and locks the account after five failures', async () => {
    const { core, dbFile } = await testCore();
    core.close();
    const fresh = bareCore({ dbFile }).core;
    await expect(fresh.call(api.auth.login.name, { username: 'admin', password: 'not-the-password-1' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(() => fresh.database).toThrow(); // still locked: nothing was decrypted
    await expect(fresh.call(api.auth.login.name, { username: 'nobody', password: 'whatever-123' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    for (let i = 0; i < 3; i++) await expect(fresh.call(api.auth.login.name, { username: 'admin', password: `wrong-${i}-x` })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await expect(fresh.call(api.auth.login.name, { username: 'admin', password: 'wrong-last-1' })).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    // the right password does not help while locked
    await expect(fresh.call(api.auth.login.name, ADMIN)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', details: { until: expect.any(String) } });
  });

  it('counts failures for the administrator to see, and records them in the audit trail once it is readable', async () => {
    const { core } = await testCore();
    await addUser(core, 'yulong', 'county_officer');
    for (let i = 0; i < 2; i++) await expect(logIn(core, 'yulong', `wrong-pass-${i}`)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const users = (await core.call(api.users.list.name, {})) as UserRow[];
    expect(users.find((u) => u.username === 'yulong')).toMatchObject({ failedAttempts: 2, lockedUntil: null });
    const trail = (await core.call(api.audit.list.name, { procedure: 'auth.login' })) as { rows: { actor: string; summary: { outcome?: string } }[] };
    expect(trail.rows.filter((r) => r.actor === 'yulong' && r.summary.outcome === 'failed')).toHaveLength(2);
  });

  it('locks an idle session, keeps it, and lifts the lock with the password', async () => {
    let now = new Date('2026-11-27T09:00:00+08:00');
    const { core } = await testCore({ idleLockSeconds: 60, now: () => now });
    await core.call(api.people.search.name, {});
    now = new Date(now.getTime() + 61_000);
    await expect(core.call(api.people.search.name, {})).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    expect(await core.call(api.auth.status.name, {})).toMatchObject({ state: 'open', locked: true });
    await expect(core.call(api.auth.unlock.name, { password: 'wrong-pass-9' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await core.call(api.auth.unlock.name, { password: ADMIN.password });
    await expect(core.call(api.people.search.name, {})).resolves.toMatchObject({ total: 0 });
  });

  it('changes a password by rewrapping one slot, and enforces the password rules', async () => {
    const { core, dbFile } = await testCore();
    await expect(core.call(api.auth.changePassword.name, { currentPassword: ADMIN.password, newPassword: 'short1' })).rejects.toMatchObject({
      code: 'PASSWORD_WEAK',
      details: { problems: ['auth.password.tooShort'] },
    });
    const before = JSON.parse(fs.readFileSync(`${dbFile}.keys`, 'utf8')) as { slots: { id: string; kind: string }[] };
    await core.call(api.auth.changePassword.name, { currentPassword: ADMIN.password, newPassword: 'new-secret-2026' });
    const after = JSON.parse(fs.readFileSync(`${dbFile}.keys`, 'utf8')) as { slots: { id: string; kind: string }[] };
    expect(after.slots.find((s) => s.kind === 'recovery')).toEqual(before.slots.find((s) => s.kind === 'recovery'));
    core.close();
    const again = bareCore({ dbFile }).core;
    await expect(logIn(again, 'admin', ADMIN.password)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await expect(logIn(again, 'admin', 'new-secret-2026')).resolves.toEqual(expect.any(String));
  });

  it('opens the database with the recovery key and resets the administrator', async () => {
    const { core, dbFile, recoveryKey } = await testCore();
    core.close();
    const fresh = bareCore({ dbFile }).core;
    await expect(fresh.call(api.auth.recover.name, { recoveryKey: 'AAAAA-BBBBB-CCCCC', newPassword: 'reset-pass-2026' })).rejects.toMatchObject({ code: 'RECOVERY_KEY_INVALID' });
    const opened = (await fresh.call(api.auth.recover.name, { recoveryKey: recoveryKey.toLowerCase(), newPassword: 'reset-pass-2026' })) as SessionOpened;
    expect(opened.user.username).toBe('admin');
    await expect(logIn(fresh, 'admin', 'reset-pass-2026')).resolves.toEqual(expect.any(String));
  });

  it('revokes the key slot of a disabled user, who then cannot log in, and never deletes the account', async () => {
    const { core, dbFile } = await testCore();
    const user = await addUser(core, 'yulong', 'county_officer');
    const token = await logIn(core, 'yulong', COUNTY_PASSWORD);
    await core.call(api.users.setDisabled.name, { id: user.id, disabled: true });
    await expect(core.call(api.people.search.name, {}, token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await expect(logIn(core, 'yulong', COUNTY_PASSWORD)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const slots = JSON.parse(fs.readFileSync(`${dbFile}.keys`, 'utf8')) as { slots: { userId: string }[] };
    expect(slots.slots.some((s) => s.userId === user.id)).toBe(false);
    expect(((await core.call(api.users.list.name, {})) as UserRow[]).find((u) => u.id === user.id)).toMatchObject({ disabled: true });
    // re-enabled and given a new password by the administrator
    await core.call(api.users.setDisabled.name, { id: user.id, disabled: false });
    await core.call(api.users.resetPassword.name, { id: user.id, password: 'county-new-2026' });
    await expect(logIn(core, 'yulong', 'county-new-2026')).resolves.toEqual(expect.any(String));
    // the last administrator stays
    const admin = ((await core.call(api.users.list.name, {})) as UserRow[]).find((u) => u.username === 'admin')!;
    await expect(core.call(api.users.setDisabled.name, { id: admin.id, disabled: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an administrator narrow a role, with effect on the next call', async () => {
    const { core } = await testCore();
    await addUser(core, 'analyst', 'data_analyst');
    const token = await logIn(core, 'analyst', COUNTY_PASSWORD);
    const role = ((await core.call(api.roles.list.name, {})) as Role[]).find((r) => r.code === 'data_analyst')!;
    await core.call(api.roles.update.name, { id: role.id, permissions: ['system.read'] });
    await expect(core.call(api.people.search.name, {}, token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const status = (await core.call(api.auth.status.name, {}, token)) as AuthStatus;
    expect(status.user?.permissions).toEqual(['system.read']);
  });

  it('refuses a second setup, and a tampered key slot opens nothing', async () => {
    const { core, dbFile } = await testCore();
    await expect(core.call(api.auth.setup.name, { username: 'other', displayName: 'x', password: 'another-pass-1' }, '')).rejects.toMatchObject({ code: 'SETUP_DONE' });
    core.close();
    const file = JSON.parse(fs.readFileSync(`${dbFile}.keys`, 'utf8')) as { slots: { kind: string; username: string | null }[] };
    // an attacker renames the administrator's slot to another account's name
    for (const slot of file.slots) if (slot.kind === 'user') slot.username = 'mallory';
    fs.writeFileSync(`${dbFile}.keys`, JSON.stringify(file));
    await expect(logIn(bareCore({ dbFile }).core, 'mallory', ADMIN.password)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('encrypts an existing plaintext database in place when it is set up', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'old.db');
    // a database as the foundation release wrote it: plaintext, our application id, a person
    const { openDatabase } = await import('../db/open');
    const old = openDatabase({ file: dbFile, migrationsDir: MIGRATIONS_DIR, create: true, key: null });
    old.sqlite
      .prepare("INSERT INTO org_units (id, code, name, kind, parent_id, created_at, updated_at) VALUES ('U1', '530700', '丽江市', 'city', NULL, 'x', 'x')")
      .run();
    old.sqlite
      .prepare(
        "INSERT INTO people (id, name, name_initials, name_pinyin, id_number, gender, birth_date, unit_id, created_at, updated_at) VALUES ('P1', '木丽华', 'mlh', 'mulihua', ?, 'F', '1980-01-01', 'U1', 'x', 'x')",
      )
      .run(syntheticId('530702', '19800101', '124'));
    old.sqlite.close();
    expect(containsText(dbFile, '木丽华')).toBe(true);

    const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
    expect(((await core.call(api.auth.status.name, {})) as AuthStatus).state).toBe('setup');
    const setup = (await core.call(api.auth.setup.name, { username: 'admin', displayName: '管理员', password: ADMIN.password })) as SessionOpened;
    const found = (await core.call(api.people.search.name, { query: 'mlh' }, setup.sessionToken)) as { rows: { name: string; unitName: string }[] };
    expect(found.rows).toMatchObject([{ name: '木丽华', unitName: '丽江市' }]);
    core.close();
    for (const name of fs.readdirSync(dir)) expect(containsText(path.join(dir, name), '木丽华'), name).toBe(false);
    expect(() => new Database(dbFile, { readonly: true }).prepare('SELECT count(*) FROM people').get()).toThrow();
  });
});

describe('a setup interrupted between writing the key slots and encrypting', () => {
  it('starts again instead of locking everyone out of the plaintext database', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'old.db');
    const { openDatabase } = await import('../db/open');
    openDatabase({ file: dbFile, migrationsDir: MIGRATIONS_DIR, create: true, key: null }).sqlite.close();
    // the slots of a setup whose process died before the encryption
    const { dbFile: other } = await testCore();
    fs.copyFileSync(`${other}.keys`, `${dbFile}.keys`);
    const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
    try {
      expect(((await core.call(api.auth.status.name, {})) as AuthStatus).state).toBe('setup');
      await core.call(api.auth.setup.name, { username: 'admin', displayName: '管理员', password: ADMIN.password });
    } finally {
      core.close();
    }
    await expect(logIn(bareCore({ dbFile }).core, 'admin', ADMIN.password)).resolves.toEqual(expect.any(String));
  });
});
