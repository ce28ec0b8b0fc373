// The files verification produces, in Chinese (the language of the files the commission
// circulates): the board and a county's list as XLSX, the summary report as DOCX, and for a
// hand-over the clue's text and its evidence as CSV. Pure builders: the queries are in hits.ts.
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import Papa from 'papaparse';
import type { ExportedFile } from '../../shared/api/cases';
import { HIT_STATUSES, RULE_CODES, type EvidenceRecord, type Hit, type HitPage, type HitStatus, type RuleCode } from '../../shared/api/welfare';
import { createTranslator } from '../../shared/i18n/translate';
import { zhCN } from '../../shared/i18n/zh-CN';
import { formatFen } from '../import/normalize';
import type { HitGroup, HitQuery, HitWithFinding } from './hits';

const words = zhCN.welfare;
const col = words.export.column;
let translator: ReturnType<typeof createTranslator> | null = null;
/** zh-CN text with its values filled in */
const t = (key: string, values: Record<string, string | number>) => (translator ??= createTranslator('zh-CN'))(`welfare.export.${key}`, values);

const yuan = (fen: number) => formatFen(fen, { thousands: true });
/** what a hit still has to give back: the county's figure when its finding gave one */
const toRecoverFen = (hit: HitWithFinding) => hit.finding?.recoverableFen ?? hit.recoverableFen;

type Worksheet = import('exceljs').Worksheet;

/**
 * An XLSX file written row by row: a board of ten thousand hits is written about three times
 * faster than through a workbook kept whole (as the case exports, which are small, do).
 */
async function workbookFile(fileName: string, fill: (addSheet: (name: string) => Worksheet) => void): Promise<ExportedFile> {
  // exceljs is large: loaded on first export, not at start
  const { default: Excel } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Zhijian';
  fill((name) => book.addWorksheet(name));
  await book.commit();
  await finished(out);
  return { fileName, contentBase64: Buffer.concat(chunks).toString('base64') };
}

interface Column {
  header: string;
  width: number;
  /** amounts in fen, written as yuan numbers that a spreadsheet can sum */
  money?: boolean;
}

type Cell = string | number | null;

function addRow(sheet: Worksheet, cells: Cell[], font?: Partial<import('exceljs').Font>): void {
  const row = sheet.addRow(cells);
  if (font) row.font = font;
  row.commit();
}

/** Title lines, then a header and the rows; returns the sheet for its totals. */
function table(addSheet: (name: string) => Worksheet, sheetName: string, lead: string[][], columns: Column[], rows: Cell[][]): Worksheet {
  const sheet = addSheet(sheetName);
  sheet.columns = columns.map((c) => ({ width: c.width, style: c.money ? { numFmt: '#,##0.00' } : {} }));
  lead.forEach((line, i) => addRow(sheet, line, i === 0 ? { bold: true, size: 14 } : undefined));
  addRow(sheet, []);
  addRow(sheet, columns.map((c) => c.header), { bold: true });
  for (const row of rows) addRow(sheet, row.map((v, i) => (columns[i]?.money && typeof v === 'number' ? v / 100 : v)));
  return sheet;
}

