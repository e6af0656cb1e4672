import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaFiles } from './media-files.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function files() {
  const dir = await mkdtemp(path.join(tmpdir(), 'botflow-media-'));
  dirs.push(dir);
  return new MediaFiles(dir);
}
const hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('MediaFiles', () => {
  it('stores bytes under their hash, once, without temporary files left behind', async () => {
    const store = await files();
    const bytes = Buffer.from('a photo of the pool');
    const key = await store.put(bytes, hex(bytes));
    expect(key).toBe(`sha256/${hex(bytes).slice(0, 2)}/${hex(bytes)}`);
    expect(await store.put(bytes, hex(bytes))).toBe(key);
    expect(await store.read(key)).toEqual(bytes);
    expect(await store.size(key)).toBe(bytes.length);
    expect(await readdir(path.dirname(store.pathOf(key)))).toEqual([hex(bytes)]);
  });

  it('rewrites a file that is not whole, and refuses keys that could leave its folder', async () => {
    const store = await files();
    const bytes = Buffer.from('the full file');
    const key = await store.put(bytes.subarray(0, 4), hex(bytes));
    expect(await store.put(bytes, hex(bytes))).toBe(key);
    expect(await store.read(key)).toEqual(bytes);
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/not a media storage key/);
    expect(await store.size(`sha256/00/${'0'.repeat(64)}`)).toBeUndefined();
  });
});
