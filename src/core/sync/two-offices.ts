// For tests: two real nodes (encrypted SQLite files, the procedures a user calls), the city and a
// county office, each the other's peer, exchanging bundles by file.
import { api, type BundleImportResult, type ExportedBundleFile, type IdentityFile } from '../../shared/api';
import type { Core } from '../api/core';
import { unitId } from '../registry/units';
import { testCore } from '../testing/fixtures';

/** A file through the chunked upload, as the application and the command line send one. */
export async function upload(core: Core, bytes: Uint8Array, fileName = 'bundle.zjb'): Promise<string> {
  const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName, size: bytes.length })) as { uploadId: string };
  if (bytes.length > 0) await core.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: Buffer.from(bytes).toString('base64') });
  await core.call(api.files.finishUpload.name, { uploadId });
  return uploadId;
}

const bytesOf = (bundle: ExportedBundleFile) => new Uint8Array(Buffer.from(bundle.bytesBase64, 'base64'));

export async function exportFor(from: Core, to: Core): Promise<Uint8Array> {
  return bytesOf((await from.call(api.sync.exportBundle.name, { peerId: to.nodeId })) as ExportedBundleFile);
}

export async function importInto(core: Core, bytes: Uint8Array): Promise<BundleImportResult> {
  return (await core.call(api.sync.importBundle.name, { uploadId: await upload(core, bytes) })) as BundleImportResult;
}

/** Both ways: from `a` to `b`, then back. */
export async function exchange(a: Core, b: Core): Promise<void> {
  await importInto(b, await exportFor(a, b));
  await importInto(a, await exportFor(b, a));
}

/** The city (530700, with the county 530721) and a county office's node (and its file), each the other's peer. */
export async function offices() {
  const [{ core: city }, { core: county, dbFile: countyFile }] = await Promise.all([testCore(), testCore()]);
  const root = unitId('530700');
  await city.call(api.units.create.name, { code: '530721', name: '玉龙县', kind: 'county', parentId: root });
  const identity = async (core: Core) => (await core.call(api.sync.identity.name, {})) as IdentityFile;
  await city.call(api.sync.addPeer.name, { identity: await identity(county), scopeCode: '530721', fingerprintConfirmed: true });
  await county.call(api.sync.addPeer.name, { identity: await identity(city), scopeCode: '530700', fingerprintConfirmed: true });
  return { city, county, root, countyFile };
}

export const clue = (title: string, unit: string) => ({
  title,
  source: 'letters_visits',
  receivedDate: '2026-11-20',
  unitId: unit,
  complainant: { named: false },
  subjects: [{ name: '王某' }],
});

/** The error code a procedure call was refused with. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('expected a refusal');
}