function filterText(filter: HitQuery, countyName: string | null): string {
  const parts = [
    filter.rule && `${col.ruleName}：${filter.rule} ${words.rule[filter.rule]}`,
    filter.countyUnitId && `${col.county}：${countyName ?? filter.countyUnitId}`,
    filter.township && `${col.township}：${filter.township}`,
    filter.program && `${col.program}：${filter.program}`,
    filter.status && `${col.status}：${words.status[filter.status]}`,
    filter.query && `${col.idNumber}/${col.name}：${filter.query}`,
    filter.includeStale && words.export.staleIncluded,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join('；') : words.export.noFilter;
}

const BOARD_COLUMNS: Column[] = [
  { header: col.seq, width: 6 },
  { header: col.rule, width: 6 },
  { header: col.ruleName, width: 28 },
  { header: col.idNumber, width: 21 },
  { header: col.name, width: 10 },
  { header: col.program, width: 16 },
  { header: col.period, width: 10 },
  { header: col.amount, width: 14, money: true },
  { header: col.recoverable, width: 14, money: true },
  { header: col.county, width: 10 },
  { header: col.township, width: 12 },
  { header: col.village, width: 12 },
  { header: col.confidence, width: 8 },
  { header: col.status, width: 12 },
  { header: col.assignedUnit, width: 12 },
  { header: col.current, width: 8 },
];

/** The filtered board, every row, with its totals. */
export async function boardWorkbook(
  rows: Hit[],
  totals: HitPage['totals'],
  filter: HitQuery,
  countyName: string | null,
  stamp: string,
): Promise<ExportedFile> {
  const lead = [[words.export.boardTitle], [words.export.generatedAt, stamp], [words.export.filter, filterText(filter, countyName)]];
  const body = rows.map((h, i) => [
    i + 1, h.rule, words.rule[h.rule], h.idNumber, h.name, h.program, h.period, h.amountFen, h.recoverableFen,
    h.county, h.township, h.village, h.confidence, words.status[h.status], h.assignedUnitName,
    h.current ? words.export.yes : words.export.no,
  ]);
  return workbookFile(`zhijian-welfare-hits-${stamp.slice(0, 10)}.xlsx`, (addSheet) => {
    const sheet = table(addSheet, words.export.boardTitle, lead, BOARD_COLUMNS, body);
    const bold = { bold: true };
    addRow(sheet, [words.export.total, null, `${rows.length}`, null, null, null, null, totals.amountFen / 100, totals.recoverableFen / 100], bold);
    addRow(sheet, [col.confirmedRecoverable, null, null, null, null, null, null, null, totals.confirmedRecoverableFen / 100], bold);
  });
}

const COUNTY_COLUMNS: Column[] = [
  { header: col.seq, width: 6 },
  { header: col.rule, width: 6 },
  { header: col.ruleName, width: 28 },
  { header: col.idNumber, width: 21 },
  { header: col.name, width: 10 },
  { header: col.program, width: 16 },
  { header: col.period, width: 10 },
  { header: col.amount, width: 14, money: true },
  { header: col.recoverable, width: 14, money: true },
  { header: col.township, width: 12 },
  { header: col.village, width: 12 },
  { header: col.status, width: 12 },
  { header: col.finding, width: 12 },
  { header: col.reason, width: 40 },
  { header: col.confirmedRecoverable, width: 14, money: true },
  { header: col.findingAt, width: 20 },
  { header: col.findingBy, width: 12 },
];

/** The hits assigned to one county, with columns for the finding (filled where it was recorded). */
export async function countyWorkbook(unit: { code: string; name: string }, rows: HitWithFinding[], stamp: string): Promise<ExportedFile> {
  const title = t('countyTitle', { unit: unit.name });
  const body = rows.map((h, i) => [
    i + 1, h.rule, words.rule[h.rule], h.idNumber, h.name, h.program, h.period, h.amountFen, h.recoverableFen,
    h.township, h.village, words.status[h.status],
    h.finding ? words.finding[h.finding.finding] : null, h.finding?.reason ?? null,
    h.finding?.finding === 'confirmed' ? toRecoverFen(h) : null, h.finding?.at.slice(0, 19).replace('T', ' ') ?? null, h.finding?.byName ?? null,
  ]);
  const sum = (pick: (h: HitWithFinding) => number) => rows.reduce((s, h) => s + pick(h), 0) / 100;
  const confirmed = sum((h) => (h.finding?.finding === 'confirmed' ? toRecoverFen(h) : 0));
  return workbookFile(`zhijian-welfare-${unit.code}-${stamp.slice(0, 10)}.xlsx`, (addSheet) => {
    // a sheet's name holds at most 31 characters
    const sheet = table(addSheet, title.slice(0, 31), [[title], [words.export.generatedAt, stamp]], COUNTY_COLUMNS, body);
    const totalRow = [words.export.total, null, `${rows.length}`, null, null, null, null, sum((h) => h.amountFen), sum((h) => h.recoverableFen)];
    addRow(sheet, [...totalRow, null, null, null, null, null, confirmed], { bold: true });
  });
}

interface Tally {
  count: number;
  amountFen: number;
  confirmedCount: number;
  confirmedRecoverableFen: number;
}

function tally<K extends string>(groups: HitGroup[], keyOf: (g: HitGroup) => K): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const g of groups) {
    const sums = out.get(keyOf(g)) ?? { count: 0, amountFen: 0, confirmedCount: 0, confirmedRecoverableFen: 0 };
    sums.count += g.count;
    sums.amountFen += g.amountFen;
    if (g.status === 'confirmed' || g.status === 'handed_over') sums.confirmedCount += g.count;
    sums.confirmedRecoverableFen += g.confirmedRecoverableFen;
    out.set(keyOf(g), sums);
  }
  return out;
}

