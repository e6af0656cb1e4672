import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import type { DefinitionDiff, Problem } from '@botflow/graph/catalogue';
import { greetingGraph, organisationWithToken, startBotsApi, type TestBotsApi } from './test-support.ts';

interface VersionBody {
  version: { version: number; contentHash: string; notes: string | null };
  created: boolean;
}

const db = useMigratedDatabase();
let api: TestBotsApi;
beforeAll(async () => {
  const org = await organisationWithToken(db.prisma);
  api = await startBotsApi(db.prisma, org.token);
});
afterAll(() => api.close());

async function botWith(graph: unknown): Promise<string> {
  const created = await api.call<{ bot: { id: string } }>('POST', '/api/bots', { body: { name: 'Greeter', graph } });
  return created.body.bot.id;
}

const publish = (botId: string, body: unknown = {}) =>
  api.call<VersionBody>('POST', `/api/bots/${botId}/versions`, { body });
const saveDraft = (botId: string, graph: unknown) => api.call('PUT', `/api/bots/${botId}/draft`, { body: { graph } });

describe('publishing versions', () => {
  it('refuses a draft with problems: 422 with every problem', async () => {
    const botId = await botWith({ ...greetingGraph(), edges: [] });
    const res = await api.call<{ error: string; problems: Problem[] }>('POST', `/api/bots/${botId}/versions`);
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('the draft has 1 problem: fix them first');
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'unreachable_node', nodeId: 'greet' })]);
  });

  it('numbers versions, makes the newest current, and does nothing for an unchanged draft', async () => {
    const botId = await botWith(greetingGraph());
    const first = await publish(botId, { notes: 'first try' });
    expect(first).toMatchObject({ status: 201, body: { created: true, version: { version: 1, notes: 'first try' } } });
    const again = await publish(botId);
    expect(again).toMatchObject({ status: 200, body: { created: false, version: { version: 1 } } });

    await saveDraft(botId, greetingGraph('Welcome, {{name}}.'));
    expect((await publish(botId)).body.version.version).toBe(2);

    const bot = await api.call<{ bot: { currentVersion: number } }>('GET', `/api/bots/${botId}`);
    expect(bot.body.bot.currentVersion).toBe(2);
    const list = await api.call<{ versions: { version: number; notes: string | null }[] }>(
      'GET',
      `/api/bots/${botId}/versions`,
    );
    expect(list.body.versions.map((v) => [v.version, v.notes])).toEqual([
      [2, null],
      [1, 'first try'],
    ]);
  });

  it('gives publishes that race consecutive numbers, never an error', async () => {
    const botId = await botWith(greetingGraph());
    const graphs = ['A {{name}}', 'B {{name}}', 'C {{name}}', 'D {{name}}'].map((g) => greetingGraph(g));
    // Each publish saves its own draft first; the draft they publish is whichever was saved last, so identical
    // ones come back as no-ops (200) and every new one gets the next number.
    const results = await Promise.all(
      graphs.map(async (g) => {
        await saveDraft(botId, g);
        return publish(botId);
      }),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const numbers = (await db.prisma.botVersion.findMany({ where: { botId }, orderBy: { version: 'asc' } })).map(
      (v) => v.version,
    );
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(results.filter((r) => r.status === 201).length).toBe(numbers.length);
  });

  it('shows a version with its definition and graph, and what changed between two', async () => {
    const botId = await botWith(greetingGraph());
    await publish(botId);
    await saveDraft(botId, greetingGraph('Welcome, {{name}}.'));
    await publish(botId);

    const v1 = await api.call<{ definition: { entry: string }; graph: unknown; current: boolean }>(
      'GET',
      `/api/bots/${botId}/versions/1`,
    );
    expect(v1.body).toMatchObject({ current: false, definition: { entry: 'ask_name' }, graph: greetingGraph() });

    const diff = await api.call<DefinitionDiff & { from: number; to: number }>(
      'GET',
      `/api/bots/${botId}/versions/1/diff/2`,
    );
    expect(diff.body).toMatchObject({ from: 1, to: 2, identical: false });
    expect(diff.body.nodes.changed).toEqual([
      {
        nodeId: 'greet',
        options: [{ path: 'text', change: 'changed', before: 'Hello {{name}}!', after: 'Welcome, {{name}}.' }],
        edges: [],
      },
    ]);

    expect((await api.call('GET', `/api/bots/${botId}/versions/9`)).status).toBe(404);
    const bad = await api.call<{ error: string }>('GET', `/api/bots/${botId}/versions/v1`);
    expect(bad).toEqual({ status: 400, body: { error: '"v1" is not a version number: use 1, 2, …' } });
  });

  it('rolls back by publishing the old version anew and restoring its graph as the draft', async () => {
    const botId = await botWith(greetingGraph());
    await publish(botId);
    await saveDraft(botId, greetingGraph('Welcome, {{name}}.'));
    const v2 = await publish(botId);

    const rollback = await api.call<VersionBody>('POST', `/api/bots/${botId}/versions/1/rollback`);
    expect(rollback).toMatchObject({ status: 201, body: { version: { version: 3, notes: 'rollback to v1' } } });
    const v1 = await db.prisma.botVersion.findFirstOrThrow({ where: { botId, version: 1 } });
    expect(rollback.body.version.contentHash).toBe(v1.contentHash);
    expect(rollback.body.version.contentHash).not.toBe(v2.body.version.contentHash);

    const bot = await api.call<{ bot: { currentVersion: number; draft: unknown } }>('GET', `/api/bots/${botId}`);
    expect(bot.body.bot).toMatchObject({ currentVersion: 3, draft: greetingGraph() });
    expect((await publish(botId)).status).toBe(200);
  });

  it('checks moving options: a mapping needs moveRunning and must lead to nodes of the new version', async () => {
    const botId = await botWith(greetingGraph());
    const noMove = await api.call<{ error: string }>('POST', `/api/bots/${botId}/versions`, {
      body: { nodeMapping: { old: 'ask_name' } },
    });
    expect(noMove.status).toBe(400);
    expect(noMove.body.error).toMatch(/add moveRunning: true/);
    const nowhere = await api.call<{ error: string }>('POST', `/api/bots/${botId}/versions`, {
      body: { moveRunning: true, nodeMapping: { old: 'ask_age' } },
    });
    expect(nowhere.body.error).toBe('nodeMapping leads to nodes the new version does not have: ask_age');
  });
});
