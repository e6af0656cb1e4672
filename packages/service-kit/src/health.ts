/** One dependency a service needs to do its work; `check` rejects with a reason when it is not usable. */
export interface HealthCheck {
  name: string;
  check: () => Promise<unknown>;
}

export interface HealthReport {
  status: 'ok' | 'failing';
  service: string;
  checks: Record<string, { ok: boolean; latencyMs: number; error?: string }>;
  failing: string[];
}

/** Runs every check at once, each bounded by the timeout, and names the failing ones. */
export async function runHealthChecks(service: string, checks: HealthCheck[], timeoutMs = 2000): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      const started = performance.now();
      try {
        await withTimeout(check(), timeoutMs, `${name} did not answer within ${timeoutMs} ms`);
        return [name, { ok: true, latencyMs: Math.round(performance.now() - started) }] as const;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        return [name, { ok: false, latencyMs: Math.round(performance.now() - started), error }] as const;
      }
    }),
  );
  const failing = results.filter(([, r]) => !r.ok).map(([name]) => name);
  const byName: HealthReport['checks'] = {};
  for (const [name, result] of results) byName[name] = result;
  return { status: failing.length === 0 ? 'ok' : 'failing', service, checks: byName, failing };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
