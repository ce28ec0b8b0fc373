import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type OrgUnit, type Role } from '../../shared/api';
import { AppError } from '../api/errors';
import { bareCore, logIn, tempDir, testCore } from '../testing/fixtures';
import { removeStaleUploads } from './uploads';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('chunked uploads', () => {
  it('assembles the chunks in order into a private file, and identifies it by size and SHA-256', async () => {
    const { core, dbFile } = await testCore();
    const content = '姓名,身份证号,死亡日期\n'.repeat(1000);
    const bytes = Buffer.from(content);
    const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName: '死亡.csv', size: bytes.length })) as { uploadId: string };
    expect(uploadId).toMatch(/^[0-9A-Z]{26}$/);
    const file = path.join(path.dirname(dbFile), 'uploads', uploadId);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    let offset = 0;
    for (const size of [1, 4095, 10_000, bytes.length]) {
      const chunk = bytes.subarray(offset, offset + size);
      if (chunk.length === 0) break;
      const { received } = (await core.call(api.files.appendUpload.name, { uploadId, offset, chunkBase64: chunk.toString('base64') })) as { received: number };
      offset += chunk.length;
      expect(received).toBe(offset);
    }
    expect(await core.call(api.files.finishUpload.name, { uploadId })).toEqual({
      uploadId,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(await core.call(api.files.discardUpload.name, { uploadId })).toEqual({ discarded: true });
    expect(fs.existsSync(file)).toBe(false);
    expect(await core.call(api.files.discardUpload.name, { uploadId })).toEqual({ discarded: false });
  });

  it('refuses a chunk out of order, one beyond the declared size, and finishing early', async () => {
    const { core } = await testCore();
    const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName: 'a.csv', size: 10 })) as { uploadId: string };
    await core.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: b64('abcd') });
    const skipped = await failure(core.call(api.files.appendUpload.name, { uploadId, offset: 8, chunkBase64: b64('ij') }));
    expect([skipped.code, skipped.details]).toEqual(['UPLOAD_OUT_OF_ORDER', { offset: 8, expected: 4 }]);
    const repeated = await failure(core.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: b64('abcd') }));
    expect(repeated.details).toEqual({ offset: 0, expected: 4 });
    const early = await failure(core.call(api.files.finishUpload.name, { uploadId }));
    expect([early.code, early.details]).toEqual(['UPLOAD_OUT_OF_ORDER', { offset: 4, expected: 10 }]);
    const tooLarge = await failure(core.call(api.files.appendUpload.name, { uploadId, offset: 4, chunkBase64: b64('efghijk') }));
    expect([tooLarge.code, tooLarge.details]).toEqual(['UPLOAD_TOO_LARGE', { size: 10 }]);
    expect((await failure(core.call(api.files.appendUpload.name, { uploadId, offset: 4, chunkBase64: 'ZW#Z2' }))).code).toBe('INVALID_INPUT');
    // nothing of the refused chunks was kept
    await core.call(api.files.appendUpload.name, { uploadId, offset: 4, chunkBase64: b64('efghij') });
    expect(await core.call(api.files.finishUpload.name, { uploadId })).toMatchObject({ size: 10, sha256: createHash('sha256').update('abcdefghij').digest('hex') });
  });

  it("keeps each user's uploads and each core's apart", async () => {
    const { core } = await testCore();
    const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
    const role = ((await core.call(api.roles.list.name, {})) as Role[]).find((r) => r.code === 'data_analyst')!;
    await core.call(api.users.create.name, { username: 'analyst', displayName: '分析员', unitId: root!.id, roleId: role.id, password: 'welfare-pass-2026' });
    const analyst = await logIn(core, 'analyst', 'welfare-pass-2026');
    const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName: 'a.csv', size: 2 }, analyst)) as { uploadId: string };
    for (const [name, input] of [
      [api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: b64('ab') }],
      [api.files.finishUpload.name, { uploadId }],
    ] as const) {
      expect((await failure(core.call(name, input))).code, name).toBe('UPLOAD_NOT_FOUND');
    }
    expect(await core.call(api.files.discardUpload.name, { uploadId })).toEqual({ discarded: false });
    const { core: other } = await testCore();
    expect((await failure(other.call(api.files.finishUpload.name, { uploadId }))).code).toBe('UPLOAD_NOT_FOUND');
    await core.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: b64('ab') }, analyst);
    expect(await core.call(api.files.finishUpload.name, { uploadId }, analyst)).toMatchObject({ size: 2 });
  });

  it('removes what a process that ended left: all of it by the core that owns the folder, old files by any other', () => {
    const dir = tempDir();
    const uploads = path.join(dir, 'uploads');
    fs.mkdirSync(uploads);
    const fresh = path.join(uploads, '01JFRESH000000000000000000');
    const old = path.join(uploads, '01JOLD00000000000000000000');
    fs.writeFileSync(fresh, 'x');
    fs.writeFileSync(old, 'y');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    bareCore({ dbFile: path.join(dir, 'zhijian.db') });
    expect(fs.readdirSync(uploads)).toEqual([path.basename(fresh)]);
    bareCore({ dbFile: path.join(dir, 'zhijian.db'), exclusive: true }).core.close();
    expect(fs.readdirSync(uploads)).toEqual([]);
    expect(removeStaleUploads(path.join(dir, 'missing'), { all: true })).toBe(0);
  });
});
