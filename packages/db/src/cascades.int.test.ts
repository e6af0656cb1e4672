import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './client.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createKnowledgeBase } from './test-support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

let sequence = 0;

/** An organisation with a published bot, a channel bound to it, a contact and a conversation with two messages. */
async function seedOrganisation() {
  const n = ++sequence;
  const user = await prisma.user.create({ data: { email: `owner${n}@example.com` } });
  const organisation = await prisma.organisation.create({
    data: { name: `Org ${n}`, slug: `org-${n}`, memberships: { create: { userId: user.id, role: 'owner' } } },
  });
  const bot = await prisma.bot.create({ data: { organisationId: organisation.id, name: 'Support' } });
  const version = await prisma.botVersion.create({
    data: { botId: bot.id, version: 1, contentHash: '0'.repeat(64), definition: {}, publishedById: user.id },
  });
  await prisma.bot.update({ where: { id: bot.id }, data: { currentVersionId: version.id } });
  const secret = new Uint8Array([1, 2, 3]);
  const channel = await prisma.whatsappChannel.create({
    data: {
      organisationId: organisation.id,
      phoneNumberId: `pn-${n}`,
      wabaId: `waba-${n}`,
      displayPhoneNumber: '+351 900 000 000',
      accessTokenCiphertext: secret,
      appSecretCiphertext: secret,
      verifyTokenCiphertext: secret,
      boundBotId: bot.id,
    },
  });
  const contact = await prisma.contact.create({ data: { organisationId: organisation.id, waId: `35191${n}` } });
  const conversation = await prisma.conversation.create({
    data: {
      workflowId: `conv:pn-${n}:35191${n}`,
      runId: `run-${n}`,
      channelId: channel.id,
      contactId: contact.id,
      botId: bot.id,
      botVersionId: version.id,
      messages: {
        create: [
          { direction: 'in', wamid: `wamid.in.${n}`, type: 'text', payload: { body: 'hi' } },
          { direction: 'out', idempotencyKey: `out-${n}`, type: 'text', payload: { body: 'hello' }, status: 'pending' },
        ],
      },
    },
  });
  return { user, organisation, bot, version, channel, contact, conversation };
}

describe('deleting', () => {
  it('a contact erases their conversations and messages (a data-erasure request)', async () => {
    const { contact, conversation, bot } = await seedOrganisation();
    await prisma.contact.delete({ where: { id: contact.id } });

    expect(await prisma.conversation.count({ where: { id: conversation.id } })).toBe(0);
    expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
    expect(await prisma.bot.count({ where: { id: bot.id } })).toBe(1);
  });

  it('a bot removes its versions but keeps conversations as history', async () => {
    const { bot, channel, conversation } = await seedOrganisation();
    await prisma.bot.delete({ where: { id: bot.id } });

    expect(await prisma.botVersion.count({ where: { botId: bot.id } })).toBe(0);
    expect(await prisma.conversation.findUnique({ where: { id: conversation.id } })).toMatchObject({
      botId: null,
      botVersionId: null,
    });
    expect(await prisma.whatsappChannel.findUnique({ where: { id: channel.id } })).toMatchObject({ boundBotId: null });
  });

  it('the current version of a bot on its own is refused', async () => {
    const { version } = await seedOrganisation();
    await expect(prisma.botVersion.delete({ where: { id: version.id } })).rejects.toMatchObject({ code: 'P2003' });
  });

  it('a user keeps the versions they published, unattributed', async () => {
    const { user, version } = await seedOrganisation();
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.botVersion.findUnique({ where: { id: version.id } })).toMatchObject({ publishedById: null });
  });

  it('an organisation removes everything it owns', async () => {
    const { organisation, conversation } = await seedOrganisation();
    const { organisation: other, document } = await createKnowledgeBase(prisma);
    await prisma.chunk.create({
      data: {
        documentId: document.id,
        knowledgeBaseId: document.knowledgeBaseId,
        position: 0,
        content: 'x',
        tokenCount: 1,
      },
    });

    await prisma.organisation.delete({ where: { id: organisation.id } });
    await prisma.organisation.delete({ where: { id: other.id } });

    expect(await prisma.conversation.count({ where: { id: conversation.id } })).toBe(0);
    expect(await prisma.chunk.count({ where: { documentId: document.id } })).toBe(0);
    expect(await prisma.membership.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});

describe('integrity', () => {
  it("refuses a chunk whose knowledge base is not its document's", async () => {
    const { document } = await createKnowledgeBase(prisma);
    const { knowledgeBase: otherBase } = await createKnowledgeBase(prisma);
    const misfiled = prisma.chunk.create({
      data: { documentId: document.id, knowledgeBaseId: otherBase.id, position: 0, content: 'x', tokenCount: 1 },
    });
    await expect(misfiled).rejects.toMatchObject({ code: 'P2003' });
  });

  it('refuses a contact with neither a wa_id nor a business-scoped user id', async () => {
    const { organisation } = await seedOrganisation();
    await expect(prisma.contact.create({ data: { organisationId: organisation.id } })).rejects.toThrow(
      /contacts_identity_check/,
    );
  });

  it('refuses a second outbound message with the same idempotency key', async () => {
    const { conversation } = await seedOrganisation();
    const again = prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: 'out',
        idempotencyKey: `out-${sequence}`,
        type: 'text',
        payload: {},
      },
    });
    await expect(again).rejects.toMatchObject({ code: 'P2002' });
  });
});
