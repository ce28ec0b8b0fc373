import i18next, { type TFunction } from 'i18next';
import type { WireError } from '../api/errors';
import { DEFAULT_LANGUAGE, LANGUAGES, resources, type Language } from './index';

/** The language for the CLI and the server's own messages: ZHIJIAN_LANG, else LANG, else Chinese. */
export function languageFromEnv(env: Record<string, string | undefined>): Language {
  const wanted = env.ZHIJIAN_LANG ?? (env.LANG?.toLowerCase().startsWith('en') ? 'en' : undefined);
  return LANGUAGES.find((l) => l === wanted) ?? DEFAULT_LANGUAGE;
}

/** A translator outside React (CLI, server), on the same resources as the UI. */
export function createTranslator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, fallbackLng: DEFAULT_LANGUAGE, resources, initAsync: false, showSupportNotice: false, interpolation: { escapeValue: false } });
  return instance.t.bind(instance);
}

/** One line for a person: the error's message with its details filled in. */
export function errorMessage(t: TFunction, error: WireError): string {
  const details = Object.fromEntries(
    // list items may themselves be message keys (password rules): translated, or kept as written
    Object.entries(error.details ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((item) => t(item)).join('; ') : v]),
  );
  return t(error.messageKey, details);
}
