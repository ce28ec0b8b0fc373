import path from 'node:path';
import type { Language } from '../src/shared/i18n';

/** The folder name under the platform's application-data folder, in every build and in dev. */
export const APP_DIR_NAME = 'zhijian';

/**
 * The platform's application-data folder as Electron's `app.getPath('appData')` gives it, for
 * `npm start`'s fallback to `serve` (which has no Electron to ask).
 */
export function platformAppData(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}

/** Electron's userData folder: set explicitly so that dev and packaged builds share it. */
export function userDataDir(appData: string): string {
  return path.join(appData, APP_DIR_NAME);
}

/** The application data folder (database, lock file, attachments) inside userData. */
export function dataDirIn(userData: string): string {
  return path.join(userData, 'data');
}

/** Migrations ship as extraResources when packaged and sit in the checkout in development. */
export function migrationsDirFor(app: { isPackaged: boolean; appPath: string; resourcesPath: string }): string {
  return app.isPackaged ? path.join(app.resourcesPath, 'migrations') : path.join(app.appPath, 'migrations');
}

/** The built UI: dist/ui inside the app (the checkout in development, app.asar when packaged). */
export function uiDirFor(appPath: string): string {
  return path.join(appPath, 'dist', 'ui');
}

/** Electron's `app.getLocale()` (`zh-CN`, `zh-TW`, `en-US`, …) to one of the UI's languages. */
export function languageForLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
