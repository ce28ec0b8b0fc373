import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../../shared/api/errors';
import { asWireError, notifyError, notifySuccess } from '../../../errors';

export type MutationResult = { ok: true } | { ok: false; error: WireError };

/**
 * Runs one write on a case. Success says so and reloads; a version conflict (someone acted on
 * the case in between) shows its message and reloads, so the next try sees the latest version.
 * Other refusals are handed back for the form to show (or notified when `notify` is set).
 */
export function useCaseMutation(reload: () => void) {
  const { t } = useTranslation();
  return useCallback(
    async (write: () => Promise<unknown>, success: string, options: { notify?: boolean } = {}): Promise<MutationResult> => {
      try {
        await write();
        notifySuccess(success);
        reload();
        return { ok: true };
      } catch (failure) {
        const error = asWireError(failure);
        if (error.code === 'CASE_VERSION_CONFLICT') {
          notifyError(t, error);
          reload();
        } else if (options.notify) {
          notifyError(t, error);
        }
        return { ok: false, error };
      }
    },
    [reload, t],
  );
}
