import type { Logger } from '@botflow/service-kit';

export interface HousekeepingJob {
  name: string;
  everyMs: number;
  /** Returns how many rows it removed. */
  run: () => Promise<number>;
}

/**
 * Clean-ups of rows that matter only for a while: each job runs once at start, then every `everyMs`. Every worker runs
 * them; the deletes are idempotent, so several workers at once only repeat each other. Returns `stop`.
 */
export function startHousekeeping(jobs: HousekeepingJob[], log: Logger): () => void {
  const runJob = (job: HousekeepingJob) =>
    job.run().then(
      (removed) => {
        if (removed > 0) log.info({ job: job.name, removed }, 'housekeeping removed old rows');
      },
      (err: unknown) => log.warn({ err, job: job.name }, 'housekeeping failed; it runs again later'),
    );
  const timers = jobs.map((job) => {
    void runJob(job);
    return setInterval(() => void runJob(job), job.everyMs).unref();
  });
  return () => timers.forEach(clearInterval);
}
