/**
 * The rule runs under way in a core, by the job id their caller named them with, so that the
 * caller can stop one (`welfare.cancelRun`): only their own, as with an import's upload; and so
 * that a window opened meanwhile, or the hits screen opened again, shows the run going on
 * (`welfare.runUnderWay`).
 */
import { eq } from 'drizzle-orm';
import type { RunUnderWay } from '../../shared/api/welfare';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { users } from '../db/schema';

interface RunJob {
  userId: string;
  controller: AbortController;
  startedAt: string;
  /** rules compared so far, of `total` */
  done: number;
  total: number;
}

/** One core's runs: two cores in one process (tests) each keep their own. */
const registries = new WeakMap<object, Map<string, RunJob>>();

function jobsOf(ctx: Context): Map<string, RunJob> {
  let jobs = registries.get(ctx.vault);
  if (!jobs) registries.set(ctx.vault, (jobs = new Map()));
  return jobs;
}

/** Runs `fn` as the job `jobId` of `userId`, which `cancelRun` can stop through the signal until `fn` settles. */
export async function asRunJob<T>(
  ctx: Context,
  job: { jobId: string; userId: string; startedAt: string; total: number },
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const jobs = jobsOf(ctx);
  // a second run would read the same data, at twice the cost, to store the same hits
  if (jobs.size > 0) throw new AppError('WELFARE_RUN_RUNNING');
  const controller = new AbortController();
  jobs.set(job.jobId, { userId: job.userId, startedAt: job.startedAt, total: job.total, done: 0, controller });
  try {
    return await fn(controller.signal);
  } finally {
    jobs.delete(job.jobId);
  }
}

/** Records that the run has compared `done` of its rules. */
export function noteProgress(ctx: Context, jobId: string, done: number): void {
  const job = jobsOf(ctx).get(jobId);
  if (job) job.done = done;
}

/** Stops the caller's run of that job id; false when none runs (it ended, never began, or is someone else's). */
export function cancelRun(ctx: Context, input: { jobId: string }): { cancelled: boolean } {
  const job = jobsOf(ctx).get(input.jobId);
  if (!job || job.userId !== ctx.caller.userId || job.controller.signal.aborted) return { cancelled: false };
  job.controller.abort();
  return { cancelled: true };
}

/** The run going on, whoever started it; null when none is. */
export function runUnderWay(ctx: Context): RunUnderWay | null {
  for (const [jobId, job] of jobsOf(ctx)) {
    if (job.controller.signal.aborted) continue;
    const byName = ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, job.userId)).get()?.name ?? '';
    return { jobId, startedAt: job.startedAt, by: job.userId, byName, done: job.done, total: job.total, mine: job.userId === ctx.caller.userId };
  }
  return null;
}
