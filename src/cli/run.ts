import { errorMessage } from '../shared/i18n/translate';
import { AppError, toWireError } from '../core/api/errors';
import { verifyAudit } from './commands/audit';
import { backup, restore } from './commands/backup';
import { check } from './commands/check';
import { due } from './commands/due';
import { demo, init } from './commands/init';
import { importPeople, listPeople } from './commands/people';
import { importDataset } from './commands/welfare-import';
import { exportBundle, importBundles, relay, syncStatus } from './commands/sync';
import { addPeer, exportIdentity, listPeers, revokePeer, setIdentityUnit } from './commands/sync-identity';
import { DATASETS } from '../shared/api/welfare';
import { addUser, disableUser, listUsers } from './commands/users';
import type { CliIo } from './context';

type Command = (args: string[], io: CliIo) => Promise<void>;

const USAGE = `usage: zhijian <command> [options]

  init --db FILE --admin NAME --password PW [--org 530700] [--org-name NAME] [--suite SUITE]
                                                    create a new encrypted database and this node's sync keys;
                                                    prints the recovery key. SUITE: the deployment's cipher suite,
                                                    x25519-ed25519-xchacha20poly1305 (default) or sm2-sm3-sm4gcm
  demo --db FILE                                    create a database with demo data and demo accounts
  people import FILE [--sheet NAME] [--json]        import the people registry (CSV or XLSX)
  people list [--query Q] [--unit CODE] [--json]    list people
  import --dataset people FILE [--sheet NAME]       the same import, by dataset name
  import --dataset KIND FILE [--sheet NAME] [--json]
                                                    import a welfare dataset (CSV or XLSX) as a new batch; KIND:
                                                    ${DATASETS.join(', ')}
  users add USERNAME --unit CODE --role ROLE --password PW [--name NAME]
  users list [--json] / users disable USERNAME
  check [--rules all|R1,R2] [--json|--csv] [--out FILE]
                                                    run the welfare comparison rules over the imported data
  audit verify [--json]                             check the audit trail's hash chain
  identity export --out FILE.json [--json]          write this node's public identity file for a peer's
                                                    administrator; prints its fingerprint
  identity unit UNIT_CODE [--json]                  name the unit this node works for (a county office's node: its
                                                    county, once it has arrived from the city); bundles tell peers
  peers add FILE.json --scope UNIT_CODE [--json]    add a peer from its identity file; it receives only the data
                                                    of the unit UNIT_CODE and below. Prints the peer's fingerprint:
                                                    compare all 12 groups with its administrator by phone. On a
                                                    terminal it asks y/N; without one (a script) it adds at once,
                                                    the command itself being the confirmation
  peers list [--json]                               the peers: scope, state, fingerprint, last bundle in and out
  peers revoke NODE_ID                              refuse the peer's bundles from now on (nothing is deleted)
  sync export --peer NODE_ID --out FILE.zjb [--json]
                                                    a bundle with everything the peer lacks inside its scope,
                                                    encrypted to it and signed, for a folder or removable drive
  sync import FILE.zjb [FILE ...] [--json]          check each bundle whole and apply it in one transaction; a
                                                    bundle applied before changes nothing
  sync status [--json]                              this node, each peer's last bundles and what waits for it
  relay --port P --data DIR [--host 0.0.0.0]        the relay for the private network: keeps bundles per recipient,
                                                    never holds a key; runs until stopped
  backup --out FILE                                 a consistent, still-encrypted copy
  restore FILE                                      check a backup, then replace the database with it
  due --from DATE (--working-days N | --days N | --months N) [--json]
                                                    a deadline on the calendar of statutory holidays
                                                    and make-up working days (needs no database)

The database is --db FILE or ZHIJIAN_DB; the acting user ZHIJIAN_USER and ZHIJIAN_PASSWORD
(asked on a terminal when not set). Exit codes: 0 done, 1 handled error (one line on stderr).`;

/** `import --dataset KIND`: the people registry, and every welfare dataset. */
const DATASET_IMPORTS: Record<string, Command> = { people: importPeople, ...Object.fromEntries(DATASETS.map((dataset) => [dataset, importDataset])) };

const COMMANDS: Record<string, Command> = {
  init,
  demo,
  'people import': importPeople,
  'people list': listPeople,
  'users add': addUser,
  'users list': listUsers,
  'users disable': disableUser,
  'audit verify': verifyAudit,
  'identity export': exportIdentity,
  'identity unit': setIdentityUnit,
  'peers add': addPeer,
  'peers list': listPeers,
  'peers revoke': revokePeer,
  'sync export': exportBundle,
  'sync import': importBundles,
  'sync status': syncStatus,
  relay,
  backup,
  restore,
  due,
  check,
};

function route(argv: string[]): { command: Command; args: string[] } | undefined {
  const [first, second] = argv;
  const two = COMMANDS[`${first} ${second}`];
  if (two) return { command: two, args: argv.slice(2) };
  if (first === 'import') {
    const at = argv.indexOf('--dataset');
    const dataset = at >= 0 ? argv[at + 1] : undefined;
    const command = dataset ? DATASET_IMPORTS[dataset] : undefined;
    if (!command) throw new AppError('INVALID_INPUT', { issues: [`--dataset ${dataset ?? '?'}: known datasets: ${Object.keys(DATASET_IMPORTS).join(', ')}`] });
    return { command, args: argv.slice(1) };
  }
  const one = first ? COMMANDS[first] : undefined;
  return one ? { command: one, args: argv.slice(1) } : undefined;
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
    const wire = code?.startsWith('ERR_PARSE_ARGS')
      ? { code: 'INVALID_INPUT' as const, messageKey: 'errors.INVALID_INPUT', details: { issues: [(error as Error).message.split('\n')[0]!] } }
      : toWireError(error);
    io.err(errorMessage(io.t, wire));
    return 1;
  }
}