/** The summary report: counts by rule, by county and by status, amounts found and confirmed to recover. */
export async function summaryDocument(groups: HitGroup[], date: string): Promise<ExportedFile> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } = await import('docx');
  const e = words.export;
  const all = tally(groups, () => 'all').get('all') ?? { count: 0, amountFen: 0, confirmedCount: 0, confirmedRecoverableFen: 0 };
  const grid = (header: string[], rows: (string | number)[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [header, ...rows].map(
        (cells, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: cells.map((c) => new TableCell({ children: [new Paragraph({ text: String(c), alignment: typeof c === 'number' || r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })] })),
          }),
      ),
    });
  const tallyRows = <K extends string>(map: Map<K, Tally>, label: (k: K) => string) =>
    [...map].map(([k, v]) => [label(k), v.count, yuan(v.amountFen), v.confirmedCount, yuan(v.confirmedRecoverableFen)]);
  const tallyHeader = (first: string) => [first, col.count, col.amount, words.status.confirmed, col.confirmedRecoverable];
  const byRule = tally(groups, (g) => g.rule);
  const ruleOrder = new Map<string, Tally>(RULE_CODES.flatMap((r) => (byRule.has(r) ? [[r, byRule.get(r)!] as const] : [])));
  const byCounty = tally(groups, (g) => g.countyName ?? e.noCounty);
  const byStatus = tally(groups, (g) => g.status);
  const doc = new Document({
    creator: 'Zhijian',
    title: e.summaryTitle,
    sections: [
      {
        children: [
          new Paragraph({ text: e.summaryTitle, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
          new Paragraph({ text: `${e.generatedAt}：${date}`, alignment: AlignmentType.CENTER }),
          new Paragraph({ text: e.section.overview, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            text: t('overview', { date, hits: all.count, amount: yuan(all.amountFen), confirmed: all.confirmedCount, recoverable: yuan(all.confirmedRecoverableFen) }),
          }),
          new Paragraph({ text: e.section.byRule, heading: HeadingLevel.HEADING_1 }),
          grid(tallyHeader(col.ruleName), tallyRows(ruleOrder, (r) => `${r} ${words.rule[r as RuleCode]}`)),
          new Paragraph({ text: e.section.byCounty, heading: HeadingLevel.HEADING_1 }),
          grid(tallyHeader(col.county), tallyRows(byCounty, (c) => c)),
          new Paragraph({ text: e.section.byStatus, heading: HeadingLevel.HEADING_1 }),
          grid(
            [col.status, col.count, col.amount],
            HIT_STATUSES.filter((s) => byStatus.has(s)).map((s: HitStatus) => [words.status[s], byStatus.get(s)!.count, yuan(byStatus.get(s)!.amountFen)]),
          ),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return { fileName: `zhijian-welfare-summary-${date}.docx`, contentBase64: Buffer.from(buffer).toString('base64') };
}

/** The clue's title and summary, generated from the recipient's confirmed hits. */
export function clueText(named: { name: string; idNumber: string; assignedUnitName: string | null }, hits: HitWithFinding[]): { title: string; summary: string } {
  const rules = [...new Set(hits.map((h) => h.rule))].map((r) => words.rule[r]).join('、');
  const title = t('clueTitle', { name: named.name, rules });
  const head = t('clueSummary', {
    name: named.name,
    idNumber: named.idNumber,
    count: hits.length,
    unit: named.assignedUnitName ?? '',
    amount: yuan(hits.reduce((s, h) => s + h.amountFen, 0)),
    recoverable: yuan(hits.reduce((s, h) => s + toRecoverFen(h), 0)),
  });
  const lines = hits.map((h) =>
    t('clueLine', { rule: words.rule[h.rule], program: h.program, period: h.period, amount: yuan(h.amountFen), recoverable: yuan(toRecoverFen(h)) }),
  );
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return { title: clip(title, 200), summary: clip([head, ...lines].join('\n'), 5000) };
}

/** Each hit with each of its evidence rows, as a CSV (UTF-8 with BOM, which spreadsheets open as such). */
export function evidenceCsv(name: string, date: string, items: { hit: HitWithFinding; records: EvidenceRecord[] }[]): { fileName: string; contentBase64: string } {
  const fields = [col.rule, col.ruleName, col.idNumber, col.name, col.program, col.period, col.amount, col.confirmedRecoverable, col.township, col.village, col.dataset, col.fileName, col.row, col.record];
  const data = items.flatMap(({ hit: h, records }) =>
    records.map((r) => [
      h.rule, words.rule[h.rule], h.idNumber, h.name, h.program, h.period, formatFen(h.amountFen), formatFen(toRecoverFen(h)), h.township, h.village,
      words.dataset[r.dataset], r.fileName, r.row, Object.entries(r.fields).map(([k, v]) => `${k}=${v ?? ''}`).join('; '),
    ]),
  );
  const text = `\uFEFF${Papa.unparse({ fields, data })}`;
  return { fileName: `疑点证据-${name}-${date}.csv`, contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}
