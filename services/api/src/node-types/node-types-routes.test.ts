import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_CATALOGUE } from '@botflow/graph/catalogue';
import { closeServer, createLogger, listen } from '@botflow/service-kit';
import { createApiApp } from '../app.ts';
import { nodeTypesRoutes, type NodeTypeDescription } from './node-types-routes.ts';

let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  const app = createApiApp({ log: createLogger('test', 'silent'), healthChecks: [], routes: [nodeTypesRoutes()] });
  server = await listen(app, 0);
});
afterAll(() => closeServer(server));

describe('GET /api/node-types', () => {
  it('describes every node type with its family, options form and default exits', async () => {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/node-types`);
    const { nodeTypes } = (await res.json()) as { nodeTypes: NodeTypeDescription[] };
    expect(nodeTypes.map((t) => t.type)).toEqual(NODE_CATALOGUE.map((t) => t.type));
    const sendText = nodeTypes.find((t) => t.type === 'send_text');
    expect(sendText).toMatchObject({
      family: 'whatsapp',
      label: 'Send text',
      optionsSchema: { type: 'object', required: ['text'], properties: { text: { maxLength: 4096 } } },
      defaultPorts: null,
    });
    const wait = nodeTypes.find((t) => t.type === 'ab_split');
    expect(wait?.defaultPorts?.length).toBeGreaterThanOrEqual(2);
  });
});
