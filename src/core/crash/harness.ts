/**
 * Test support for the crash-safety and backup tests: the writer child (writer-child.ts) bundled
 * once with esbuild and started as a plain Node process, the writes it acknowledged, and the
 * checks that a database holds no half-done operation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type Database from 'better-sqlite3';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../paths';

/**
 * Bundles writer-child.ts into `outDir` (CommonJS, better-sqlite3 left outside and found through
 * NODE_PATH, as the Electron core process does) and returns the bundle's path.
 */
export async function buildWriter(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'writer-child.cjs');
  await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'src/core/crash/writer-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    // src/core/paths.ts reads import.meta.url; the writer is given the migrations folder instead
    banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__import_meta_url' },
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  });
  return outfile;
}

/** What a writer said it had done, each only after the call returned. */
export interface Acknowledged {
  /** ID numbers of imported people */
  imported: string[];
  /** ids of people created one by one */
  created: string[];
  /** ids of kin links */
  linked: string[];
  /** ID numbers of all people written, imported or created, in the order written */
  people: string[];
}

export interface Writer {
  child: ChildProcess;
  acknowledged: Acknowledged;
  /** resolves once the writer has logged in and starts writing */
  ready: Promise<void>;
  /** resolves once the writer has acknowledged its first write */
  writing: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Starts the bundled writer on a database, as `credentials`; RUN keeps ID numbers of runs apart. */
export function startWriter(
  bundle: string,
  dbFile: string,
  run: number,
  credentials: { username: string; password: string },
  options: { autocheckpoint?: number } = {},
): Writer {
  const child = spawn(process.execPath, [bundle, dbFile, path.join(REPO_ROOT, 'migrations'), String(run)], {
    env: {
      ...process.env,
      NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
      ZHIJIAN_USER: credentials.username,
      ZHIJIAN_PASSWORD: credentials.password,
      ...(options.autocheckpoint ? { WRITER_AUTOCHECKPOINT: String(options.autocheckpoint) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: Acknowledged = { imported: [], created: [], linked: [], people: [] };
  let stderr = '';
  let pending = '';
  let onReady: () => void = () => {};
  let onWriting: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const writing = new Promise<void>((resolve) => (onWriting = resolve));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    // only whole lines count: a line the kill cut short was never acknowledged
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const [kind, value = '', idNumber = ''] = pending.slice(0, end).split(' ');
      pending = pending.slice(end + 1);
      if (kind === 'ready') onReady();
      else onWriting();
      if (kind === 'import') {
        acknowledged.imported.push(...value.split(','));
        acknowledged.people.push(...value.split(','));
      } else if (kind === 'person') {
        acknowledged.created.push(value);
        acknowledged.people.push(idNumber);
      } else if (kind === 'kin') acknowledged.linked.push(value);
    }
  });
  // a writer that dies before it is ready must not leave the test waiting
  void exited.then(() => {
    onReady();
    onWriting();
  });
  return { child, acknowledged, ready, writing, exited, stderr: () => stderr };
}

/** The acknowledged writes that the database does not hold. */
export function missingWrites(sqlite: Database.Database, acknowledged: Acknowledged): string[] {
  const has = (sql: string, value: string) => sqlite.prepare(sql).get(value) !== undefined;
  return [
    ...acknowledged.imported.filter((id) => !has('SELECT 1 FROM people WHERE id_number = ?', id)).map((id) => `imported person ${id}`),
    ...acknowledged.created.filter((id) => !has('SELECT 1 FROM people WHERE id = ?', id)).map((id) => `created person ${id}`),
    ...acknowledged.linked.filter((id) => !has('SELECT 1 FROM kinship WHERE id = ?', id)).map((id) => `kin link ${id}`),
  ];
}

/** Tables whose rows the checks follow from audit entry to change log to row and back. */
const TRACKED = ['people', 'kinship'] as const;
/** Procedures whose audit entries name rows they only read. */
const READS = new Set(['people.get']);

/**
 * What would show a half-done operation: a people or kinship row without exactly one change-log
 * insert and exactly one audit entry naming it (the one that insert points to); a change-log
 * row whose audit entry is missing or does not name its row; an audit entry naming a row that
 * has no change-log operation of that entry, or an inserted row that is not there. Empty when
 * every operation is wholly there or wholly absent.
 */
export function halfDoneOperations(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  const key = (table: string, id: string) => `${table}:${id}`;

  const entries = new Map<number, { procedure: string; rows: Set<string> }>();
  const namedBy = new Map<string, number[]>();
  for (const entry of sqlite.prepare('SELECT seq, procedure, rows FROM audit_log').all() as { seq: number; procedure: string; rows: string }[]) {
    const rows = new Set((JSON.parse(entry.rows) as { table: string; id: string }[]).map((r) => key(r.table, r.id)));
    entries.set(entry.seq, { procedure: entry.procedure, rows });
    if (READS.has(entry.procedure)) continue;
    for (const row of rows) namedBy.set(row, [...(namedBy.get(row) ?? []), entry.seq]);
  }

  const changes = sqlite.prepare('SELECT seq, table_name AS tableName, row_id AS rowId, op, audit_seq AS auditSeq FROM change_log').all() as {
    seq: number;
    tableName: string;
    rowId: string;
    op: string;
    auditSeq: number;
  }[];
  const changeKeys = new Set<string>();
  const inserts = new Map<string, number[]>();
  const deleted = new Set<string>();
  for (const change of changes) {
    const row = key(change.tableName, change.rowId);
    const entry = entries.get(change.auditSeq);
    if (!entry) problems.push(`change ${change.seq} (${row}) points to audit entry ${change.auditSeq}, which does not exist`);
    else if (!entry.rows.has(row)) problems.push(`change ${change.seq} (${row}): audit entry ${change.auditSeq} does not name the row`);
    changeKeys.add(`${change.auditSeq}/${row}`);
    if (change.op === 'insert') inserts.set(row, [...(inserts.get(row) ?? []), change.auditSeq]);
    if (change.op === 'delete') deleted.add(row);
  }

  for (const table of TRACKED) {
    const ids = new Set((sqlite.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]).map((id) => key(table, id)));
    for (const row of ids) {
      const inserted = inserts.get(row) ?? [];
      const named = namedBy.get(row) ?? [];
      if (inserted.length !== 1) problems.push(`${row}: ${inserted.length} change-log inserts`);
      else if (named.length !== 1 || named[0] !== inserted[0]) problems.push(`${row}: named by audit entries [${named.join(', ')}], inserted by entry ${inserted[0]}`);
    }
    for (const [row, seqs] of inserts) {
      if (row.startsWith(`${table}:`) && !ids.has(row) && !deleted.has(row)) problems.push(`${row}: inserted by audit entry ${seqs.join(', ')} but not there`);
    }
  }

  for (const [seq, entry] of entries) {
    if (READS.has(entry.procedure)) continue;
    for (const row of entry.rows) {
      if (TRACKED.some((table) => row.startsWith(`${table}:`)) && !changeKeys.has(`${seq}/${row}`)) {
        problems.push(`audit entry ${seq} (${entry.procedure}) names ${row} without a change-log operation`);
      }
    }
  }
  return problems;
}
