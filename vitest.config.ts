import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vitest/config';

// Integration tests reach the servers where deploy/local/env.sh says they are; settings already in the environment win.
const stackEnv = execFileSync('bash', ['-c', '. deploy/local/env.sh && env -0'], { encoding: 'utf8' });
for (const entry of stackEnv.split('\0')) {
  const eq = entry.indexOf('=');
  if (eq > 0 && process.env[entry.slice(0, eq)] === undefined) process.env[entry.slice(0, eq)] = entry.slice(eq + 1);
}

// `unit`: pure tests, no servers, seconds. `integration`: against the real Temporal, PostgreSQL, Redis and Kafka
// that deploy/local/stack starts (`npm test` brings them up first).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{packages,proto,services,workflows,activities,deploy,tests}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{packages,proto,services,workflows,activities,deploy,tests}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
