import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirIn, languageForLocale, migrationsDirFor, platformAppData, uiDirFor, userDataDir } from './paths';
import { isBlockedRequest, isPermissionGranted } from './policy';
import { startupErrorText } from './startup-error';

describe('paths', () => {
  it('finds the platform application-data folder as Electron does', () => {
    expect(platformAppData('linux', {}, '/home/li')).toBe('/home/li/.config');
    expect(platformAppData('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe('/cfg');
    expect(platformAppData('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming');
    expect(platformAppData('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Application Support');
  });

  it('puts the data folder in <appData>/zhijian/data', () => {
    expect(dataDirIn(userDataDir('/home/li/.config'))).toBe(path.join('/home/li/.config', 'zhijian', 'data'));
  });

  it('takes migrations from resources when packaged and from the checkout in development', () => {
    const app = { appPath: '/src/zhijian', resourcesPath: '/opt/智监/resources' };
    expect(migrationsDirFor({ ...app, isPackaged: true })).toBe(path.join('/opt/智监/resources', 'migrations'));
    expect(migrationsDirFor({ ...app, isPackaged: false })).toBe(path.join('/src/zhijian', 'migrations'));
    expect(uiDirFor('/opt/智监/resources/app.asar')).toBe(path.join('/opt/智监/resources/app.asar', 'dist', 'ui'));
  });

  it('speaks Chinese to any zh locale and English to the rest', () => {
    expect(languageForLocale('zh-CN')).toBe('zh-CN');
    expect(languageForLocale('zh-TW')).toBe('zh-CN');
    expect(languageForLocale('zh')).toBe('zh-CN');
    expect(languageForLocale('en-US')).toBe('en');
    expect(languageForLocale('fr')).toBe('en');
  });
});

describe('startupErrorText', () => {
  const locked = { code: 'DATA_DIR_LOCKED', messageKey: 'errors.DATA_DIR_LOCKED', details: { pid: 4242 } } as const;

  it('translates the error into the locale, details filled in', () => {
    const zh = startupErrorText('zh-CN', locked);
    const en = startupErrorText('en-US', locked);
    expect(zh.title).toBe('智监');
    expect(zh.message).toContain('4242');
    expect(zh.message).not.toContain('errors.');
    expect(en.message).toContain('4242');
    expect(en.message).not.toBe(zh.message);
  });

  it('shows anything unexpected as the internal-error line, without its message', () => {
    const text = startupErrorText('en', new Error('/secret/path exploded'));
    expect(text.message).not.toContain('secret');
    expect(text.message).toBe(startupErrorText('en', { code: 'INTERNAL', messageKey: 'errors.INTERNAL' }).message);
  });
});

describe('policy', () => {
  it('grants clipboard writing to our page and nothing else to anyone', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://zhijian/index.html')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(isPermissionGranted(permission, 'app://zhijian/index.html')).toBe(false);
    }
  });

  it('blocks every request that would leave the application', () => {
    for (const url of ['https://cdn.example/x.js', 'http://127.0.0.1:3000/', 'ws://x/', 'wss://x/', 'file:///etc/passwd', 'ftp://x/', 'not a url']) {
      expect(isBlockedRequest(url)).toBe(true);
    }
    for (const url of ['app://zhijian/assets/a.js', 'data:image/png;base64,AA', 'blob:app://zhijian/1', 'devtools://devtools/x']) {
      expect(isBlockedRequest(url)).toBe(false);
    }
  });
});
