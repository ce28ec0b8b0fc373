import type { SyncSuite } from '../../../shared/api/sync';

/** The message key naming each cipher suite. */
export const SUITE_LABEL: Record<SyncSuite, string> = {
  'x25519-ed25519-xchacha20poly1305': 'ui.sync.suite.international',
  'sm2-sm3-sm4gcm': 'ui.sync.suite.sm',
};
