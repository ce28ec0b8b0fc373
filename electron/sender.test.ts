import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAppUrl, isTrustedSender, type SenderInfo, type TrustedWindow } from './sender';

const window: TrustedWindow = { webContentsId: 7, mainFrame: { processId: 11, routingId: 1 } };
const fromMainFrame = (url = 'app://zhijian/index.html'): SenderInfo => ({
  webContentsId: 7,
  frame: { url, processId: 11, routingId: 1, isTopLevel: true },
});

describe('isAppUrl', () => {
  it.each(['app://zhijian/', 'app://zhijian/index.html', 'app://zhijian/assets/x.js?v=1#top'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://zhijian',
    'app://zhijian.evil/',
    'app://zhijianx/index.html',
    'app://evil/zhijian/',
    'app://user@zhijian/',
    'APP://zhijian/',
    'https://zhijian/',
    'file:///app://zhijian/',
    'http://127.0.0.1/app://zhijian/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on our page', () => {
    expect(isTrustedSender(fromMainFrame(), window)).toBe(true);
  });
  it('refuses when there is no window or no frame', () => {
    expect(isTrustedSender(fromMainFrame(), null)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: null }, window)).toBe(false);
  });
  it('refuses another webContents', () => {
    expect(isTrustedSender({ ...fromMainFrame(), webContentsId: 8 }, window)).toBe(false);
  });
  it('refuses a subframe, even one on our own origin', () => {
    const sub = fromMainFrame();
    expect(isTrustedSender({ ...sub, frame: { ...sub.frame!, isTopLevel: false } }, window)).toBe(false);
    expect(isTrustedSender({ ...sub, frame: { ...sub.frame!, routingId: 2 } }, window)).toBe(false);
    expect(isTrustedSender({ ...sub, frame: { ...sub.frame!, processId: 12 } }, window)).toBe(false);
  });
  it('refuses our main frame once it shows anything but our pages', () => {
    expect(isTrustedSender(fromMainFrame('https://example.com/'), window)).toBe(false);
    expect(isTrustedSender(fromMainFrame('file:///work/main/dist/ui/index.html'), window)).toBe(false);
    expect(isTrustedSender(fromMainFrame('app://zhijian.example/'), window)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('follows links inside the app only', () => {
    expect(isAllowedNavigation('app://zhijian/index.html#/cases')).toBe(true);
    expect(isAllowedNavigation('https://www.example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
});
