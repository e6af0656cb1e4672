import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeServer } from '@botflow/service-kit';
import type { DocumentBody, KnowledgeApiBody } from '../../services/api/src/knowledge/test-support.ts';
import { askBot, createKnowledgeBase, greet, questionBot } from './knowledge-bot.ts';
import { eventually, useProduct } from './product.ts';

// An owner's whole knowledge-base journey on the real stack: every file type and a URL ingested by the worker's
// workflow with the real local model, the retrieval test, cited answers on WhatsApp (emulator), unanswered questions
// and their fix, deletion, a crash mid-ingestion, and a switch of embedding model.

const KNOWLEDGE_BASE_ID = 'kb_e2e_bakery';
const FIXTURES = join(import.meta.dirname, '../../packages/knowledge/src/ingest/fixtures');
const PROMPT = 'What would you like to know?';
const DONT_KNOW = 'Sorry, I don’t know that yet. I have noted your question for the team.';

let site: Server | undefined;
const SITE_PAGE = `<!doctype html><html><head><title>Gluten-free corner</title></head><body>
<nav><a href="/">Home</a></nav><main><h1>Gluten-free corner</h1>
<p>Our gluten-free bread is baked every Thursday in a separate oven and sold out by noon.</p></main></body></html>`;

const product = useProduct(async () => {
  site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(SITE_PAGE));
  await new Promise<void>((resolve) => site!.listen(0, '127.0.0.1', resolve));
  return { definition: questionBot(KNOWLEDGE_BASE_ID, PROMPT, DONT_KNOW) };
});
afterAll(() => (site ? closeServer(site) : undefined));

async function api(method: string, path: string, body?: { json?: unknown; bytes?: Uint8Array; type?: string }) {
  const headers: Record<string, string> = { authorization: `Bearer ${product().apiToken}` };
  let payload: RequestInit['body'];
  if (body?.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body?.bytes) {
    headers['content-type'] = body.type ?? 'application/octet-stream';
    payload = body.bytes;
  }
  const res = await fetch(`${product().apiUrl}${path}`, { method, headers, ...(payload ? { body: payload } : {}) });
  return { status: res.status, body: (res.status === 204 ? {} : await res.json()) as KnowledgeApiBody };
}

const documentsPath = `/api/knowledge-bases/${KNOWLEDGE_BASE_ID}/documents`;

async function upload(filename: string, bytes?: Uint8Array): Promise<DocumentBody> {
  const content = bytes ?? (await readFile(join(FIXTURES, filename)));
  const { status, body } = await api('POST', `${documentsPath}?filename=${encodeURIComponent(filename)}`, {
    bytes: content,
  });
  expect([200, 201]).toContain(status);
  return body.document;
}

const documentOf = async (id: string) => (await api('GET', `${documentsPath}/${id}`)).body.document;
const settled = (id: string, timeoutMs = 60_000) =>
  eventually(
    () => documentOf(id),
    (d) => d.status === 'failed' || (d.status === 'ready' && d.stage === 'finished'),
    timeoutMs,
  );

/** Asks the bot and returns its answer, checking that it asks again after. */
async function ask(customer: string, question: string): Promise<string> {
  const answer = await askBot(product(), customer, question);
  expect(product().replies(customer).at(-1)?.text).toBe(PROMPT);
  return answer;
}

