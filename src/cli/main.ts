import { createTranslator, languageFromEnv } from '../shared/i18n/translate';
import type { CliIo } from './context';
import { runCli } from './run';

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  t: createTranslator(languageFromEnv(process.env)),
};
process.exitCode = await runCli(process.argv.slice(2), io);
