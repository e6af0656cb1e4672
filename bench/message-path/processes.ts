import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const repo = new URL('../..', import.meta.url).pathname;

/** A product service as a child process, started the way deploy/local/services.sh starts it. */
export async function startService(entry: string, env: NodeJS.ProcessEnv, healthUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entry], {
    cwd: repo,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited: ${stderr}`);
    if (
      await fetch(healthUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${entry} did not become healthy: ${stderr}`);
}

export function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** CPU time (ms) used so far by each group of processes; groups are pid lists, or every process of a program. */
export class CpuMeter {
  private readonly groups: Map<string, () => number[]>;
  constructor(groups: Record<string, () => number[]>) {
    this.groups = new Map(Object.entries(groups));
  }

  sample(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, pids] of this.groups) out[name] = pids().reduce((sum, pid) => sum + cpuMs(pid), 0);
    return out;
  }
}

function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Every process whose executable name is `comm` (e.g. all of PostgreSQL's backends). */
export function pidsNamed(comm: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    });
}

export function pidFromFile(path: string): number[] {
  try {
    return [Number(readFileSync(path, 'utf8').trim())];
  } catch {
    return [];
  }
}
