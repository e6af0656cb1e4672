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
  private readonly groups: Map<string, () => number>;
  constructor(groups: Record<string, number[] | (() => number)>) {
    this.groups = new Map(
      Object.entries(groups).map(([name, g]) => [
        name,
        typeof g === 'function' ? g : () => g.reduce((sum, pid) => sum + cpuMs(pid), 0),
      ]),
    );
  }

  sample(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, read] of this.groups) out[name] = read();
    return out;
  }
}

/** utime + stime, plus the time of children that have exited (cutime + cstime) when `withExitedChildren`. */
function cpuMs(pid: number, withExitedChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = (fields[11] ?? 0) + (fields[12] ?? 0);
    const children = withExitedChildren ? (fields[13] ?? 0) + (fields[14] ?? 0) : 0;
    return ((own + children) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * A server that forks a process per connection (PostgreSQL): the parent's own and exited children's time plus its
 * live children's, so backends that come and go between two samples are still counted.
 */
export function processTreeCpuMs(parentPid: number | undefined): number {
  if (parentPid === undefined) return 0;
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => parentOf(pid) === parentPid);
  return cpuMs(parentPid, true) + children.reduce((sum, pid) => sum + cpuMs(pid, true), 0);
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
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
    return [Number(readFileSync(path, 'utf8').split('\n')[0]?.trim())];
  } catch {
    return [];
  }
}
