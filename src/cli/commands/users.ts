import { parseArgs } from 'node:util';
import { api, type UserRow } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { run, withSession, type CliIo } from '../context';

function byUsername(users: UserRow[], username: string | undefined): UserRow {
  const user = users.find((u) => u.username === username);
  if (!user) throw new AppError('NOT_FOUND', { user: username ?? '' });
  return user;
}

/** `zhijian users add USERNAME --name NAME --unit CODE --role ROLE --password PW` */
export async function addUser(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [username] = positionals;
  if (!username || !values.unit || !values.role || !values.password) {
    throw new AppError('INVALID_INPUT', { issues: ['users add USERNAME --unit CODE --role ROLE --password PW [--name NAME]'] });
  }
  await withSession(values.db, io, async (session) => {
    const unit = (await run(session, api.units.list, {})).find((u) => u.code === values.unit);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unit: values.unit! });
    const role = (await run(session, api.roles.list, {})).find((r) => r.code === values.role);
    if (!role) throw new AppError('ROLE_NOT_FOUND', { role: values.role! });
    const user = await run(session, api.users.create, {
      username,
      displayName: values.name ?? username,
      unitId: unit.id,
      roleId: role.id,
      password: values.password!,
    });
    io.out(values.json ? JSON.stringify(user) : `${user.username}: ${user.roleCode}, ${user.unitName}`);
  });
}

/** `zhijian users list [--json]` */
export async function listUsers(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  await withSession(values.db, io, async (session) => {
    const users = await run(session, api.users.list, {});
    if (values.json) {
      io.out(JSON.stringify(users));
      return;
    }
    for (const u of users) {
      const state = u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active';
      io.out([u.username, u.displayName, u.roleCode, u.unitName, state, `failures ${u.failedAttempts}`].join('\t'));
    }
  });
}

/** `zhijian users disable USERNAME` */
export async function disableUser(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  await withSession(values.db, io, async (session) => {
    const user = byUsername(await run(session, api.users.list, {}), positionals[0]);
    const updated = await run(session, api.users.setDisabled, { id: user.id, disabled: true });
    io.out(values.json ? JSON.stringify(updated) : `${updated.username}: disabled`);
  });
}
