import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { DEMO_BOT, type BotDefinition } from '@botflow/graph';
import { EMPTY_GRAPH, graphFromDefinition, type Problem } from '@botflow/graph/catalogue';
import { contentHash } from '@botflow/graph/publish';
import { greetingGraph, organisationWithToken, startBotsApi, type TestBotsApi } from './test-support.ts';

interface BotBody {
  bot: { id: string; name: string; currentVersion: number | null; draft: unknown };
}

const db = useMigratedDatabase();
let api: TestBotsApi;
let organisationId: string;
beforeAll(async () => {
  const org = await organisationWithToken(db.prisma);
  organisationId = org.id;
  api = await startBotsApi(db.prisma, org.token);
});
afterAll(() => api.close());

describe('bots and drafts', () => {
  it('creates bots with or without a graph and lists them', async () => {
    const empty = await api.call<BotBody>('POST', '/api/bots', { body: { name: '  Front desk ' } });
    expect(empty.status).toBe(201);
    expect(empty.body.bot).toMatchObject({ name: 'Front desk', currentVersion: null, draft: EMPTY_GRAPH });

    const drawn = await api.call<BotBody>('POST', '/api/bots', { body: { name: 'Greeter', graph: greetingGraph() } });
    expect(drawn.body.bot.draft).toEqual(greetingGraph());

    const list = await api.call<{ bots: { name: string }[] }>('GET', '/api/bots');
    expect(list.body.bots.map((b) => b.name)).toEqual(['Front desk', 'Greeter']);
  });

  it('says which field is wrong in a body it cannot take', async () => {
    const noName = await api.call<{ error: string }>('POST', '/api/bots', { body: { name: '' } });
    expect(noName.status).toBe(400);
    expect(noName.body.error).toBe('the request body is not right: name: give the bot a name');
    const badGraph = await api.call<{ error: string }>('POST', '/api/bots', {
      body: { name: 'x', graph: { nodes: 'no' } },
    });
    expect(badGraph.status).toBe(400);
    expect(badGraph.body.error).toMatch(/graph\.nodes/);
  });

  it('saves an unfinished draft as it is, and tells its problems when asked', async () => {
    const { body } = await api.call<BotBody>('POST', '/api/bots', { body: { name: 'Draft' } });
    const unfinished = { ...greetingGraph(), edges: [] };
    const saved = await api.call<BotBody>('PUT', `/api/bots/${body.bot.id}/draft`, { body: { graph: unfinished } });
    expect(saved.status).toBe(200);
    expect(saved.body.bot.draft).toEqual(unfinished);
    expect((await api.call<BotBody>('GET', `/api/bots/${body.bot.id}`)).body.bot.draft).toEqual(unfinished);

    const checked = await api.call<{ problems: Problem[] }>('POST', `/api/bots/${body.bot.id}/draft/validate`);
    expect(checked.body.problems).toEqual([expect.objectContaining({ code: 'unreachable_node', nodeId: 'greet' })]);
    const other = await api.call<{ problems: Problem[] }>('POST', `/api/bots/${body.bot.id}/draft/validate`, {
      body: { graph: greetingGraph() },
    });
    expect(other.body.problems).toEqual([]);
  });

  it('refuses to save what is not a graph at all', async () => {
    const { body } = await api.call<BotBody>('POST', '/api/bots', { body: { name: 'Shape' } });
    const res = await api.call<{ error: string }>('PUT', `/api/bots/${body.bot.id}/draft`, {
      body: { graph: { nodes: [{}] } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/graph\.nodes\.0\.id/);
  });

  it("shows a seeded bot's current version as its draft until one is saved", async () => {
    const version = await db.prisma.botVersion.create({
      data: {
        bot: { create: { organisationId, name: 'Seeded' } },
        version: 1,
        contentHash: contentHash(DEMO_BOT),
        definition: DEMO_BOT as never,
      },
    });
    await db.prisma.bot.update({ where: { id: version.botId }, data: { currentVersionId: version.id } });
    const res = await api.call<BotBody>('GET', `/api/bots/${version.botId}`);
    // jsonb keeps object keys in its own order, so the layout follows the definition as stored.
    const stored = await db.prisma.botVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(res.body.bot).toMatchObject({
      currentVersion: 1,
      draft: graphFromDefinition(stored.definition as unknown as BotDefinition),
    });
  });
});
