import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { WireError } from '../../shared/api/errors';
import { asWireError } from '../errors';

export interface QueryState<T> {
  data: T | undefined;
  error: WireError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a read whenever its dependencies change. The previous data stays on screen while the
 * next answer loads (no flicker on every keystroke) and answers to superseded requests are
 * dropped, so a slow early search cannot overwrite a later one.
 */
export function useQuery<T>(load: () => Promise<T>, deps: DependencyList): QueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<WireError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current().then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(asWireError(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // the caller's dependencies decide when to reload; `load` itself is read through a ref
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
