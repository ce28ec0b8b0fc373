import readline from 'node:readline';
import { Writable } from 'node:stream';
import { createTranslator, languageFromEnv } from '../shared/i18n/translate';
import type { CliIo } from './context';
import { runCli } from './run';

/** Asks on the terminal; a hidden answer (a password) is not echoed. */
function prompt(question: string, hidden: boolean): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  t: createTranslator(languageFromEnv(process.env)),
  ...(process.stdin.isTTY ? { prompt } : {}),
};
process.exitCode = await runCli(process.argv.slice(2), io);
