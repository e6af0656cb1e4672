import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestionWorkflowId } from '@botflow/contracts';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { EmbeddingModels, embeddingsConfigFromEnv } from '@botflow/embeddings';
import { closeServer, createLogger, listen } from '@botflow/service-kit';
import { createApiApp } from '../app.ts';
import { organisationWithToken } from '../bots/test-support.ts';
import { knowledgeApiRoutes } from './knowledge-api.ts';
import type { KnowledgeApiBody } from './test-support.ts';

// The API on its own: no worker takes the ingestion task queue, so documents stay queued (the end-to-end test in
// tests/e2e/knowledge ingests them). Here: input checks, idempotency, isolation and deletion.
const FIXTURES = join(import.meta.dirname, '../../../../packages/knowledge/src/ingest/fixtures');
const db = useMigratedDatabase();
const taskQueue = `knowledge-api-${randomBytes(4).toString('hex')}`;
let server: Server;
let base: string;
let connection: Connection;
let temporal: Client;
let mine: { id: string; token: string };
let theirs: { id: string; token: string };

beforeAll(async () => {
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const app = createApiApp({
    log: createLogger('test', 'silent'),
    healthChecks: [],
    routes: [
      knowledgeApiRoutes({
        db: db.prisma,
        temporal,
        models: new EmbeddingModels(embeddingsConfigFromEnv({})),
        maxDocumentBytes: 64 * 1024,
        ingestionTaskQueue: taskQueue,
      }),
    ],
  });
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mine = await organisationWithToken(db.prisma);
  theirs = await organisationWithToken(db.prisma);
});
afterAll(async () => {
  await closeServer(server);
  await connection.close();
});

