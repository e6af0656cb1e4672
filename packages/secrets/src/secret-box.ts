import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretKey {
  /** Short id stored with each ciphertext, so old ciphertexts stay readable after the active key changes. */
  id: string;
  key: Buffer;
}

/**
 * AES-256-GCM for secrets at rest. Layout: version (1 byte) | key id length (1) | key id | iv (12) | tag (16) |
 * ciphertext. The associated data (e.g. the channel id) binds a ciphertext to its row: copying it elsewhere fails.
 */
export class SecretBox {
  private readonly active: SecretKey;
  private readonly keys: Map<string, Buffer>;

  constructor(active: SecretKey, previous: SecretKey[] = []) {
    for (const k of [active, ...previous]) {
      if (k.key.length !== 32) throw new Error(`secret key ${k.id} must be 32 bytes, got ${k.key.length}`);
      if (!/^[\w-]{1,32}$/.test(k.id)) throw new Error(`secret key id "${k.id}" must be 1-32 letters, digits, - or _`);
    }
    this.active = active;
    this.keys = new Map([...previous, active].map((k) => [k.id, k.key]));
  }

  seal(plaintext: string, associatedData = ''): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const id = Buffer.from(this.active.id);
    return Buffer.concat([Buffer.from([VERSION, id.length]), id, iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Uint8Array, associatedData = ''): string {
    const buf = Buffer.from(sealed);
    if (buf[0] !== VERSION) throw new Error('unknown secret format');
    const idLength = buf[1] ?? 0;
    const keyId = buf.subarray(2, 2 + idLength).toString();
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`secret was sealed with key "${keyId}", which is not configured`);
    const ivStart = 2 + idLength;
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(ivStart, ivStart + IV_BYTES));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(buf.subarray(ivStart + IV_BYTES, ivStart + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(buf.subarray(ivStart + IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  /** True when the ciphertext was sealed with an older key and should be re-sealed (rotation). */
  needsRotation(sealed: Uint8Array): boolean {
    const buf = Buffer.from(sealed);
    return buf.subarray(2, 2 + (buf[1] ?? 0)).toString() !== this.active.id;
  }
}

/**
 * Reads keys from configuration: `id:base64key[,id:base64key…]`, the first being the active one. Generate a key with
 * `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`.
 */
export function secretBoxFromConfig(value: string): SecretBox {
  const keys = value.split(',').map((part) => {
    const [id, b64] = part.trim().split(':');
    if (!id || !b64) throw new Error('secret keys must look like "id:base64key[,id:base64key…]"');
    return { id, key: Buffer.from(b64, 'base64') };
  });
  const [active, ...previous] = keys;
  if (!active) throw new Error('no secret key configured');
  return new SecretBox(active, previous);
}
