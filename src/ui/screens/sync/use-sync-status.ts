import { useEffect, useRef } from 'react';
import { api } from '../../../shared/api';
import type { SyncStatus } from '../../../shared/api/sync';
import { call, on } from '../../bridge/client';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery, type QueryState } from '../../data/use-query';

/**
 * Writes come in bursts (an import, a bundle applied) and each asks the core to count what waits
 * for every peer: one reload for the burst is enough.
 */
const DATA_RELOAD_DELAY_MS = 1_000;

const staleListeners = new Set<() => void>();

/**
 * Tells every view of the sync state to read it again: peers are local rows whose changes (added,
 * revoked, sent a bundle) no `data.changed` reports, and the status bar shows them too.
 */
export function syncStatusChanged(): void {
  staleListeners.forEach((listener) => listener());
}

/**
 * The sync state (relay, peers, what waits), kept current: at once when the relay's state
 * changes (`sync.changed`) or the sync screen changed a peer, shortly after data is written
 * (`data.changed`: more waits to go).
 */
export function useSyncStatus(): QueryState<SyncStatus> {
  const status = useQuery(() => call(api.sync.status, {}), []);
  const { reload } = status;
  useEffect(() => on('sync.changed', () => reload()), [reload]);
  useEffect(() => {
    staleListeners.add(reload);
    return () => void staleListeners.delete(reload);
  }, [reload]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useDataChanged(() => {
    timer.current ??= setTimeout(() => {
      timer.current = null;
      reload();
    }, DATA_RELOAD_DELAY_MS);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return status;
}
