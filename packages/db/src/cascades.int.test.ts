import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from './test-support/fixtures.ts';
import { useMigratedDatabase } from './test-support/use-migrated-database.ts';

const testDb = useMigratedDatabase();

let sequence = 0;

/** An organisation with a published bot, a channel bound to it, a contact and a conversation with two messages. */
async function seedOrganisation() {
  const n = ++sequence;
  const user = await testDb.prisma.user.create({ data: { email: `owner${n}@example.com` } });
  const organisation = await testDb.prisma.organisation.create({
    data: { name: `Org ${n}`, slug: `org-${n}`, memberships: { create: { userId: user.id, role: 'owner' } } },
  });
  const bot = await testDb.prisma.bot.create({ data: { organisationId: organisation.id, name: 'Support' } });
  const version = await testDb.prisma.botVersion.create({
    data: { botId: bot.id, version: 1, contentHash: '0'.repeat(64), definition: {}, publishedById: user.id },
  });
  await testDb.prisma.bot.update({ where: { id: bot.id }, data: { currentVersionId: version.id } });
  const secret = new Uint8Array([1, 2, 3]);
  const channel = await testDb.prisma.whatsappChannel.create({
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
  const contact = await testDb.prisma.contact.create({ data: { organisationId: organisation.id, waId: `35191${n}` } });
  const conversation = await testDb.prisma.conversation.create({
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
    await testDb.prisma.contact.delete({ where: { id: contact.id } });

    expect(await testDb.prisma.conversation.count({ where: { id: conversation.id } })).toBe(0);
    expect(await testDb.prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
    expect(await testDb.prisma.bot.count({ where: { id: bot.id } })).toBe(1);
  });

  it('a bot removes its versions but keeps conversations as history', async () => {
    const { bot, channel, conversation } = await seedOrganisation();
    await testDb.prisma.bot.delete({ where: { id: bot.id } });

    expect(await testDb.prisma.botVersion.count({ where: { botId: bot.id } })).toBe(0);
    expect(await testDb.prisma.conversation.findUnique({ where: { id: conversation.id } })).toMatchObject({
      botId: null,
      botVersionId: null,
    });
    expect(await testDb.prisma.whatsappChannel.findUnique({ where: { id: channel.id } })).toMatchObject({
      boundBotId: null,
    });
  });

  it('the current version of a bot on its own is refused', async () => {
    const { version } = await seedOrganisation();
    await expect(testDb.prisma.botVersion.delete({ where: { id: version.id } })).rejects.toMatchObject({
      code: 'P2003',
    });
  });

  it('a user keeps the versions they published, unattributed', async () => {
    const { user, version } = await seedOrganisation();
    await testDb.prisma.user.delete({ where: { id: user.id } });
    expect(await testDb.prisma.botVersion.findUnique({ where: { id: version.id } })).toMatchObject({
      publishedById: null,
    });
  });

  it('an organisation removes everything it owns', async () => {
    const { organisation, conversation } = await seedOrganisation();
    const { organisation: other, document } = await createKnowledgeBase(testDb.prisma);
    await testDb.prisma.chunk.create({
      data: {
        documentId: document.id,
        knowledgeBaseId: document.knowledgeBaseId,
        position: 0,
        content: 'x',
        tokenCount: 1,
      },
    });

    await testDb.prisma.organisation.delete({ where: { id: organisation.id } });
    await testDb.prisma.organisation.delete({ where: { id: other.id } });

    expect(await testDb.prisma.conversation.count({ where: { id: conversation.id } })).toBe(0);
    expect(await testDb.prisma.chunk.count({ where: { documentId: document.id } })).toBe(0);
    expect(await testDb.prisma.membership.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});

describe('integrity', () => {
  it("refuses a chunk whose knowledge base is not its document's", async () => {
    const { document } = await createKnowledgeBase(testDb.prisma);
    const { knowledgeBase: otherBase } = await createKnowledgeBase(testDb.prisma);
    const misfiled = testDb.prisma.chunk.create({
      data: { documentId: document.id, knowledgeBaseId: otherBase.id, position: 0, content: 'x', tokenCount: 1 },
    });
    await expect(misfiled).rejects.toMatchObject({ code: 'P2003' });
  });

  it('refuses a contact with neither a wa_id nor a business-scoped user id', async () => {
    const { organisation } = await seedOrganisation();
    await expect(testDb.prisma.contact.create({ data: { organisationId: organisation.id } })).rejects.toThrow(
      /contacts_identity_check/,
    );
  });

  it('refuses a second outbound message with the same idempotency key', async () => {
    const { conversation } = await seedOrganisation();
    const again = testDb.prisma.message.create({
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
