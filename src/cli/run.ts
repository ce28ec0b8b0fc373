import { errorMessage } from '../shared/i18n/translate';
import { AppError, toWireError } from '../core/api/errors';
import { demo } from './commands/demo';
import { init } from './commands/init';
import { importPeople, listPeople } from './commands/people';
import type { CliIo } from './context';

type Command = (args: string[], io: CliIo) => Promise<void>;

const USAGE = `usage: zhijian <command> [options]

  init --db FILE [--org 530700] [--org-name NAME]   create a new database
  demo --db FILE                                    create a database with demo data
  people import FILE [--sheet NAME] [--json]        import the people registry (CSV or XLSX)
  people list [--query Q] [--unit CODE] [--json]    list people
  import --dataset people FILE [--sheet NAME]       the same import, by dataset name

The database is --db FILE or ZHIJIAN_DB. Exit codes: 0 done, 1 handled error (one line on stderr).`;

/** The dataset imports that exist so far; the others arrive with their modules. */
const DATASET_IMPORTS: Record<string, Command> = { people: importPeople };

function route(argv: string[]): { command: Command; args: string[] } | undefined {
  const [first, second, ...rest] = argv;
  if (first === 'init') return { command: init, args: argv.slice(1) };
  if (first === 'demo') return { command: demo, args: argv.slice(1) };
  if (first === 'people' && second === 'import') return { command: importPeople, args: rest };
  if (first === 'people' && second === 'list') return { command: listPeople, args: rest };
  if (first === 'import') {
    const at = argv.indexOf('--dataset');
    const dataset = at >= 0 ? argv[at + 1] : undefined;
    const command = dataset ? DATASET_IMPORTS[dataset] : undefined;
    if (!command) throw new AppError('INVALID_INPUT', { issues: [`--dataset ${dataset ?? '?'}: known datasets: ${Object.keys(DATASET_IMPORTS).join(', ')}`] });
    return { command, args: argv.slice(1) };
  }
  return undefined;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
      io.out(USAGE);
      return argv.length === 0 ? 1 : 0;
    }
    const routed = route(argv);
    if (!routed) throw new AppError('INVALID_INPUT', { issues: [`unknown command: ${argv.join(' ')}`] });
    await routed.command(routed.args, io);
    return 0;
  } catch (error) {
    // parseArgs reports unknown or malformed options with a TypeError carrying a code
    const code = (error as { code?: string }).code;
    const wire = code?.startsWith('ERR_PARSE_ARGS') ? { code: 'INVALID_INPUT' as const, messageKey: 'errors.INVALID_INPUT', details: { issues: [(error as Error).message] } } : toWireError(error);
    io.err(errorMessage(io.t, wire));
    return 1;
  }
}

