import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/shared/csp';
import { APP_ENTRY, fallbackFor, resolveAppRequest } from './app-protocol';

const uiDir = path.resolve('/opt/zhijian/dist/ui');

function fileOf(url: string, method?: string): string | number {
  const resource = resolveAppRequest(uiDir, url, method);
  return resource.status === 200 ? path.relative(uiDir, resource.file).split(path.sep).join('/') : resource.status;
}

describe('resolveAppRequest', () => {
  it('serves files of the UI folder with the CSP header and their type', () => {
    const resource = resolveAppRequest(uiDir, APP_ENTRY);
    expect(resource.status).toBe(200);
    expect(resource.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(resource.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(resource.headers['x-content-type-options']).toBe('nosniff');
    expect(fileOf('app://zhijian/assets/index-abc.js')).toBe('assets/index-abc.js');
    expect(resolveAppRequest(uiDir, 'app://zhijian/assets/index-abc.js').headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(fileOf('app://zhijian/assets/%E5%AD%97.woff2?x=1#y')).toBe('assets/字.woff2');
  });

  it('serves index.html for the root', () => {
    expect(fileOf('app://zhijian/')).toBe('index.html');
  });

  it.each([
    'app://zhijian/..%2F..%2Fetc%2Fpasswd',
    'app://zhijian/assets/..%2f..%2f..%2fsecret',
    'app://zhijian/..%5C..%5Cwindows%5Cwin.ini',
    'app://zhijian/assets%5C..%5C..%5Csecret',
    'app://zhijian/%2e%2e%2f%2e%2e%2fsecret',
    'app://zhijian/a/%00/b',
    'app://zhijian/C:/Windows/win.ini',
    'app://zhijian/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(fileOf(url)).toBe(400);
  });

  it('keeps dot segments inside the folder (the URL parser has already resolved them)', () => {
    // app:// is a standard scheme: `..` can never climb above the host
    expect(fileOf('app://zhijian/../../etc/passwd')).toBe('etc/passwd');
    expect(fileOf('app://zhijian/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
  });

  it('refuses other origins and other methods', () => {
    expect(fileOf('app://other/index.html')).toBe(400);
    expect(fileOf('https://zhijian/index.html')).toBe(400);
    expect(fileOf('app://zhijian/index.html', 'POST')).toBe(405);
    expect(fileOf('app://zhijian/index.html', 'HEAD')).toBe('index.html');
  });
});

describe('fallbackFor', () => {
  it('answers a client-side route with index.html and a missing asset with 404', () => {
    const route = resolveAppRequest(uiDir, 'app://zhijian/cases/01J');
    const asset = resolveAppRequest(uiDir, 'app://zhijian/assets/missing.js');
    if (route.status !== 200 || asset.status !== 200) throw new Error('expected files');
    const routed = fallbackFor(uiDir, route);
    expect(routed.status === 200 && routed.file).toBe(path.join(uiDir, 'index.html'));
    expect(routed.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(fallbackFor(uiDir, asset).status).toBe(404);
  });
});
