import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { Prisma, type PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';
import { HttpError } from '@botflow/service-kit';
import { organisationOf, requireOrganisation } from '../auth/require-organisation.ts';
import { findBot } from '../bots/bot-store.ts';
import { parseBody } from '../bots/request-input.ts';
import { bindBotBody, createChannelBody, updateChannelBody } from './channel-input.ts';
import { alreadyConnected, channelView, findChannel, listChannels, sealerFor } from './channel-store.ts';

export interface ChannelsApiDeps {
  db: PrismaClient;
  /** Seals the channels' access tokens, app secrets and verify tokens; the worker opens them with the same keys. */
  secrets: SecretBox;
}

/** `/api/channels…`: the organisation's WhatsApp numbers, their secrets (write-only), bound bot and health. */
export function channelsRoutes({ db, secrets }: ChannelsApiDeps): Router {
  const router = Router();
  router.use('/api/channels', requireOrganisation(db), express.json({ limit: '64kb' }));

  router.get('/api/channels', async (_req, res) => {
    const channels = await listChannels(db, organisationOf(res));
    res.json({ channels: channels.map((c) => channelView(c, secrets)) });
  });

  router.post('/api/channels', async (req, res) => {
    const { botId, accessToken, appSecret, verifyToken, ...number } = parseBody(createChannelBody, req.body);
    const organisationId = organisationOf(res);
    if (botId) await findBot(db, organisationId, botId);
    const id = `ch_${randomUUID()}`;
    const seal = sealerFor(secrets, id);
    try {
      await db.whatsappChannel.create({
        data: {
          id,
          organisationId,
          ...number,
          boundBotId: botId ?? null,
          accessTokenCiphertext: seal(accessToken),
          appSecretCiphertext: seal(appSecret),
          verifyTokenCiphertext: seal(verifyToken),
        },
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw await alreadyConnected(db, organisationId, number.phoneNumberId);
      }
      throw err;
    }
    res.status(201).json({ channel: channelView(await findChannel(db, organisationId, id), secrets) });
  });

  router.get('/api/channels/:channelId', async (req, res) => {
    res.json({ channel: channelView(await findChannel(db, organisationOf(res), req.params.channelId), secrets) });
  });

  /** A new access token clears an unhealthy mark: the next send tells whether the number works again. */
  router.patch('/api/channels/:channelId', async (req, res) => {
    const { accessToken, appSecret, verifyToken, wabaId, displayPhoneNumber } = parseBody(updateChannelBody, req.body);
    const channel = await findChannel(db, organisationOf(res), req.params.channelId);
    const seal = sealerFor(secrets, channel.id);
    await db.whatsappChannel.update({
      where: { id: channel.id },
      data: {
        ...(wabaId === undefined ? {} : { wabaId }),
        ...(displayPhoneNumber === undefined ? {} : { displayPhoneNumber }),
        ...(accessToken === undefined
          ? {}
          : { accessTokenCiphertext: seal(accessToken), health: 'healthy', healthReason: null }),
        ...(appSecret === undefined ? {} : { appSecretCiphertext: seal(appSecret) }),
        ...(verifyToken === undefined ? {} : { verifyTokenCiphertext: seal(verifyToken) }),
      },
    });
    res.json({ channel: channelView(await findChannel(db, organisationOf(res), channel.id), secrets) });
  });

  router.put('/api/channels/:channelId/bot', async (req, res) => {
    const { botId } = parseBody(bindBotBody, req.body);
    const organisationId = organisationOf(res);
    const channel = await findChannel(db, organisationId, req.params.channelId);
    if (botId !== null) await findBot(db, organisationId, botId);
    await db.whatsappChannel.update({ where: { id: channel.id }, data: { boundBotId: botId } });
    res.json({ channel: channelView(await findChannel(db, organisationId, channel.id), secrets) });
  });

  /** Conversations belong to their channel: deleting one that has any takes `?deleteConversations=true`. */
  router.delete('/api/channels/:channelId', async (req, res) => {
    const channel = await findChannel(db, organisationOf(res), req.params.channelId);
    const withConversations = req.query['deleteConversations'] === 'true';
    // One statement, so a conversation opened meanwhile is never deleted without that consent.
    const deleted = await db.$executeRaw`
      DELETE FROM whatsapp_channels c WHERE c.id = ${channel.id}
        AND (${withConversations} OR NOT EXISTS (SELECT 1 FROM conversations WHERE channel_id = c.id))`;
    if (deleted === 0) {
      const conversations = await db.conversation.count({ where: { channelId: channel.id } });
      if (conversations === 0) throw new HttpError(404, `there is no channel "${channel.id}" in this organisation`);
      throw new HttpError(
        409,
        `channel ${channel.id} has ${conversations} conversation(s), which would be deleted with it: ` +
          'repeat with ?deleteConversations=true, or unbind its bot (PUT …/bot {"botId": null}) to stop answering ' +
          'and keep the history',
      );
    }
    res.status(204).end();
  });

  return router;
}
