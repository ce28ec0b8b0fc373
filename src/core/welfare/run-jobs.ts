/**
 * The rule runs under way in a core, by the job id their caller named them with, so that the
 * caller can stop one (`welfare.cancelRun`): only their own, as with an import's upload.
 */
import type { Context } from '../api/context';
import { AppError } from '../api/errors';

interface RunJob {
  userId: string;
  controller: AbortController;
}

/** One core's runs: two cores in one process (tests) each keep their own. */
const registries = new WeakMap<object, Map<string, RunJob>>();

function jobsOf(ctx: Context): Map<string, RunJob> {
  let jobs = registries.get(ctx.vault);
  if (!jobs) registries.set(ctx.vault, (jobs = new Map()));
  return jobs;
}

/** Runs `fn` as the job `jobId` of `userId`, which `cancelRun` can stop through the signal until `fn` settles. */
export async function asRunJob<T>(ctx: Context, jobId: string, userId: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const jobs = jobsOf(ctx);
  // a second run would read the same data, at twice the cost, to store the same hits
  if (jobs.size > 0) throw new AppError('WELFARE_RUN_RUNNING');
  const job = { userId, controller: new AbortController() };
  jobs.set(jobId, job);
  try {
    return await fn(job.controller.signal);
  } finally {
    jobs.delete(jobId);
  }
}

/** Stops the caller's run of that job id; false when none runs (it ended, never began, or is someone else's). */
export function cancelRun(ctx: Context, input: { jobId: string }): { cancelled: boolean } {
  const job = jobsOf(ctx).get(input.jobId);
  if (!job || job.userId !== ctx.caller.userId || job.controller.signal.aborted) return { cancelled: false };
  job.controller.abort();
  return { cancelled: true };
}
