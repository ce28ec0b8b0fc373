#!/usr/bin/env node
// The `zhijian` command in a checkout: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
