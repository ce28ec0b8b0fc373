import { z } from 'zod';
import { procedure } from './procedure';

export interface SystemInfo {
  version: string;
  nodeId: string;
  schemaVersion: number;
  /** true until the database holds any org unit: the UI then offers demo data */
  empty: boolean;
  counts: { units: number; people: number };
}

export const system = {
  info: procedure<SystemInfo>()({
    name: 'system.info',
    input: z.object({}).default({}),
    permission: 'system.read',
    mutates: false,
  }),
  loadDemo: procedure<{ units: number; people: number }>()({
    name: 'system.loadDemo',
    input: z.object({}).default({}),
    permission: 'system.manage',
    mutates: true,
  }),
};
