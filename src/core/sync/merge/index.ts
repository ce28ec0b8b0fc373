/** The merge engine of sync: pure functions over a connection, run inside the caller's transaction. */
export { applyContent, reapplyDeferred, type ApplyOptions, type ApplyResult } from './apply';
export { ownVector } from './knowledge';
export { contentFor, pendingCount } from './outgoing';
export { originUnits, scopeFilter, type ScopeFilter } from './scope';
export { SYNCED_TABLES, syncedTable, type MergeRule, type Owner, type SyncedTable } from './tables';
