/** For tests of imports: files uploaded through the procedures, and synthetic disbursement rows. */
import fs from 'node:fs';
import path from 'node:path';
import { api } from '../../../shared/api';
import type { Dataset, WelfareImportReport } from '../../../shared/api/welfare';
import type { Core } from '../../api/core';
import { syntheticId } from '../../testing/fixtures';

export const DISBURSEMENT_HEADER = ['项目名称', '发放年月', '姓名', '身份证号', '户主身份证号', '与户主关系', '县区', '乡镇', '村社区', '发放金额', '发放日期', '收款账号', '收款人', '审批人', '审批人身份证号'];

/** A synthetic payment row (cells in DISBURSEMENT_HEADER order), different for every i. */
export function paymentRow(i: number): string[] {
  const id = syntheticId('530721', `19${String(40 + (i % 60)).padStart(2, '0')}0${1 + (i % 9)}1${i % 10}`, String(i % 1000).padStart(3, '0'));
  const name = '王李张刘陈杨'[i % 6]! + '秀志丽建'[i % 4]! + '英华'[i % 2]!;
  return ['城乡低保', '2026-03', name, id, id, '本人', '玉龙县', '黄山镇', `黄山${i % 7}村`, `${300 + (i % 500)}.${String(i % 100).padStart(2, '0')}`, '', `6217${String(1e12 + i)}`, name, '和建国', ''];
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Uploads a file in chunks of `chunk` bytes; returns the upload id. */
export async function uploadFile(core: Core, file: string, options: { token?: string; chunk?: number; fileName?: string } = {}): Promise<string> {
  const bytes = fs.readFileSync(file);
  const fileName = options.fileName ?? path.basename(file);
  const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName, size: bytes.length }, options.token)) as { uploadId: string };
  const chunk = options.chunk ?? 8 * 1024 * 1024;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await core.call(api.files.appendUpload.name, { uploadId, offset, chunkBase64: bytes.subarray(offset, offset + chunk).toString('base64') }, options.token);
  }
  await core.call(api.files.finishUpload.name, { uploadId }, options.token);
  return uploadId;
}

/** Uploads and imports a file through the procedures a user's import goes through. */
export async function importThrough(
  core: Core,
  file: string,
  dataset: Dataset,
  options: { token?: string; mapping?: Record<string, number>; sheet?: string; fileName?: string } = {},
): Promise<WelfareImportReport> {
  const uploadId = await uploadFile(core, file, options);
  const input = { uploadId, dataset, ...(options.mapping ? { mapping: options.mapping } : {}), ...(options.sheet ? { sheet: options.sheet } : {}) };
  return (await core.call(api.welfare.import.name, input, options.token)) as WelfareImportReport;
}
