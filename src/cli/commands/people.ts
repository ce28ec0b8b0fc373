import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { api, type Person } from '../../shared/api';
import { AppError } from '../../core/api/errors';
import { run, withSession, type CliIo } from '../context';

const PAGE = 500;

/** `zhijian people import FILE [--sheet NAME] [--json]` */
export async function importPeople(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean', default: false }, dataset: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new AppError('INVALID_INPUT', { issues: ['one FILE to import'] });
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { file });
  await withSession(values.db, io, async (session) => {
    const report = await run(session, api.people.import, {
      fileName: path.basename(file),
      contentBase64: fs.readFileSync(file).toString('base64'),
      ...(values.sheet ? { sheet: values.sheet } : {}),
    });
    if (values.json) {
      io.out(JSON.stringify(report));
      return;
    }
    io.out(
      `${report.fileName}: ${report.rows} rows, ${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.rejected.length} rejected`,
    );
    for (const r of report.rejected) io.out(`  row ${r.row} ${r.field}: ${io.t(r.reasonKey, r.details ?? {})}`);
  });
}

/** `zhijian people list [--query Q] [--unit CODE] [--json]`: every matching person. */
export async function listPeople(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, query: { type: 'string', default: '' }, unit: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  await withSession(values.db, io, async (session) => {
    let unitId: string | undefined;
    if (values.unit) {
      const unit = (await run(session, api.units.list, {})).find((u) => u.code === values.unit);
      if (!unit) throw new AppError('UNIT_NOT_FOUND', { unit: values.unit });
      unitId = unit.id;
    }
    const people: Person[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await run(session, api.people.search, { query: values.query, unitId, descendants: true, limit: PAGE, offset });
      people.push(...page.rows);
      if (people.length >= page.total || page.rows.length === 0) break;
    }
    if (values.json) {
      io.out(JSON.stringify(people));
      return;
    }
    for (const p of people) io.out([p.idNumber, p.name, p.unitName ?? '', p.position ?? ''].join('\t'));
  });
}
