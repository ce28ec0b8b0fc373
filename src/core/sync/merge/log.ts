/** Operations as the change log stores them, and back as they travel. */
import type { Operation } from '../operations';

/** The SELECT list that reads a change_log row in the shape of an Operation (columns still JSON). */
export const OPERATION_COLUMNS = 'hlc, node_id AS origin, table_name AS "table", row_id AS row, op, columns';

export type LoggedOperation = Omit<Operation, 'columns'> & { columns: string };

export function fromLog(row: LoggedOperation): Operation {
  return { ...row, columns: JSON.parse(row.columns) as Operation['columns'] };
}
