import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { hashApiToken } from './api-tokens.ts';
import { organisationWithToken, startBotsApi, type TestBotsApi } from '../bots/test-support.ts';

const db = useMigratedDatabase();
let api: TestBotsApi;
let acme: { id: string; token: string };
beforeAll(async () => {
  api = await startBotsApi(db.prisma);
  acme = await organisationWithToken(db.prisma);
});
afterAll(() => api.close());

const list = (options: { token?: string | null; authorization?: string }) =>
  api.call<{ error: string }>('GET', '/api/bots', options);

describe('organisation API tokens', () => {
  it('answers 401 saying what is wrong when the token is missing, malformed, unknown or revoked', async () => {
    expect(await list({ token: null })).toEqual({
      status: 401,
      body: { error: 'send an organisation API token: Authorization: Bearer bf_…' },
    });
    expect((await list({ authorization: `Basic ${acme.token}` })).body.error).toMatch(/must read "Bearer bf_…"/);
    expect((await list({ token: 'ghp_123' })).body.error).toMatch(/not a BotFlow API token/);
    expect((await list({ token: 'bf_unknown' })).body.error).toMatch(/not known/);

    const revoked = await organisationWithToken(db.prisma);
    await db.prisma.apiToken.updateMany({ where: { organisationId: revoked.id }, data: { revokedAt: new Date() } });
    const answer = await list({ token: revoked.token });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatch(/revoked/);
  });

  it('lets a valid token in, keeps only its hash and notes when it was used', async () => {
    expect((await list({ token: acme.token })).status).toBe(200);
    const [row] = await db.prisma.apiToken.findMany({ where: { organisationId: acme.id } });
    expect(row?.tokenHash).toBe(hashApiToken(acme.token));
    expect(JSON.stringify(row)).not.toContain(acme.token);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("never shows one organisation another's bot: not found, not forbidden", async () => {
    const other = await organisationWithToken(db.prisma);
    const created = await api.call<{ bot: { id: string } }>('POST', '/api/bots', {
      token: other.token,
      body: { name: 'Private' },
    });
    const botId = created.body.bot.id;
    for (const [method, path] of [
      ['GET', `/api/bots/${botId}`],
      ['PUT', `/api/bots/${botId}/draft`],
      ['POST', `/api/bots/${botId}/versions`],
      ['GET', `/api/bots/${botId}/versions/1`],
    ] as const) {
      const body = method === 'PUT' ? { graph: { nodes: [], edges: [] } } : method === 'GET' ? undefined : {};
      const seen = await api.call<{ error: string }>(method, path, { token: acme.token, body });
      expect(seen, `${method} ${path}`).toEqual({
        status: 404,
        body: { error: `there is no bot "${botId}" in this organisation` },
      });
    }
    const listed = await api.call<{ bots: unknown[] }>('GET', '/api/bots', { token: acme.token });
    expect(listed.body.bots).toEqual([]);
  });
});
