import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../src/shared/i18n';

const VIEW_LABEL: Record<Language, string> = { 'zh-CN': '视图', en: 'View' };

/**
 * A minimal menu: the standard File, Edit and Window menus (their roles bring the platform's
 * labels and shortcuts, copy and paste among them), and a View menu with zoom, plus reload and
 * developer tools in development only.
 */
export function menuTemplate(language: Language, development: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (development) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [{ role: 'fileMenu' }, { role: 'editMenu' }, { label: VIEW_LABEL[language], submenu: view }, { role: 'windowMenu' }];
}
