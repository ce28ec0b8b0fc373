import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, resources, type Language } from '../shared/i18n';

const STORAGE_KEY = 'zhijian.language';

function storedLanguage(): Language {
  // localStorage can throw when storage is disabled; the default language is then fine
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === saved) ?? DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Keeps the document in step with the language: screen readers and fonts read `<html lang>`. */
function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('ui.appName');
}

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    // synchronous init: the first render already has its texts, no flash of keys
    initAsync: false,
    // React escapes what it renders; escaping here too would show &amp; and friends
    interpolation: { escapeValue: false },
    returnNull: false,
    // no promotional console line in the shells' consoles
    showSupportNotice: false,
  });
  applyToDocument(i18next.language);
  i18next.on('languageChanged', applyToDocument);
  return i18next;
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted, but the switch still applies to this session
  }
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return LANGUAGES.find((l) => l === i18next.language) ?? DEFAULT_LANGUAGE;
}
