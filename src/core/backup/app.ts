import path from 'node:path';
import { api } from '../../shared/api';
import { implement } from '../api/implement';
import { shanghaiTimestamp } from '../api/time';
import { backupsDir, listBackups, writeBackup } from './backup';

export const backupProcedures = [
  implement(api.backup.create, (ctx, input) => {
    const stamp = shanghaiTimestamp(ctx.now()).slice(0, 19).replace(/[-:T]/g, '');
    const file = input.file ? path.resolve(input.file) : path.join(backupsDir(ctx.dataDir), `zhijian-${stamp}.db`);
    const info = writeBackup(ctx.sqlite, ctx.vault.dbFile, file, ctx.now());
    ctx.audit([], { file: path.basename(info.file), bytes: info.bytes });
    return info;
  }),
  implement(api.backup.list, (ctx) => listBackups(ctx.dataDir)),
];
