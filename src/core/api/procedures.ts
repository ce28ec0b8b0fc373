import { allProcedures } from '../../shared/api';
import { auditProcedures } from '../audit/app';
import { authProcedures } from '../auth/app';
import { backupProcedures } from '../backup/app';
import { calendarProcedures } from '../calendar/app';
import { caseProcedures } from '../cases/app';
import { registryProcedures } from '../registry/app';
import { userProcedures } from '../users/app';
import { systemProcedures } from '../system/app';
import { syncProcedures } from '../sync/app';
import { fileProcedures, welfareProcedures } from '../welfare/app';
import type { Implementation } from './implement';

/** The procedure table: every module's handlers, checked against the contract. */
export function buildProcedureTable(modules: Implementation[][] = [authProcedures, userProcedures, auditProcedures, backupProcedures, systemProcedures, registryProcedures, caseProcedures, calendarProcedures, fileProcedures, welfareProcedures, syncProcedures]): Map<string, Implementation> {
  const table = new Map<string, Implementation>();
  for (const implementation of modules.flat()) {
    const { name } = implementation.spec;
    if (table.has(name)) throw new Error(`procedure ${name} is implemented twice`);
    table.set(name, implementation);
  }
  const missing = allProcedures.filter((spec) => !table.has(spec.name)).map((spec) => spec.name);
  if (missing.length > 0 && modules.length > 0) throw new Error(`procedures without a handler: ${missing.join(', ')}`);
  return table;
}