async function call(
  method: string,
  path: string,
  options: { json?: unknown; bytes?: Uint8Array; contentType?: string; token?: string } = {},
): Promise<{ status: number; body: KnowledgeApiBody }> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? mine.token}` };
  let body: RequestInit['body'];
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes) {
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
    body = options.bytes;
  }
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: res.status, body: (res.status === 204 ? {} : await res.json()) as KnowledgeApiBody };
}

async function newKnowledgeBase(name = `Handbook ${randomBytes(3).toString('hex')}`): Promise<string> {
  const { status, body } = await call('POST', '/api/knowledge-bases', { json: { name } });
  expect(status).toBe(201);
  return body.knowledgeBase.id;
}

describe('knowledge bases', () => {
  it('are created with the default local model, listed with document counts, and named once', async () => {
    const { status, body } = await call('POST', '/api/knowledge-bases', { json: { name: 'Menu' } });
    expect(status).toBe(201);
    expect(body.knowledgeBase).toMatchObject({
      name: 'Menu',
      embeddingModel: 'all-MiniLM-L6-v2',
      dimension: 384,
      answerThreshold: 0.35,
      documents: { total: 0 },
    });
    const again = await call('POST', '/api/knowledge-bases', { json: { name: 'Menu' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already exists: choose another name/);
    const list = await call('GET', '/api/knowledge-bases');
    expect(list.body.knowledgeBases.map((kb) => kb.name)).toContain('Menu');
  });

  it('refuse an unknown embedding model or crossed thresholds, saying what to use', async () => {
    const model = await call('POST', '/api/knowledge-bases', { json: { name: 'X', embeddingModel: 'gpt-embed' } });
    expect(model.status).toBe(400);
    expect(model.body.error).toMatch(/"gpt-embed" is not available on this server; choose one of all-MiniLM-L6-v2/);
    const crossed = await call('POST', '/api/knowledge-bases', {
      json: { name: 'Y', answerThreshold: 0.7, confidentThreshold: 0.5 },
    });
    expect(crossed.status).toBe(400);
    expect(crossed.body.error).toMatch(/confidentThreshold \(0.5\) must be at least answerThreshold \(0.7\)/);
  });

  it('refuse a new name another knowledge base has, on create and on rename', async () => {
    await newKnowledgeBase('Prices');
    const id = await newKnowledgeBase('Prices 2');
    const renamed = await call('PATCH', `/api/knowledge-bases/${id}`, { json: { name: 'Prices' } });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error).toMatch(/"Prices" already exists/);
  });

  it('cannot be searched here when they use a model this server does not offer (503, naming it)', async () => {
    const elsewhere = await db.prisma.knowledgeBase.create({
      data: { organisationId: mine.id, name: 'Remote', embeddingModel: 'nomic-embed-text', dimension: 768 },
    });
    const search = await call('POST', `/api/knowledge-bases/${elsewhere.id}/search`, { json: { query: 'hours' } });
    expect(search.status).toBe(503);
    expect(search.body.error).toMatch(/'nomic-embed-text' is not available here/);
  });

  it('are invisible to other organisations on every route', async () => {
    const id = await newKnowledgeBase();
    const token = theirs.token;
    expect((await call('GET', `/api/knowledge-bases/${id}`, { token })).status).toBe(404);
    expect((await call('GET', `/api/knowledge-bases/${id}/documents`, { token })).status).toBe(404);
    expect((await call('POST', `/api/knowledge-bases/${id}/search`, { json: { query: 'hours' }, token })).status).toBe(
      404,
    );
    const upload = await call('POST', `/api/knowledge-bases/${id}/documents?filename=a.txt`, {
      bytes: new TextEncoder().encode('Opening hours: nine to five.'),
      token,
    });
    expect(upload.status).toBe(404);
    expect((await call('DELETE', `/api/knowledge-bases/${id}`, { token })).status).toBe(404);
    expect((await call('GET', '/api/knowledge-bases', { token })).body.knowledgeBases).toEqual([]);
  });
});

describe('documents', () => {
  it('are stored once per content and queued for ingestion under ingest:<document-id>', async () => {
    const id = await newKnowledgeBase();
    const bytes = await readFile(join(FIXTURES, 'handbook.md'));
    const path = `/api/knowledge-bases/${id}/documents?filename=handbook.md&tags=bakery,hours`;
    const first = await call('POST', path, { bytes, contentType: 'text/markdown' });
    expect(first.status).toBe(201);
    expect(first.body.document).toMatchObject({
      source: 'upload',
      filename: 'handbook.md',
      tags: ['bakery', 'hours'],
      status: 'pending',
      stage: 'queued',
      progress: 0,
      sizeBytes: bytes.byteLength,
    });
    const again = await Promise.all([1, 2, 3].map(() => call('POST', path, { bytes, contentType: 'text/markdown' })));
    expect(again.map((a) => [a.status, a.body.document.id])).toEqual(Array(3).fill([200, first.body.document.id]));
    const workflow = await temporal.workflow.getHandle(ingestionWorkflowId(first.body.document.id)).describe();
    expect(workflow.taskQueue).toBe(taskQueue);
    await temporal.workflow.getHandle(ingestionWorkflowId(first.body.document.id)).terminate('test over');
  });

  it('refuse unsupported, empty and oversized files with the reason and what to do', async () => {
    const id = await newKnowledgeBase();
    const zip = new Uint8Array(44);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    const unsupported = await call('POST', `/api/knowledge-bases/${id}/documents?filename=rooms.xlsx`, { bytes: zip });
    expect(unsupported.status).toBe(415);
    expect(unsupported.body.error).toMatch(/upload PDF, DOCX, TXT, Markdown, HTML or CSV/);
    const empty = await call('POST', `/api/knowledge-bases/${id}/documents?filename=a.txt`, {
      bytes: new Uint8Array(),
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/body is empty: send the file itself/);
    const big = await call('POST', `/api/knowledge-bases/${id}/documents?filename=a.txt`, {
      bytes: new Uint8Array(65 * 1024).fill(65),
      contentType: 'text/plain',
    });
    expect(big.status).toBe(413);
    const badUrl = await call('POST', `/api/knowledge-bases/${id}/documents`, { json: { url: 'ftp://example.com/a' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error).toMatch(/url: give a full http:\/\/ or https:\/\/ address/);
    const badName = await fetch(`${base}/api/knowledge-bases/${id}/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${mine.token}`,
        'content-type': 'text/plain',
        'content-disposition': "attachment; filename*=UTF-8''menu%E0%A4.txt",
      },
      body: 'Soup of the day',
    });
    expect(badName.status).toBe(400);
    expect((await call('GET', `/api/knowledge-bases/${id}/documents`)).body.documents).toEqual([]);
  });

  it('are ingested again on retry: failed ones and unfinished ones, never finished ones', async () => {
    const id = await newKnowledgeBase();
    const added = await call('POST', `/api/knowledge-bases/${id}/documents?filename=a.txt`, {
      bytes: new TextEncoder().encode('Opening hours: nine to five.'),
      contentType: 'text/plain',
    });
    const documentId = added.body.document.id;
    const retry = () => call('POST', `/api/knowledge-bases/${id}/documents/${documentId}/retry`);
    const handle = temporal.workflow.getHandle(ingestionWorkflowId(documentId));
    const firstRun = (await handle.describe()).runId;
    expect((await retry()).status).toBe(202);
    expect((await handle.describe()).runId).not.toBe(firstRun);
    await db.prisma.document.update({ where: { id: documentId }, data: { status: 'failed', error: 'site down' } });
    const failed = await retry();
    expect(failed.status).toBe(202);
    expect(failed.body.document).toMatchObject({ status: 'pending', error: null });
    await db.prisma.document.update({ where: { id: documentId }, data: { status: 'ready', stage: 'finished' } });
    expect((await retry()).status).toBe(409);
    await handle.terminate('test over');
  });

  it('are deleted with their chunks and their ingestion stopped', async () => {
    const id = await newKnowledgeBase();
    const added = await call('POST', `/api/knowledge-bases/${id}/documents`, {
      json: { url: 'https://example.com/menu.html' },
    });
    expect(added.status).toBe(201);
    const documentId = added.body.document.id;
    expect(added.body.document).toMatchObject({ source: 'url', url: 'https://example.com/menu.html' });
    await db.prisma.chunk.create({
      data: { documentId, knowledgeBaseId: id, position: 0, content: 'Soup of the day', tokenCount: 4 },
    });
    expect((await call('DELETE', `/api/knowledge-bases/${id}/documents/${documentId}`)).status).toBe(204);
    expect(await db.prisma.chunk.count({ where: { documentId } })).toBe(0);
    const workflow = await temporal.workflow.getHandle(ingestionWorkflowId(documentId)).describe();
    expect(workflow.status.name).toBe('TERMINATED');
    expect((await call('GET', `/api/knowledge-bases/${id}/documents/${documentId}`)).status).toBe(404);
  });
});

describe('the quality loop', () => {
  it("lists a bot's unanswered questions, most asked first, and resolves them with an answer document", async () => {
    const id = await newKnowledgeBase();
    const bot = await db.prisma.bot.create({ data: { organisationId: mine.id, name: 'Bakery' } });
    const asked = (question: string, timesAsked: number, kind: 'unanswered' | 'low_confidence' = 'unanswered') =>
      db.prisma.unansweredQuestion.create({
        data: {
          organisationId: mine.id,
          botId: bot.id,
          knowledgeBaseId: id,
          question,
          questionKey: question.toLowerCase().replace(/[^a-z ]/g, ''),
          kind,
          timesAsked,
          bestSimilarity: 0.2,
        },
      });
    const parking = await asked('Is there parking?', 3);
    await asked('Do you bake vegan cakes?', 5, 'low_confidence');

    const list = await call('GET', `/api/bots/${bot.id}/unanswered`);
    expect(list.body.questions.map((q) => [q.question, q.timesAsked, q.kind])).toEqual([
      ['Do you bake vegan cakes?', 5, 'low_confidence'],
      ['Is there parking?', 3, 'unanswered'],
    ]);
    expect((await call('GET', `/api/bots/${bot.id}/unanswered`, { token: theirs.token })).status).toBe(404);

    const both = await call('POST', `/api/knowledge-bases/${id}/answers`, {
      json: { question: 'Parking?', answer: 'Yes.', unansweredId: parking.id },
    });
    expect(both.status).toBe(400);
    const answer = await call('POST', `/api/knowledge-bases/${id}/answers`, {
      json: {
        answer: 'Yes, free parking behind the shop.',
        unansweredId: parking.id,
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      created: true,
      resolved: 1,
      document: { source: 'answer', title: 'Is there parking?' },
    });
    const open = await call('GET', `/api/bots/${bot.id}/unanswered`);
    expect(open.body.questions.map((q) => q.question)).toEqual(['Do you bake vegan cakes?']);
    const all = await call('GET', `/api/bots/${bot.id}/unanswered?includeResolved=true`);
    expect(all.body.questions.find((q) => q.id === parking.id)).toMatchObject({
      answerDocumentId: answer.body.document.id,
    });
    await temporal.workflow.getHandle(ingestionWorkflowId(answer.body.document.id)).terminate('test over');
  });
});
