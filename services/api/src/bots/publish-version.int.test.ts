import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { compileGraph, type BotGraph } from '@botflow/graph/catalogue';
import { publishVersion } from './publish-version.ts';
import { greetingGraph, organisationWithToken } from './test-support.ts';

const db = useMigratedDatabase();

function compiled(graph: BotGraph) {
  const result = compileGraph(graph);
  if (!result.ok) throw new Error('test graph does not compile');
  return { graph, definition: result.definition };
}

describe('publishVersion', () => {
  it('gives publishes of one bot at the same moment consecutive numbers, the last one current', async () => {
    const org = await organisationWithToken(db.prisma);
    const bot = await db.prisma.bot.create({ data: { organisationId: org.id, name: 'Busy' } });
    const drafts = Array.from({ length: 6 }, (_, i) => compiled(greetingGraph(`Hi #${i} {{name}}`)));
    const results = await Promise.all(
      drafts.map((d) => publishVersion(db.prisma, { botId: bot.id, notes: null, ...d })),
    );
    expect(results.map((r) => r.version.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.every((r) => r.created)).toBe(true);
    const current = await db.prisma.bot.findUniqueOrThrow({ where: { id: bot.id }, include: { currentVersion: true } });
    expect(current.currentVersion?.version).toBe(6);
  });

  it('returns the current version for the same definition published twice at once', async () => {
    const org = await organisationWithToken(db.prisma);
    const bot = await db.prisma.bot.create({ data: { organisationId: org.id, name: 'Twice' } });
    const draft = compiled(greetingGraph());
    const [a, b] = await Promise.all([
      publishVersion(db.prisma, { botId: bot.id, notes: null, ...draft }),
      publishVersion(db.prisma, { botId: bot.id, notes: null, ...draft }),
    ]);
    expect([a?.created, b?.created].sort()).toEqual([false, true]);
    expect(a?.version.id).toBe(b?.version.id);
  });
});
