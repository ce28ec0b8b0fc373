import { eq, isNull } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api/procedure';
import type { api, SessionOpened } from '../../shared/api';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import { encryptInPlace, fileLooksPlaintext } from '../db/cipher';
import { meta, orgUnits, users } from '../db/schema';
import { loadDemo } from '../demo/load';
import { createUnit } from '../registry/units';
import { createIdentity } from '../sync/identity';
import { newMasterKey, newRecoveryKey, RECOVERY_KDF, wrapKey, type KeySlotFile } from '../security/keyslots';
import { currentUser, requireStrongPassword, withUserSlot } from './accounts';
import { seedRoles } from './roles';
import fs from 'node:fs';

/**
 * First start: a master key, the administrator's key slot and a recovery slot, then the
 * database encrypted with that key (an existing plaintext database in place), the built-in
 * roles, the root unit, this node's sync keys and the administrator's account.
 */
export async function setup(ctx: Context, input: ParsedInputOf<typeof api.auth.setup>): Promise<SessionOpened & { recoveryKey: string }> {
  if (ctx.vault.state() !== 'setup') throw new AppError('SETUP_DONE');
  requireStrongPassword(input.password, input.username);
  const key = newMasterKey();
  const adminId = newId();
  const recoveryKey = newRecoveryKey();
  let slots: KeySlotFile = { format: 'zhijian-keyslots', version: 1, databaseId: newId(), slots: [] };
  slots = withUserSlot(slots, key, { id: adminId, username: input.username }, input.password, ctx.security.kdf);
  slots.slots.push(
    wrapKey(key, recoveryKey, { kind: 'recovery', userId: adminId, username: input.username, databaseId: slots.databaseId }, { ...RECOVERY_KDF, ...ctx.security.kdf }),
  );
  // the slots first: once the database is encrypted, only they open it
  ctx.vault.saveSlots(slots);
  const { dbFile } = ctx.vault;
  if (fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0 && fileLooksPlaintext(dbFile)) encryptInPlace(dbFile, key);
  ctx.vault.open(key);

  ctx.caller = { ...ctx.caller, actor: input.username, userId: adminId };
  ctx.write(
    (w) => {
      const now = ctx.now();
      w.db.insert(meta).values({ key: 'database_id', value: slots.databaseId }).onConflictDoNothing().run();
      const roleIds = seedRoles(w, now);
      const root =
        w.db.select({ id: orgUnits.id }).from(orgUnits).where(isNull(orgUnits.parentId)).get()?.id ??
        createUnit(w, { code: input.org.code, name: input.org.name, kind: 'city', parentId: null }, now);
      // this node's sync keys, for the unit it works for (an existing database's root keeps its code)
      const unitCode = w.db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, root)).get()!.code;
      createIdentity(w.db, ctx.nodeId, { unitCode, suite: input.suite, now });
      const at = shanghaiTimestamp(now);
      w.insert(users, {
        id: adminId,
        username: input.username,
        displayName: input.displayName,
        unitId: root,
        roleId: roleIds.administrator,
        disabled: false,
        createdAt: at,
        updatedAt: at,
      });
    },
    () => ({ username: input.username, suite: input.suite }),
  );
  if (input.demo) await loadDemo(ctx);
  const session = ctx.sessions.open(adminId, ctx.now().getTime());
  return { recoveryKey, user: currentUser(ctx.db, adminId), sessionToken: session.token };
}
