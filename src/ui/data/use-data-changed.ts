import { useEffect, useRef } from 'react';
import { on } from '../bridge/client';

/**
 * Calls `listener` whenever the core reports written data, whoever wrote it (this window, an
 * import, another window on the same server), so lists never show stale rows.
 */
export function useDataChanged(listener: (tables: string[]) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => on('data.changed', (payload) => ref.current(payload.tables)), []);
}
