import { describe, expect, it } from 'vitest';
import { Prisma } from './generated/prisma/client.ts';
import { useMigratedDatabase } from './test-support/use-migrated-database.ts';

const testDb = useMigratedDatabase();

describe('createPrismaClient', () => {
  it('creates an organisation with a bot and reads them back', async () => {
    const graph = { nodes: [{ id: 'start', type: 'message', text: 'Olá!' }], edges: [] };
    const created = await testDb.prisma.organisation.create({
      data: { name: 'Acme', slug: 'acme', bots: { create: { name: 'Support', draftGraph: graph } } },
    });

    const read = await testDb.prisma.organisation.findUniqueOrThrow({
      where: { slug: 'acme' },
      include: { bots: true },
    });

    expect(read).toMatchObject({ id: created.id, name: 'Acme' });
    expect(read.bots).toEqual([
      expect.objectContaining({
        name: 'Support',
        draftGraph: graph,
        currentVersionId: null,
        organisationId: created.id,
      }),
    ]);
    expect(read.createdAt).toBeInstanceOf(Date);
  });

  it('publishes a version and points the bot at it', async () => {
    const organisation = await testDb.prisma.organisation.create({ data: { name: 'Beta', slug: 'beta' } });
    const bot = await testDb.prisma.bot.create({ data: { organisationId: organisation.id, name: 'Sales' } });
    const version = await testDb.prisma.botVersion.create({
      data: { botId: bot.id, version: 1, contentHash: 'f'.repeat(64), definition: { nodes: [] } },
    });
    await testDb.prisma.bot.update({ where: { id: bot.id }, data: { currentVersionId: version.id } });

    const read = await testDb.prisma.bot.findUniqueOrThrow({
      where: { id: bot.id },
      include: { currentVersion: true },
    });
    expect(read.currentVersion).toMatchObject({ version: 1, publishedById: null });

    const duplicate = testDb.prisma.botVersion.create({
      data: { botId: bot.id, version: 1, contentHash: 'e'.repeat(64), definition: {} },
    });
    await expect(duplicate).rejects.toMatchObject({ code: 'P2002' });
  });

  it('stores outbox events with a time-ordered uuid and the exact payload bytes', async () => {
    const payload = new TextEncoder().encode('{"type":"message.received"}');
    const first = await testDb.prisma.eventOutbox.create({
      data: { topic: 'botflow.events.v1', key: 'conv-1', type: 'message.received', schemaVersion: 1, payload },
    });
    const second = await testDb.prisma.eventOutbox.create({
      data: { topic: 'botflow.events.v1', key: 'conv-1', type: 'message.sent', schemaVersion: 1, payload },
    });

    expect([first.id, second.id]).toEqual([expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/), expect.any(String)]);
    const unpublished = await testDb.prisma.eventOutbox.findMany({
      where: { publishedAt: null },
      orderBy: { createdAt: 'asc' },
    });
    expect(unpublished.map((event) => Buffer.from(event.payload).toString())).toEqual([
      '{"type":"message.received"}',
      '{"type":"message.received"}',
    ]);
    expect(unpublished[0]?.attempts).toBe(0);
  });

  it('maps a database constraint violation to a known Prisma error', async () => {
    const error = await testDb.prisma.organisation
      .create({ data: { name: 'Again', slug: 'acme' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  });
});
