/**
 * A writer for the crash-safety and backup tests, run as its own process (bundled by
 * `buildWriter`): logs in to an existing database and writes until it is killed. Each line on
 * stdout is printed only after the call it reports has returned, so a line is an acknowledged
 * write:
 *
 *   ready                                   logged in, about to write
 *   import ID1,ID2,ID3                      people.import of three new people (one transaction)
 *   person PERSON_ID ID_NUMBER              people.create
 *   kin LINK_ID                             people.linkKin (the new person to the previous one)
 *
 * Usage: writer-child DBFILE MIGRATIONS_DIR RUN, with ZHIJIAN_USER and ZHIJIAN_PASSWORD set. RUN
 * (a small integer) keeps the ID numbers of different runs on the same database apart. With
 * WRITER_AUTOCHECKPOINT=N the WAL is checkpointed every N pages (SQLite's default: 1000), so that
 * kills also land in checkpoints.
 */
import { api, type KinLink, type PeopleImportReport, type Person, type SessionOpened } from '../../shared/api';
import { openCore } from '../api/core';
import { checkCharacter } from '../registry/id-number';

const IMPORT_SIZE = 3;
const DAY = 86_400_000;

/** The nth synthetic ID number of a run: region 530702, a birth date per run and thousand, a sequence. */
function idNumber(run: number, n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (run * 40 + Math.floor(n / 1000)) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `530702${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function main(): Promise<void> {
  const [dbFile, migrationsDir, runArg] = process.argv.slice(2);
  const username = process.env.ZHIJIAN_USER;
  const password = process.env.ZHIJIAN_PASSWORD;
  if (!dbFile || !migrationsDir || !runArg || !username || !password) throw new Error('usage: writer-child DBFILE MIGRATIONS_DIR RUN (ZHIJIAN_USER, ZHIJIAN_PASSWORD)');
  const run = Number(runArg);
  const core = openCore({ dbFile, migrationsDir });
  const { sessionToken } = (await core.call(api.auth.login.name, { username, password })) as SessionOpened;
  const call = (name: string, input: unknown) => core.call(name, input, sessionToken);
  const checkpoint = Number(process.env.WRITER_AUTOCHECKPOINT);
  if (checkpoint > 0) core.database.sqlite.pragma(`wal_autocheckpoint = ${checkpoint}`);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('ready');

  let n = 0;
  let previous: string | null = null;
  for (;;) {
    const ids = Array.from({ length: IMPORT_SIZE }, () => idNumber(run, n++));
    const csv = ['姓名,身份证号,职务', ...ids.map((id, i) => `导入${i},${id},科员`)].join('\n');
    const report = (await call(api.people.import.name, { fileName: 'crash.csv', contentBase64: Buffer.from(csv).toString('base64') })) as PeopleImportReport;
    if (report.created !== IMPORT_SIZE) throw new Error(`import: ${JSON.stringify(report)}`);
    say(`import ${ids.join(',')}`);

    const person = (await call(api.people.create.name, { name: '新建', idNumber: idNumber(run, n++), position: '科员' })) as Person;
    say(`person ${person.id} ${person.idNumber}`);

    if (previous) {
      const link = (await call(api.people.linkKin.name, { personId: person.id, relativeId: previous, relation: '兄弟姐妹' })) as KinLink;
      say(`kin ${link.id}`);
    }
    previous = person.id;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
