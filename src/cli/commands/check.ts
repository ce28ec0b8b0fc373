import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { api } from '../../shared/api';
import type { EventMap } from '../../shared/api/events';
import { RULE_CODES, type RuleCode, type RuleRun } from '../../shared/api/welfare';
import { AppError } from '../../core/api/errors';
import { newId } from '../../core/api/ids';
import { formatFen } from '../../core/import/normalize';
import { hitsOfRun, type RunHit } from '../../core/welfare/check';
import { run, withSession, type CliIo } from '../context';

/** `--rules all` or a list such as `R1,R12`; undefined: all. */
function parseRules(text: string): RuleCode[] | undefined {
  if (text.trim().toLowerCase() === 'all') return undefined;
  const codes = text.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  const unknown = codes.filter((c) => !(RULE_CODES as readonly string[]).includes(c));
  if (codes.length === 0 || unknown.length > 0) {
    throw new AppError('INVALID_INPUT', { issues: [`--rules ${text}: all, or codes among ${RULE_CODES.join(',')}`] });
  }
  return codes as RuleCode[];
}

/** A hit as FORMATS.md names its fields. */
function wireHit(hit: RunHit) {
  return {
    rule: hit.rule,
    id_number: hit.idNumber,
    name: hit.name,
    program: hit.program,
    period: hit.period,
    amount_fen: hit.amountFen,
    recoverable_fen: hit.recoverableFen,
    county: hit.county,
    township: hit.township,
    village: hit.village,
    confidence: hit.confidence,
    status: hit.status,
    evidence: hit.evidence.map((e) => ({ dataset: e.dataset, batch: e.batchId, file: e.fileName, row: e.row })),
  };
}

/** The same fields flat, the evidence joined as `dataset:file:row; …`; UTF-8 with BOM for spreadsheets. */
function hitsCsv(hits: RunHit[]): string {
  const rows = hits.map(wireHit).map(({ evidence, ...hit }) => ({
    ...hit,
    evidence: evidence.map((e) => `${e.dataset}:${e.file}:${e.row}`).join('; '),
  }));
  const fields = ['rule', 'id_number', 'name', 'program', 'period', 'amount_fen', 'recoverable_fen', 'county', 'township', 'village', 'confidence', 'status', 'evidence'];
  return `\uFEFF${Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f as keyof typeof r])) })}\r\n`;
}

function summary(io: CliIo, result: RuleRun, hits: RunHit[]): string {
  const lines = [`run ${result.id}: ${result.hits} hits, ${result.newHits} new, ${result.noLongerFound} no longer found`];
  for (const rule of result.rules) lines.push(`  ${rule} ${io.t(`welfare.rule.${rule}`)}: ${result.byRule[rule] ?? 0}`);
  for (const r of result.withoutStandard ?? []) lines.push(`  R9 ${io.t('welfare.withoutStandard', r)}`);
  for (const h of hits) lines.push([h.rule, h.idNumber, h.name, h.program, h.period, formatFen(h.amountFen), h.township, h.village].join('\t'));
  return lines.join('\n');
}

/** `Rule 3/12: R3 Village cadre or officials' kin paid`, in the user's language. */
function progressLine(io: CliIo, event: EventMap['welfare.rulesProgressed'], rule: RuleCode): string {
  return `${io.t('welfare.runProgress', { done: event.done, total: event.total })}: ${rule} ${io.t(`welfare.rule.${rule}`)}`;
}

/**
 * `zhijian check [--rules all|R1,R2] [--json|--csv] [--out FILE]`: runs the comparison rules and
 * prints the hits found. Each rule done is reported on stderr, unless the output is for a program.
 */
export async function check(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      rules: { type: 'string', default: 'all' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (values.json && values.csv) throw new AppError('INVALID_INPUT', { issues: ['--json or --csv, not both'] });
  const rules = parseRules(values.rules);
  await withSession(values.db, io, async (session) => {
    const jobId = newId();
    const stopProgress =
      values.json || values.csv
        ? () => {}
        : session.core.on('welfare.rulesProgressed', (event) => {
            if (event.jobId === jobId && event.rule) io.err(progressLine(io, event, event.rule));
          });
    let result: RuleRun;
    try {
      result = await run(session, api.welfare.runRules, { ...(rules ? { rules } : {}), jobId });
    } finally {
      stopProgress();
    }
    const hits = hitsOfRun(session.core.database.db, result.id);
    const text = values.json ? JSON.stringify({ run: result, hits: hits.map(wireHit) }) : values.csv ? hitsCsv(hits) : summary(io, result, hits);
    if (values.out) fs.writeFileSync(values.out, values.json ? `${text}\n` : text);
    else io.out(values.csv ? text.replace(/\r\n$/, '') : text);
  });
}
