import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/**
 * Files kept by content: `<dir>/sha256/ab/abcd…` (hex SHA-256), so the same file sent twice, or a retried
 * download, is stored once. Writes go to a temporary name first: a crash never leaves half a file under a key.
 */
export class MediaFiles {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  keyOf(sha256Hex: string): string {
    const hex = sha256Hex.toLowerCase();
    return `sha256/${hex.slice(0, 2)}/${hex}`;
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`"${key}" is not a media storage key`);
    return path.join(this.dir, key);
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch {
      return undefined;
    }
  }

  /** Stores the bytes under their hash (the caller has computed it) unless a file of that size is there already. */
  async put(bytes: Uint8Array, sha256Hex: string): Promise<string> {
    const key = this.keyOf(sha256Hex);
    if ((await this.size(key)) === bytes.byteLength) return key;
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, bytes, { mode: 0o640 });
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
    return key;
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }
}
