// The statistics and the weekly deadline digest as XLSX workbooks, labelled in Chinese (the
// language of the files the commission circulates).
import type { Board, CaseStatistics, CountRow, ExportedFile } from '../../shared/api/cases';
import { zhCN } from '../../shared/i18n/zh-CN';

type Workbook = import('exceljs').Workbook;

async function newWorkbook(): Promise<Workbook> {
  // exceljs is large: loaded on first export, not at start
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Zhijian';
  return book;
}

async function toFile(book: Workbook, fileName: string): Promise<ExportedFile> {
  const buffer = await book.xlsx.writeBuffer();
  return { fileName, contentBase64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}

const STATISTICS_SHEETS: { key: keyof Omit<CaseStatistics, 'from' | 'to' | 'casesOpened'>; title: string }[] = [
  { key: 'bySource', title: '按线索来源' },
  { key: 'byStage', title: '按办理阶段' },
  { key: 'byDisposal', title: '按处置方式' },
  { key: 'byUnit', title: '按单位' },
  { key: 'byMonth', title: '按月份' },
  { key: 'sanctionsByKind', title: '处分种类' },
];

function addCounts(book: Workbook, title: string, rows: CountRow[]): void {
  const sheet = book.addWorksheet(title);
  sheet.columns = [
    { header: '项目', key: 'label', width: 32 },
    { header: '件数', key: 'count', width: 10 },
  ];
  for (const row of rows) sheet.addRow({ label: row.label, count: row.count });
  sheet.addRow({ label: '合计', count: rows.reduce((sum, r) => sum + r.count, 0) });
  sheet.getRow(1).font = { bold: true };
}

export async function statisticsWorkbook(stats: CaseStatistics, stamp: string): Promise<ExportedFile> {
  const book = await newWorkbook();
  const cover = book.addWorksheet('说明');
  cover.addRow(['问题线索和案件统计']);
  cover.addRow(['统计期间', `${stats.from ?? '最早'} 至 ${stats.to ?? '最新'}`]);
  cover.addRow(['立案数', stats.casesOpened]);
  cover.addRow(['导出时间', stamp]);
  for (const { key, title } of STATISTICS_SHEETS) addCounts(book, title, stats[key]);
  return toFile(book, `zhijian-case-statistics-${stamp.slice(0, 10)}.xlsx`);
}

export async function digestWorkbook(board: Board): Promise<ExportedFile> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet('期限预警周报');
  sheet.addRow([`期限预警周报（${board.today}）`, `超期 ${board.counts.red} 项`, `临期 ${board.counts.yellow} 项`]);
  if (board.unknown.count > 0) {
    sheet.addRow([`另有 ${board.unknown.count} 项期限因节假日日历缺少 ${board.unknown.years.join('、')} 年而无法计算`]);
  }
  sheet.addRow([]);
  const header = sheet.addRow(['预警', '编号', '线索/案件', '阶段', '承办单位', '承办部门', '时限', '到期日', '工作日']);
  header.font = { bold: true };
  for (const row of board.rows) {
    sheet.addRow([
      zhCN.cases.light[row.light],
      row.number,
      row.title,
      zhCN.cases.stage[row.stage],
      row.unitName,
      row.departmentName ?? '',
      zhCN.cases.clock[row.clock],
      row.due,
      row.light === 'red' ? `超期 ${row.workingDays}` : `剩余 ${row.workingDays}`,
    ]);
  }
  sheet.columns.forEach((column, i) => (column.width = [8, 20, 40, 14, 20, 20, 18, 12, 10][i]));
  return toFile(book, `zhijian-deadline-digest-${board.today}.xlsx`);
}
