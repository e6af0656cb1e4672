import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { PrismaClient } from '@botflow/db';
import { closeServer, createLogger, listen } from '@botflow/service-kit';
import { createApiApp } from '../app.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { botsApiRoutes } from './bots-api.ts';

/** For integration tests: the bots API on a free port, on the given database and the local Temporal. */
export interface TestBotsApi {
  temporal: Client;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    /** `token` defaults to the API's default token; `authorization` sends that header as it is instead. */
    options?: { token?: string | null; authorization?: string; body?: unknown },
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

let organisations = 0;

export async function startBotsApi(db: PrismaClient, defaultToken?: string): Promise<TestBotsApi> {
  const log = createLogger('test', 'silent');
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const app = createApiApp({ log, healthChecks: [], routes: [botsApiRoutes({ db, temporal, log })] });
  const server = await listen(app, 0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    temporal,
    async call(method, path, options = {}) {
      const token = options.token === undefined ? defaultToken : options.token;
      const authorization = options.authorization ?? (token ? `Bearer ${token}` : undefined);
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(authorization ? { authorization } : {}),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    async close() {
      await closeServer(server);
      await connection.close();
    },
  };
}

/** A new organisation with an API token. */
export async function organisationWithToken(db: PrismaClient): Promise<{ id: string; token: string }> {
  organisations += 1;
  const slug = `org-${process.pid}-${Date.now()}-${organisations}`;
  const { id } = await db.organisation.create({ data: { name: `Test ${organisations}`, slug } });
  return { id, token: await createApiToken(db, id, 'test') };
}

/** A small valid graph: asks the customer's name, then greets them with `greeting`. */
export function greetingGraph(greeting = 'Hello {{name}}!') {
  return {
    entry: 'ask_name',
    nodes: [
      {
        id: 'ask_name',
        type: 'ask_text',
        options: { prompt: 'Your name?', variable: 'name' },
        position: { x: 0, y: 0 },
      },
      { id: 'greet', type: 'send_text', options: { text: greeting }, position: { x: 320, y: 0 } },
    ],
    edges: [{ from: 'ask_name', port: 'next', to: 'greet' }],
    variables: [],
    settings: {},
  };
}
