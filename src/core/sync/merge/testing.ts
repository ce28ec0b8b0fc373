/**
 * Test helpers for the merge engine: nodes that are real SQLite databases migrated with the
 * application's migrations, each with its own node id and clock, writing through the real write
 * path so that their change logs are the real thing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { anonymous } from '../../api/caller';
import { HybridLogicalClock } from '../../api/hlc';
import { runWrite, type Writer } from '../../api/write';
import { openDatabase, type Db } from '../../db/open';
import * as schema from '../../db/schema';
import { MIGRATIONS_DIR } from '../../paths';
import type { BundleContent } from '../operations';
import { applyContent, type ApplyResult } from './apply';
import { ownVector } from './knowledge';
import { contentFor } from './outgoing';
import { quoted } from './schema-info';
import type { ScopeFilter } from './scope';
import { SYNCED_TABLES, syncedTable } from './tables';

let template: Buffer | undefined;

/** A migrated empty database, migrated once per test file and copied for each node. */
function migratedImage(): Buffer {
  if (!template) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-merge-'));
    try {
      const { sqlite } = openDatabase({ file: path.join(dir, 'template.db'), migrationsDir: MIGRATIONS_DIR, create: true, key: null });
      // an in-memory copy cannot keep a write-ahead log
      sqlite.pragma('journal_mode = DELETE');
      template = sqlite.serialize();
      sqlite.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return template;
}

export interface MergeNode {
  nodeId: string;
  sqlite: Database.Database;
  db: Db;
  clock: HybridLogicalClock;
  /** one write through the write path, as a procedure would make it */
  write<T>(fn: (w: Writer) => T): T;
  /** applies content in one transaction and moves the clock past it */
  apply(content: BundleContent): ApplyResult;
  close(): void;
}

/** `now`: the node's wall clock in milliseconds (tests drive it). */
export function mergeNode(nodeId: string, now: () => number = Date.now): MergeNode {
  const sqlite = new Database(migratedImage());
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  const clock = new HybridLogicalClock(nodeId, now);
  const audit = { caller: anonymous('tester'), procedure: 'test.write', nodeId, now: () => new Date(now()) };
  return {
    nodeId,
    sqlite,
    db,
    clock,
    write: (fn) => runWrite(sqlite, db, clock, audit, (w) => ({ result: fn(w) })).result,
    apply(content) {
      const result = sqlite.transaction(() => applyContent(sqlite, content, { auditSeq: 0 }))();
      if (result.latest) clock.receive(result.latest);
      return result;
    },
    close: () => sqlite.close(),
  };
}

/** Every synced table's rows, sorted, for comparing nodes. */
export function syncedDump(sqlite: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(SYNCED_TABLES.map((t) => [t.name, sqlite.prepare(`SELECT * FROM ${quoted(t.name)} ORDER BY id`).all()]));
}

// ---- synthetic rows that satisfy the schema's NOT NULL columns and references ----

const AT = '2026-01-05 10:00:00';

export const unitRow = (id: string, code: string, parentId: string | null = null) =>
  ({ id, code, name: `单位${code}`, kind: parentId ? 'county' : 'city', parentId, createdAt: AT, updatedAt: AT }) as const;

export const personRow = (id: string, idNumber: string, unitId: string | null = null) =>
  ({ id, name: '和志强', nameInitials: 'hzq', namePinyin: 'hezhiqiang', idNumber, gender: 'M', birthDate: '1980-01-01', unitId, createdAt: AT, updatedAt: AT }) as const;

export const kinshipRow = (id: string, personId: string, relativeId: string) => ({ id, personId, relativeId, relation: '配偶', createdAt: AT }) as const;

export const caseRow = (id: string, number: string, unitId: string) =>
  ({
    id,
    number,
    title: '线索',
    source: 'letters_visits',
    receivedDate: '2026-01-05',
    unitId,
    summary: '摘要',
    complainantNamed: false,
    createdAt: AT,
    updatedAt: AT,
  }) as const;

export const subjectRow = (id: string, caseId: string, personId: string | null = null) =>
  ({ id, caseId, personId, name: '和志强', nameInitials: 'hzq', namePinyin: 'hezhiqiang', createdAt: AT }) as const;

export const eventRow = (id: string, caseId: string, seq: number, userId: string | null = null) =>
  ({
    id,
    caseId,
    seq,
    kind: seq === 1 ? 'opened' : 'transition',
    action: null,
    fromStage: null,
    toStage: 'intake',
    date: '2026-01-05',
    at: AT,
    userId,
    actor: 'tester',
    fields: '{}',
    approvals: '[]',
    effects: '{}',
    refersTo: null,
  }) as const;

/** The root unit's scope, without needing the root unit: every operation of a synced table. */
export const everything: ScopeFilter = { operation: (op) => syncedTable(op.table) !== undefined, audit: () => true };

/** Sends `to` everything `from` holds that `to` lacks; returns the apply's result. */
export function sync(from: MergeNode, to: MergeNode): ApplyResult {
  return to.apply(contentFor(from.sqlite, ownVector(to.sqlite), everything));
}
