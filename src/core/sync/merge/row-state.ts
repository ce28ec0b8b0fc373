/**
 * A row's merged state from every operation held for it, whatever order they arrived in: the
 * one rule that makes every node that holds the same operations hold the same row.
 */
import type { ColumnValue, Operation } from '../operations';
import type { MergeRule } from './tables';

export type RowOperation = Pick<Operation, 'hlc' | 'op' | 'columns'>;

export type RowState =
  /** the row exists with these columns (the ones its operations set) */
  | { kind: 'row'; columns: Record<string, ColumnValue> }
  /** deleted, and not inserted again after the deletion */
  | { kind: 'deleted' }
  /** no insert held yet (an update that overtook its insert): wait for it */
  | { kind: 'waiting' };

/** `operations` sorted by stamp, oldest first. */
export function rowState(rule: MergeRule, operations: readonly RowOperation[]): RowState {
  return rule === 'append' ? appendState(operations) : lwwState(operations);
}

/** Append-only records are written once: the first insert stands, nothing else applies. */
function appendState(operations: readonly RowOperation[]): RowState {
  const first = operations.find((o) => o.op === 'insert');
  return first ? { kind: 'row', columns: { ...first.columns } } : { kind: 'waiting' };
}

/**
 * Per column, the highest stamp wins. A deletion supersedes every earlier operation (a tombstone
 * beats a concurrent update), and only an insert stamped after it brings the row back: rows with
 * a fixed id, such as a calendar year `y2026` removed and entered again, do come back.
 */
function lwwState(operations: readonly RowOperation[]): RowState {
  let start = 0;
  for (let i = operations.length - 1; i >= 0; i--) {
    if (operations[i]!.op === 'delete') {
      start = i + 1;
      break;
    }
  }
  const live = operations.slice(start);
  if (!live.some((o) => o.op === 'insert')) return start > 0 ? { kind: 'deleted' } : { kind: 'waiting' };
  const columns: Record<string, ColumnValue> = {};
  for (const operation of live) Object.assign(columns, operation.columns);
  return { kind: 'row', columns };
}
