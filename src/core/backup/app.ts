import path from 'node:path';
import { api } from '../../shared/api';
import { implement } from '../api/implement';
import { defaultBackupFile, listBackups, writeBackup } from './backup';

export const backupProcedures = [
  implement(api.backup.create, (ctx, input) => {
    const now = ctx.now();
    const file = input.file ? path.resolve(input.file) : defaultBackupFile(ctx.dataDir, now);
    const info = writeBackup(ctx.sqlite, ctx.vault.dbFile, file, now);
    ctx.audit([], { file: path.basename(info.file), bytes: info.bytes });
    return info;
  }),
  implement(api.backup.list, (ctx) => listBackups(ctx.dataDir)),
];
