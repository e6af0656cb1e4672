import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const repo = new URL('../..', import.meta.url).pathname;

/** The worker service as a real child process, so tests can SIGKILL it mid-turn like a crashed machine. */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  output = '';
  private readonly env: NodeJS.ProcessEnv;
  constructor(env: NodeJS.ProcessEnv) {
    this.env = env;
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.child = spawn(process.execPath, ['services/worker/src/main.ts'], {
      cwd: repo,
      env: { ...process.env, ...this.env, WORKER_HEALTH_PORT: String(port), LOG_LEVEL: this.env.LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`worker exited during start:\n${this.output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`worker did not start within 60 s:\n${this.output}`);
  }

  /** Like a power cut: no shutdown hooks, no draining. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
