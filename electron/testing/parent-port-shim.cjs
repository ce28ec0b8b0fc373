// Electron's `process.parentPort` in a plain Node child (forked with an IPC channel): what a
// utility process sees, for tests of dist/electron/core-process.cjs.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded with --require */
'use strict';

const { EventEmitter } = require('node:events');

const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
process.on('message', (data) => port.emit('message', { data }));
process.parentPort = port;
// a utility process does not outlive its parent
process.on('disconnect', () => process.exit(1));
