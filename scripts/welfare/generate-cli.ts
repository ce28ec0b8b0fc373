/**
 * `node --import tsx scripts/welfare/generate-cli.ts --out DIR [--disbursements N] [--seed N] [--periods …]`:
 * the generator as a command. Kept apart from generate.ts, which the demo bundles into the core.
 */
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../../src/shared/api';
import { generateWelfareMonth } from './generate';

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function intArg(flag: string): number | undefined {
  const raw = argValue(flag);
  if (raw === undefined) return undefined;
  const n = Number(raw.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${flag} needs a whole number, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

{
  const out = argValue('--out');
  if (!out) {
    console.error('usage: node --import tsx scripts/welfare/generate-cli.ts --out DIR [--disbursements 1000000] [--seed N] [--periods 2026-08,2026-09,2026-10]');
    process.exit(2);
  }
  const periods = argValue('--periods')?.split(',');
  if (periods && !periods.every((p) => /^\d{4}-(0[1-9]|1[0-2])$/.test(p))) {
    console.error('--periods needs months as YYYY-MM, comma-separated');
    process.exit(2);
  }
  const started = performance.now();
  const month = generateWelfareMonth(out, { seed: intArg('--seed'), disbursements: intArg('--disbursements'), periods });
  const seconds = (performance.now() - started) / 1000;
  for (const [dataset, n] of Object.entries(month.rows)) console.log(`${dataset.padEnd(14)} ${String(n).padStart(9)} rows  ${month.files[dataset as Dataset]}`);
  console.log(`planted hits   ${String(month.planted.length).padStart(9)}        ${month.plantedFile}`);
  console.log(`near-misses    ${String(month.nearMisses.length).padStart(9)}`);
  console.log(`written in ${seconds.toFixed(1)} s`);
}
