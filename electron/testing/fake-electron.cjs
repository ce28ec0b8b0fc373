// A stand-in for the 'electron' module, just enough of it for dist/electron/main.cjs to run in
// plain Node (main-wiring.test.ts): utilityProcess.fork is child_process.fork with a
// `process.parentPort` shim (each message main posts to the core is reported, so that a test
// sees which session a call carried), and the test drives the rest over Node's IPC channel:
// requests to the app:// handler, IPC calls from chosen senders, closing the window, quitting.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, like the module it fakes */
'use strict';

const { fork } = require('node:child_process');
const { EventEmitter } = require('node:events');
const path = require('node:path');

const state = { protocolHandlers: new Map(), ipcHandlers: new Map(), windows: [], appEvents: new EventEmitter(), paths: new Map() };
const report = (message) => process.send?.(message);

const app = {
  isPackaged: false,
  setPath: (name, value) => state.paths.set(name, value),
  getPath: (name) => state.paths.get(name) ?? (name === 'appData' ? process.env.FAKE_APP_DATA : undefined),
  getAppPath: () => process.env.FAKE_APP_PATH,
  getLocale: () => process.env.FAKE_LOCALE ?? 'zh-CN',
  enableSandbox: () => report({ kind: 'sandbox' }),
  requestSingleInstanceLock: () => process.env.FAKE_SECOND_INSTANCE !== '1',
  isReady: () => true,
  whenReady: () => Promise.resolve(),
  setAppUserModelId: () => {},
  on: (event, listener) => state.appEvents.on(event, listener),
  quit: () => {
    let prevented = false;
    state.appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      report({ kind: 'quit' });
      setTimeout(() => process.exit(0), 50);
    }
  },
};

class WebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.mainFrame = { processId: 100 + id, routingId: 1 };
    this.windowOpenHandler = null;
  }
  send(channel, ...args) {
    report({ kind: 'send', channel, args });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return 'app://zhijian/index.html';
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents(state.windows.length + 1);
    this.destroyed = false;
    state.windows.push(this);
    state.appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    report({ kind: 'window', url, options: this.options, hasOpenHandler: this.webContents.windowOpenHandler !== null });
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
}

const shim = path.join(__dirname, 'parent-port-shim.cjs');
const utilityProcess = {
  fork(modulePath, args, options) {
    report({ kind: 'fork', modulePath: path.basename(modulePath), serviceName: options?.serviceName });
    const child = fork(modulePath, args, { execArgv: ['--require', shim], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const emitter = new EventEmitter();
    child.on('message', (message) => emitter.emit('message', message));
    child.on('exit', (code) => emitter.emit('exit', code ?? 1));
    return {
      postMessage: (message) => {
        report({ kind: 'to-core', message });
        child.send(message);
      },
      on: (event, listener) => emitter.on(event, listener),
      kill: () => child.kill(),
      pid: child.pid,
    };
  },
};

const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (state.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (state.permissionCheck = handler),
    setDevicePermissionHandler: () => {},
    setSpellCheckerEnabled: () => {},
    webRequest: { onBeforeRequest: (handler) => (state.beforeRequest = handler) },
  },
};

module.exports = {
  app,
  BrowserWindow,
  dialog: { showErrorBox: (title, message) => report({ kind: 'error-box', title, message }) },
  ipcMain: { handle: (channel, handler) => state.ipcHandlers.set(channel, handler) },
  Menu: { buildFromTemplate: (template) => template, setApplicationMenu: (menu) => report({ kind: 'menu', items: menu.length }) },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => report({ kind: 'schemes', schemes }),
    handle: (scheme, handler) => state.protocolHandlers.set(scheme, handler),
  },
  session,
  utilityProcess,
};

// gone with the test that drives it
process.on('disconnect', () => process.exit(1));

// the test's commands
process.on('message', async (command) => {
  const reply = (result) => report({ kind: 'reply', id: command.id, result });
  switch (command.cmd) {
    case 'fetch': {
      const response = await state.protocolHandlers.get('app')({ url: command.url, method: command.method ?? 'GET' });
      const body = response.body ? await response.text() : '';
      reply({ status: response.status, headers: Object.fromEntries(response.headers), body });
      break;
    }
    case 'invoke': {
      const window = state.windows[0];
      const event = {
        sender: { id: command.webContentsId ?? window.webContents.id },
        senderFrame: command.frame === null ? null : { processId: window.webContents.mainFrame.processId, routingId: 1, url: 'app://zhijian/index.html', parent: null, ...command.frame },
      };
      reply(await state.ipcHandlers.get(command.channel)(event, ...command.args));
      break;
    }
    case 'navigate': {
      const contents = state.windows[0].webContents;
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, command.url);
      reply({ prevented, windowOpen: contents.windowOpenHandler({ url: command.url }) });
      break;
    }
    case 'policy': {
      const granted = await new Promise((resolve) => state.permissionRequest(state.windows[0].webContents, command.permission, resolve, { requestingUrl: 'app://zhijian/index.html' }));
      const cancelled = await new Promise((resolve) => state.beforeRequest({ url: command.url }, (r) => resolve(r.cancel)));
      reply({ granted, cancelled });
      break;
    }
    case 'close-window':
      state.windows[0].close();
      reply(null);
      break;
    case 'quit':
      app.quit();
      reply(null);
      break;
  }
});
