// Sandboxed preload: it may only require('electron'), so it is bundled (CJS) with bridge.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, createIpcBridge, EVENT_CHANNEL } from './bridge';

const bridge = createIpcBridge(
  (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  // the IpcRendererEvent (and with it ipcRenderer) is dropped here and never reaches the page
  (listener) => ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => listener(name, payload)),
);

contextBridge.exposeInMainWorld('zhijian', {
  shell: bridge.shell,
  call: (name: string, input: unknown) => bridge.call(name, input),
  on: (event: Parameters<typeof bridge.on>[0], listener: Parameters<typeof bridge.on>[1]) => bridge.on(event, listener),
});
