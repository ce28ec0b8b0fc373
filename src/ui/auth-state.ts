import { useSyncExternalStore } from 'react';

/**
 * Whether the server has refused our token. A tab keeps its token across reloads, but a
 * restarted `serve` makes a new one: from then on every call fails, and the only remedy is the
 * newly printed URL, so the whole app gives way to the page that says so.
 */
let refused = false;
const listeners = new Set<() => void>();

export function reportTokenRefused(): void {
  if (refused) return;
  refused = true;
  listeners.forEach((l) => l());
}

export function useTokenRefused(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => refused,
  );
}
