/** What main knows about the frame an IPC message came from (Electron's WebFrameMain, reduced). */
export interface SenderInfo {
  /** id of the webContents that sent the message */
  webContentsId: number;
  /** null when the frame has gone (navigated away or destroyed) before the message arrived */
  frame: { url: string; processId: number; routingId: number; isTopLevel: boolean } | null;
}

/** Our window's webContents and its main frame. */
export interface TrustedWindow {
  webContentsId: number;
  mainFrame: { processId: number; routingId: number };
}

export const APP_ORIGIN = 'app://zhijian';

/** True for a URL of the application's own pages, `app://zhijian/…`, and nothing else. */
export function isAppUrl(url: string): boolean {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'zhijian' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Only the main frame of our own window, showing our own page, may call the core: not an
 * iframe, not another window, not a page that was navigated elsewhere.
 */
export function isTrustedSender(sender: SenderInfo, window: TrustedWindow | null): boolean {
  const frame = sender.frame;
  if (window === null || frame === null) return false;
  return (
    sender.webContentsId === window.webContentsId &&
    frame.isTopLevel &&
    frame.processId === window.mainFrame.processId &&
    frame.routingId === window.mainFrame.routingId &&
    isAppUrl(frame.url)
  );
}

/** A navigation the window may follow: only to another page of the application itself. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}
