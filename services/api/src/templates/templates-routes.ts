import express, { Router } from 'express';
import type { PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';
import { HttpError } from '@botflow/service-kit';
import { templateCreateRequest, TemplatesClient, type MessageTemplate } from '@botflow/whatsapp';
import { organisationOf, requireOrganisation } from '../auth/require-organisation.ts';
import { parseBody } from '../bots/request-input.ts';
import { channelCredentials } from './channel-credentials.ts';
import { fromMeta } from './meta-errors.ts';

export interface TemplatesApiDeps {
  db: PrismaClient;
  /** Opens the channels' access tokens. */
  secrets: SecretBox;
  /** Meta's Graph API (or the emulator). */
  graph: { baseUrl: string; version: string; timeoutMs?: number };
}

const PATH = '/api/channels/:channelId/templates';

/**
 * `/api/channels/:channelId/templates…`: the message templates of the channel's WhatsApp Business Account, read
 * from and submitted to Meta (Meta keeps them and reviews them; nothing is stored here).
 */
export function templatesRoutes({ db, secrets, graph }: TemplatesApiDeps): Router {
  const client = new TemplatesClient(graph);
  const router = Router();
  router.use(PATH, requireOrganisation(db), express.json({ limit: '64kb' }));
  const credentials = (res: express.Response, channelId: string) =>
    channelCredentials(db, secrets, organisationOf(res), channelId);

  router.get(PATH, async (req, res) => {
    const { wabaId, accessToken } = await credentials(res, req.params.channelId);
    const templates = await client.list(wabaId, accessToken).catch(rethrowFromMeta);
    res.json({ templates: templates.map(templateView) });
  });

  router.post(PATH, async (req, res) => {
    const template = parseBody(templateCreateRequest, req.body);
    const { wabaId, accessToken } = await credentials(res, req.params.channelId);
    const existing = await client.byName(wabaId, accessToken, template.name).catch(rethrowFromMeta);
    const same = existing.find((t) => t.language === template.language);
    if (same)
      throw new HttpError(
        409,
        `there is a template "${template.name}" in ${template.language} already (${same.status}): choose another name, or another language`,
      );
    const created = await client.create(wabaId, accessToken, template).catch(rethrowFromMeta);
    res.status(201).json({ template: templateView({ ...template, ...created }) });
  });

  router.get(`${PATH}/:name`, async (req, res) => {
    const { name } = req.params;
    if (!/^[a-z0-9_]+$/.test(name))
      throw new HttpError(400, `"${name}" is not a template name: those hold lower-case letters, digits and _`);
    const language = typeof req.query.language === 'string' ? req.query.language : undefined;
    const { wabaId, accessToken } = await credentials(res, req.params.channelId);
    const found = (await client.byName(wabaId, accessToken, name).catch(rethrowFromMeta)).filter(
      (t) => language === undefined || t.language === language,
    );
    if (found.length === 0)
      throw new HttpError(
        404,
        `this channel's business account has no template "${name}"${language ? ` in ${language}` : ''}`,
      );
    res.json({ templates: found.map(templateView) });
  });
  return router;
}

function rethrowFromMeta(err: unknown): never {
  throw fromMeta(err);
}

function templateView(t: MessageTemplate) {
  return {
    id: t.id,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    ...(t.status === 'REJECTED' && t.rejected_reason ? { rejectedReason: t.rejected_reason } : {}),
    components: t.components,
  };
}
