// Lint rules: type-aware TypeScript checks everywhere; workflow code kept deterministic.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nonDeterministicModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'timers',
  '@prisma/*',
  '@botflow/db',
  'pg',
  'kafkajs',
  'ioredis',
  'express',
  'openai',
  '@anthropic-ai/sdk',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'packages/db/src/generated/**', 'proto/gen/**', 'web/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function that never awaits still returns a promise, which is what health checks and handlers need.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is replayed: no I/O, no clocks, no randomness
    // except through @temporalio/workflow. Activities may be imported only as types.
    files: ['workflows/**/*.ts'],
    // Node-side tests and the history helper sit beside workflow code but are never bundled into the sandbox.
    ignores: ['workflows/**/*.test.ts', 'workflows/src/history-json.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nonDeterministicModules, message: 'workflow code must stay deterministic: use an activity' },
            {
              group: ['@botflow/activities', '**/activities/**'],
              allowTypeImports: true,
              message: 'import activities as types only and call them through proxyActivities',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' },
        { name: 'setInterval', message: 'use sleep() in a loop from @temporalio/workflow' },
        { name: 'fetch', message: 'network calls belong in activities' },
        { name: 'process', message: 'the environment belongs in activities or the worker config' },
      ],
    },
  },
);
