import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature.ts';

const body = '{"object":"whatsapp_business_account","entry":[]}';
// Computed independently: printf '%s' "$body" | openssl dgst -sha256 -hmac dev-app-secret
const known = 'sha256=bb44c42e097da122b65af00b26fd8c0a9080c18f1a44af50ff59d2001195117e';

describe('signPayload', () => {
  it('matches an independently computed HMAC-SHA256', () => {
    expect(signPayload(body, 'dev-app-secret')).toBe(known);
    expect(signPayload(Buffer.from(body), 'dev-app-secret')).toBe(known);
    expect(signPayload('hello', 'key')).toBe('sha256=9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b');
  });
});

describe('verifySignature', () => {
  const raw = Buffer.from(body);

  it('accepts the signature of the exact bytes', () => {
    expect(verifySignature(raw, known, 'dev-app-secret')).toBe(true);
    expect(verifySignature(raw, known.toUpperCase().replace('SHA256=', 'sha256='), 'dev-app-secret')).toBe(true);
  });

  it('rejects a tampered body, a re-serialised body and the wrong secret', () => {
    expect(verifySignature(Buffer.from(body.replace('[]', '[1]')), known, 'dev-app-secret')).toBe(false);
    expect(verifySignature(Buffer.from(JSON.stringify(JSON.parse(body), null, 1)), known, 'dev-app-secret')).toBe(
      false,
    );
    expect(verifySignature(raw, known, 'other-secret')).toBe(false);
  });

  it('rejects headers of the wrong length or shape without throwing', () => {
    expect(verifySignature(raw, known.slice(0, -2), 'dev-app-secret')).toBe(false);
    expect(verifySignature(raw, `${known}00`, 'dev-app-secret')).toBe(false);
    expect(verifySignature(raw, `${known}zz`, 'dev-app-secret')).toBe(false);
    expect(verifySignature(raw, known.slice(0, -1), 'dev-app-secret')).toBe(false);
    expect(verifySignature(raw, known.replace('sha256=', 'sha1='), 'dev-app-secret')).toBe(false);
    expect(verifySignature(raw, known.slice('sha256='.length), 'dev-app-secret')).toBe(false);
    expect(verifySignature(raw, 'sha256=', 'dev-app-secret')).toBe(false);
  });

  it('rejects a missing header', () => {
    expect(verifySignature(raw, undefined, 'dev-app-secret')).toBe(false);
    expect(verifySignature(raw, '', 'dev-app-secret')).toBe(false);
  });
});
