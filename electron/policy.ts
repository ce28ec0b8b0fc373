import { isAppUrl } from './sender';

/**
 * Permissions the window may have: none, except writing (not reading) the clipboard from our
 * own page, which a "copy" button needs. Camera, microphone, geolocation, notifications, HID,
 * serial, USB, MIDI, fullscreen requests by the page and the rest are refused.
 */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/** URL schemes the application never loads from: nothing remote, and no file:// either. */
const BLOCKED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/** For the session's request filter: true when a request would leave the application. */
export function isBlockedRequest(url: string): boolean {
  try {
    return BLOCKED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}
