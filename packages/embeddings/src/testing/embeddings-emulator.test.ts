import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine, floatsFromBase64 } from '../vectors.ts';
import { startEmbeddingsEmulator, type EmbeddingsEmulator } from './embeddings-emulator.ts';
import { fakeEmbedding } from './fake-vectors.ts';

let emulator: EmbeddingsEmulator;
beforeAll(async () => {
  emulator = await startEmbeddingsEmulator({ apiKey: 'sk-emulator' });
});
afterAll(() => emulator.close());

interface WireBody {
  data: { embedding: number[] | string }[];
}
const someText: unknown = expect.any(String);

async function post(body: unknown, headers: Record<string, string> = { authorization: 'Bearer sk-emulator' }) {
  const res = await fetch(`${emulator.url}/embeddings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as WireBody };
}

describe('embeddings emulator', () => {
  it('answers in OpenAI’s shape, float by default', async () => {
    const { status, body } = await post({ model: 'text-embedding-3-small', input: 'hello world' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      object: 'list',
      model: 'text-embedding-3-small',
      data: [{ object: 'embedding', index: 0 }],
      usage: { prompt_tokens: 3, total_tokens: 3 },
    });
    expect(body.data[0]!.embedding).toHaveLength(1536);
  });

  it('encodes base64 float32 and shortens text-embedding-3 vectors on request', async () => {
    const { body } = await post({
      model: 'text-embedding-3-large',
      input: ['a', 'b'],
      encoding_format: 'base64',
      dimensions: 64,
    });
    const vectors = body.data.map((d) => floatsFromBase64(d.embedding as string));
    expect(vectors.map((v) => v.length)).toEqual([64, 64]);
    expect(vectors[1]).toEqual(fakeEmbedding('b', 64));
  });

  it('gives texts that share words closer vectors', () => {
    const query = fakeEmbedding('what are your opening hours', 384);
    const match = fakeEmbedding('Our opening hours are 9 to 5', 384);
    const other = fakeEmbedding('Refunds take three days', 384);
    expect(cosine(query, match)).toBeGreaterThan(cosine(query, other) + 0.2);
    expect(fakeEmbedding('same text', 384)).toEqual(fakeEmbedding('same text', 384));
  });

  it('answers OpenAI’s errors', async () => {
    const error = (status: number, code: string | null, param: string | null = null) => ({
      status,
      body: { error: { message: someText, type: someText, param, code } },
    });
    expect(await post({ model: 'text-embedding-3-small', input: 'x' }, {})).toEqual(error(401, null));
    expect(await post({ model: 'x', input: 'x' }, { authorization: 'Bearer sk-other' })).toEqual(
      error(401, 'invalid_api_key'),
    );
    expect(await post({ model: 'gpt-embed', input: 'x' })).toEqual(error(404, 'model_not_found'));
    expect(await post({ model: 'text-embedding-3-small', input: '' })).toEqual(error(400, null));
    expect(await post({ model: 'text-embedding-3-small', input: [] })).toEqual(error(400, null));
    expect(await post({ input: 'x' })).toEqual(error(400, null));
    expect(await post('{not json')).toEqual(error(400, null));
    expect(await post({ model: 'text-embedding-ada-002', input: 'x', dimensions: 8 })).toEqual(error(400, null));
    expect(await post({ model: 'text-embedding-3-small', input: 'x', encoding_format: 'int8' })).toEqual(
      error(400, null, 'encoding_format'),
    );
  });

  it('fails on demand with rate-limit headers', async () => {
    emulator.failNext(429, { retryAfterMs: 1500 });
    const res = await fetch(`${emulator.url}/embeddings`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-emulator' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }),
    });
    expect(res.status).toBe(429);
    expect([res.headers.get('retry-after-ms'), res.headers.get('retry-after')]).toEqual(['1500', '2']);
    expect(await res.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
  });
});