describe('an owner’s knowledge base, answering on WhatsApp', () => {
  it('ingests every file type and a URL, with progress, to ready', async () => {
    await createKnowledgeBase(product(), KNOWLEDGE_BASE_ID);
    const files = ['handbook.md', 'handbook.pdf', 'handbook.docx', 'handbook.html', 'handbook.txt', 'prices.csv'];
    const added = [];
    for (const file of files) added.push(await upload(file));
    const { port } = site!.address() as AddressInfo;
    const fromUrl = await api('POST', documentsPath, { json: { url: `http://127.0.0.1:${port}/gluten-free` } });
    expect(fromUrl.status).toBe(201);
    added.push(fromUrl.body.document);

    for (const document of added) {
      const done = await settled(document.id);
      expect(done, JSON.stringify(done)).toMatchObject({ status: 'ready', stage: 'finished', progress: 100 });
      expect(done.chunkCount).toBeGreaterThan(0);
      expect(done.embeddedCount).toBe(done.chunkCount);
    }
    const [markdown, pdf] = added;
    expect((await documentOf(pdf!.id)).pageCount).toBe(2);
    expect((await documentOf(added.at(-1)!.id)).title).toBe('Gluten-free corner');

    // The same file again is a no-op.
    const again = await api('POST', `${documentsPath}?filename=handbook.md`, {
      bytes: await readFile(join(FIXTURES, 'handbook.md')),
    });
    expect([again.status, again.body.document.id]).toEqual([200, markdown!.id]);
  });

  it('refuses a URL that leads to a private or metadata address, saying why', async () => {
    const blocked = await api('POST', documentsPath, { json: { url: 'http://169.254.169.254/latest/meta-data/' } });
    expect(blocked.status).toBe(201);
    const failed = await settled(blocked.body.document.id);
    expect(failed).toMatchObject({ status: 'failed', stage: 'fetching' });
    expect(failed.error).toMatch(/169\.254\.169\.254/);
  });

  it('shows what a question retrieves, ranked with scores', async () => {
    const { status, body } = await api('POST', `/api/knowledge-bases/${KNOWLEDGE_BASE_ID}/search`, {
      json: { query: 'How much is delivery?', topK: 3 },
    });
    expect(status).toBe(200);
    expect(body.wouldAnswer).toBe(true);
    expect(body.results).toHaveLength(3);
    expect(body.results[0]).toMatchObject({ rank: 1, aboveThreshold: true });
    expect(body.results[0]?.content).toMatch(/5 euros/);
  });

  it('answers customers from the documents with the source, and says so when it does not know', async () => {
    const customer = '27820000701';
    await greet(product(), customer);
    expect(await ask(customer, 'How much do you charge for delivery?')).toMatch(/^From “.+”:\n“.*5 euros.*”/s);
    expect(await ask(customer, 'When do you bake gluten-free bread?')).toMatch(/Thursday/);
    expect(await ask(customer, 'Can you fix my car brakes?')).toBe(DONT_KNOW);
  });

  it('lists the unanswered question with its count, and answers it once the owner adds an answer', async () => {
    const customer = '27820000702';
    await greet(product(), customer);
    expect(await ask(customer, 'can you fix my car brakes')).toBe(DONT_KNOW);
    const { botId } = product();
    const listed = await eventually(
      async () => (await api('GET', `/api/bots/${botId}/unanswered?kind=unanswered`)).body.questions,
      (questions) => questions.length === 1 && questions[0]!.timesAsked === 2,
    );
    expect(listed[0]).toMatchObject({ kind: 'unanswered', knowledgeBaseId: KNOWLEDGE_BASE_ID });

    const answer = await api('POST', `/api/knowledge-bases/${KNOWLEDGE_BASE_ID}/answers`, {
      json: {
        unansweredId: listed[0]!.id,
        answer: 'No: we are a bakery, not a garage.',
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.resolved).toBe(1);
    await settled(answer.body.document.id);
    expect(await ask(customer, 'Can you fix my car brakes?')).toMatch(/we are a bakery, not a garage/);
    expect((await api('GET', `/api/bots/${botId}/unanswered?kind=unanswered`)).body.questions).toEqual([]);
    // An answer from a passage only somewhat like the question is listed too, for the owner to check.
    const weak = (await api('GET', `/api/bots/${botId}/unanswered?kind=low_confidence`)).body.questions;
    expect(weak.map((q) => q.question)).toContain('How much do you charge for delivery?');
  });

  it('forgets a deleted document at once', async () => {
    const csv = (await api('GET', documentsPath)).body.documents.find((d) => d.filename === 'prices.csv')!;
    expect((await api('DELETE', `${documentsPath}/${csv.id}`)).status).toBe(204);
    expect(await product().db.chunk.count({ where: { documentId: csv.id } })).toBe(0);
    const { body } = await api('POST', `/api/knowledge-bases/${KNOWLEDGE_BASE_ID}/search`, {
      json: { query: 'croissant price', topK: 10 },
    });
    expect(body.results.map((r) => r.documentId)).not.toContain(csv.id);
  });

  it('finishes a document after the worker is killed mid-embedding, with every chunk stored once', async () => {
    const paragraphs = Array.from(
      { length: 160 },
      (_, i) =>
        `## Recipe ${i + 1}\n\nKnead dough number ${i + 1} for ${(i % 9) + 3} minutes, rest it, then bake it at ${180 + (i % 5) * 10} degrees until golden.`,
    );
    const document = await upload('recipes.md', new TextEncoder().encode(`# Recipes\n\n${paragraphs.join('\n\n')}\n`));
    await eventually(
      () => documentOf(document.id),
      (d) => d.embeddedCount > 0,
      60_000,
    );
    await product().worker.kill();
    const interrupted = await documentOf(document.id);
    expect(interrupted.embeddedCount).toBeLessThan(interrupted.chunkCount ?? 0);
    await product().worker.start();

    const done = await settled(document.id, 120_000);
    expect(done).toMatchObject({ status: 'ready', embeddedCount: done.chunkCount });
    const [rows] = await product().db.$queryRaw<{ chunks: number; positions: number; embedded: number }[]>`
      SELECT count(*)::int AS chunks, count(DISTINCT position)::int AS positions,
        count(embedding)::int AS embedded FROM chunks WHERE document_id = ${document.id}`;
    expect(rows).toEqual({ chunks: done.chunkCount, positions: done.chunkCount, embedded: done.chunkCount });
  }, 180_000);

  it('re-indexes every document when the embedding model changes, and still answers', async () => {
    const changed = await api('PATCH', `/api/knowledge-bases/${KNOWLEDGE_BASE_ID}`, {
      json: { embeddingModel: 'all-MiniLM-L6-v2-int8' },
    });
    expect(changed.status).toBe(202);
    const documents = changed.body.reindexing;
    expect(documents.length).toBeGreaterThan(5);
    for (const id of documents) {
      expect(await settled(id, 120_000)).toMatchObject({ status: 'ready', embeddingModel: 'all-MiniLM-L6-v2-int8' });
    }
    const customer = '27820000703';
    await greet(product(), customer);
    expect(await ask(customer, 'How much do you charge for delivery?')).toMatch(/5 euros/);
  }, 180_000);
});
