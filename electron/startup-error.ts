import { toWireError } from '../src/core/api/errors';
import type { WireError } from '../src/shared/api/errors';
import { isWireError } from '../src/shared/api/errors';
import { createTranslator, errorMessage } from '../src/shared/i18n/translate';
import { languageForLocale } from './paths';

/** The title and the one translated line of the dialog shown when the core cannot start. */
export function startupErrorText(locale: string, error: unknown): { title: string; message: string } {
  const t = createTranslator(languageForLocale(locale));
  const wire: WireError = isWireError(error) ? error : toWireError(error);
  return { title: String(t('ui.appName', { defaultValue: '智监' })), message: errorMessage(t, wire) };
}
