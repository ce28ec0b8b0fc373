// Electron's main process: one window on the built UI (app://zhijian/), the core in a utility
// process, IPC between them. Everything that decides something lives in a module a Node test
// reaches (sender, app-protocol, policy, bridge, core-client, window-sessions, paths,
// startup-error). Each window's session token stays here: its page never sees it.
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  utilityProcess,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import type { WireError } from '../src/shared/api/errors';
import { APP_ENTRY, APP_SCHEME, fallbackFor, resolveAppRequest, type AppResource } from './app-protocol';
import { CALL_CHANNEL, EVENT_CHANNEL } from './bridge';
import { CoreClient } from './core-client';
import { isProcedureName, type CallOutcome } from './core-protocol';
import { menuTemplate } from './menu';
import { dataDirIn, languageForLocale, migrationsDirFor, uiDirFor, userDataDir } from './paths';
import { isBlockedRequest, isPermissionGranted } from './policy';
import { isAllowedNavigation, isTrustedSender, type SenderInfo, type TrustedWindow } from './sender';
import { startupErrorText } from './startup-error';
import { WindowSessions } from './window-sessions';

const REFUSED: WireError = { code: 'REQUEST_REFUSED', messageKey: 'errors.REQUEST_REFUSED' };

// Before `ready`: the scheme's privileges, a fixed userData folder (`<appData>/zhijian`, the same
// in development and in every package), sandboxed renderers.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);
app.setPath('userData', userDataDir(app.getPath('appData')));
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;
/** each window's session token, by webContents id */
let sessions: WindowSessions | null = null;
/** set once quitting has begun: the core's exit is then expected */
let quitting = false;
let closingCore = false;
let failed = false;

/** One dialog with the translated reason, then quit (the core is closed on the way out). */
function fail(error: unknown): void {
  if (failed) return;
  failed = true;
  const { title, message } = startupErrorText(app.isReady() ? app.getLocale() : 'zh-CN', error);
  dialog.showErrorBox(title, message);
  app.quit();
}

/** Serves dist/ui on app://zhijian/ with the CSP header; nothing outside that folder. */
function serveUi(uiDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let resource: AppResource = resolveAppRequest(uiDir, request.url, request.method);
    if (resource.status === 200) {
      const stat = await fs.promises.stat(resource.file).catch(() => null);
      if (!stat?.isFile()) resource = fallbackFor(uiDir, resource);
    }
    if (resource.status !== 200) return new Response(null, { status: resource.status, headers: resource.headers });
    try {
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(resource.file);
      return new Response(body, { status: 200, headers: resource.headers });
    } catch {
      return new Response(null, { status: 404, headers: resource.headers });
    }
  });
}

/** No permissions, nothing remote, no file://, for every page of the session. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl ?? contents.getURL())),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, `${requestingOrigin}/`));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
  ses.setSpellCheckerEnabled(false);
}

/** Every webContents (the window, devtools, anything else): no navigation away, no new windows. */
function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function trustedWindow(): TrustedWindow | null {
  if (!mainWindow || mainWindow.isDestroyed()) return null;
  const { id, mainFrame } = mainWindow.webContents;
  return { webContentsId: id, mainFrame: { processId: mainFrame.processId, routingId: mainFrame.routingId } };
}

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  try {
    const frame = event.senderFrame;
    return {
      webContentsId: event.sender.id,
      frame: frame ? { url: frame.url, processId: frame.processId, routingId: frame.routingId, isTopLevel: frame.parent === null } : null,
    };
  } catch {
    return { webContentsId: event.sender.id, frame: null };
  }
}

function handleCalls(): void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown): Promise<CallOutcome> | CallOutcome => {
    if (!isTrustedSender(senderOf(event), trustedWindow()) || !sessions) return { ok: false, error: REFUSED };
    if (!isProcedureName(name)) return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', messageKey: 'errors.UNKNOWN_PROCEDURE', details: { name: String(name) } } };
    // with this window's session; a session token in the result stays here
    return sessions.call(event.sender.id, name, input);
  });
}

function startCore(): CoreClient {
  const child = utilityProcess.fork(path.join(__dirname, 'core-process.cjs'), [], { serviceName: 'Zhijian core', stdio: 'inherit' });
  const dataDir = dataDirIn(app.getPath('userData'));
  fs.mkdirSync(dataDir, { recursive: true });
  const client = new CoreClient(child, {
    dbFile: path.join(dataDir, 'zhijian.db'),
    migrationsDir: migrationsDirFor({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
  });
  client.onEvent((name, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, name, payload);
  });
  client.onExit(() => {
    if (!quitting) fail({ code: 'INTERNAL', messageKey: 'errors.INTERNAL' } satisfies WireError);
  });
  return client;
}

function createWindow(): BrowserWindow {
  const icon = path.join(app.getAppPath(), 'assets', 'icon.png');
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '智监',
    backgroundColor: '#ffffff',
    ...(fs.existsSync(icon) ? { icon } : {}),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  // read now: once the window has closed, its webContents is gone
  const contentsId = window.webContents.id;
  window.on('closed', () => {
    sessions?.windowClosed(contentsId);
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDownSession();
  serveUi(uiDirFor(app.getAppPath()));
  handleCalls();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(languageForLocale(app.getLocale()), !app.isPackaged)));
  core = startCore();
  sessions = new WindowSessions(core);
  const opened = await core.opened();
  if (!opened.ok) {
    fail(opened.error);
    return;
  }
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // another instance owns the data folder: it focuses its window (below), this one leaves
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    quitting = true;
    // close the database (WAL checkpoint, lock file) before the process goes
    if (closingCore || !core?.isAlive) return;
    event.preventDefault();
    closingCore = true;
    void core.close().then(() => app.quit());
  });
  if (process.platform === 'win32') app.setAppUserModelId('cn.gov.lijiang.zhijian');
  start().catch(fail);
}
