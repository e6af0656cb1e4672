import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { DEMO_BOT, DEMO_KNOWLEDGE_BASE_ID, type BotDefinition } from '@botflow/graph';
import { compileGraph } from '@botflow/graph/catalogue';
import { secretBoxFromConfig } from '@botflow/secrets';
import { hashApiToken } from '../auth/api-tokens.ts';
import { publishVersion } from '../bots/publish-version.ts';
import { greetingGraph } from '../bots/test-support.ts';
import { DEMO_TOKEN_NAME, demoApiToken, seedDemo, seedDemoApiToken, seedDemoKnowledge } from './seed-demo.ts';

const db = useMigratedDatabase();
const secrets = secretBoxFromConfig(`test:${randomBytes(32).toString('base64')}`);
let seeds = 0;

function demoIds() {
  seeds += 1;
  return { organisationId: `org_seed_${seeds}`, botId: `bot_seed_${seeds}` };
}

const seed = (ids: { organisationId: string; botId: string }, definition: BotDefinition = DEMO_BOT) =>
  seedDemo(
    db.prisma,
    secrets,
    {
      phoneNumberId: `10000000000${seeds}`,
      wabaId: 'waba',
      displayPhoneNumber: '+15550000001',
      accessToken: 'token',
      appSecret: 'secret',
      verifyToken: 'verify',
    },
    ids,
    definition,
  );

describe('the demo seed', () => {
  it('gives the demo bot its knowledge base and handbook once, to ingest until it is ready', async () => {
    const ids = demoIds();
    await seed(ids);
    const handbook = await seedDemoKnowledge(db.prisma, ids.organisationId);
    expect(handbook).not.toBeNull();
    expect(await seedDemoKnowledge(db.prisma, ids.organisationId)).toBe(handbook);
    expect(await db.prisma.document.count({ where: { knowledgeBaseId: DEMO_KNOWLEDGE_BASE_ID } })).toBe(1);
    await db.prisma.document.update({ where: { id: handbook! }, data: { status: 'ready' } });
    expect(await seedDemoKnowledge(db.prisma, ids.organisationId)).toBeNull();
    const answer = DEMO_BOT.nodes.answer_question;
    expect(answer?.options).toMatchObject({ knowledgeBaseId: DEMO_KNOWLEDGE_BASE_ID });
  });

  it('publishes the demo once, keeps what the owner published since, and publishes a changed demo', async () => {
    const ids = demoIds();
    expect(await seed(ids)).toEqual({ botId: ids.botId, version: 1 });
    expect(await seed(ids)).toEqual({ botId: ids.botId, version: 1 });

    const compiled = compileGraph(greetingGraph());
    if (!compiled.ok) throw new Error('test graph does not compile');
    await publishVersion(db.prisma, {
      botId: ids.botId,
      definition: compiled.definition,
      graph: greetingGraph(),
      notes: null,
    });
    expect(await seed(ids)).toEqual({ botId: ids.botId, version: 2 });

    const changedDemo = { ...DEMO_BOT, settings: { sessionTimeoutSeconds: 3600 } };
    expect(await seed(ids, changedDemo)).toEqual({ botId: ids.botId, version: 3 });
  });

  it('gives the demo organisation one API token per secrets key, and revokes the previous key’s', async () => {
    const ids = demoIds();
    await seed(ids);
    const token = demoApiToken('local:first-key', ids.organisationId);
    expect(demoApiToken('local:first-key', ids.organisationId)).toBe(token);
    expect(await seedDemoApiToken(db.prisma, token, ids.organisationId)).toEqual({ revoked: false });
    expect(await seedDemoApiToken(db.prisma, token, ids.organisationId)).toEqual({ revoked: false });

    const next = demoApiToken('local:second-key', ids.organisationId);
    await seedDemoApiToken(db.prisma, next, ids.organisationId);
    const rows = await db.prisma.apiToken.findMany({ where: { organisationId: ids.organisationId } });
    expect(rows.map((r) => [r.name, r.tokenHash, r.revokedAt !== null]).sort()).toEqual(
      [
        [DEMO_TOKEN_NAME, hashApiToken(token), true],
        [DEMO_TOKEN_NAME, hashApiToken(next), false],
      ].sort(),
    );
    expect(await seedDemoApiToken(db.prisma, token, ids.organisationId)).toEqual({ revoked: true });
    const still = await db.prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(next) } });
    expect(still.revokedAt).toBeNull();
  });
});
