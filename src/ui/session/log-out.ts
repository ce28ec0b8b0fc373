import { api } from '../../shared/api';
import { isWireError } from '../../shared/api/errors';
import { call } from '../bridge/client';
import { navigate } from '../routing';
import { endSession } from './session-store';

/**
 * Ends the session in the core, then here. The next user starts on the overview, not on the
 * screen the last one left open. A failure is the caller's to show: the session is then still
 * open, and pretending otherwise would let the next status check log the user straight back in.
 * A session the core no longer knows is as good as ended.
 */
export async function logOut(): Promise<void> {
  try {
    await call(api.auth.logout, {});
  } catch (error) {
    if (!isWireError(error) || (error.code !== 'SESSION_REQUIRED' && error.code !== 'SESSION_EXPIRED')) throw error;
  }
  navigate({ name: 'overview' }, { replace: true });
  endSession(null);
}
