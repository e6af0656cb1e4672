import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON lines with secrets redacted at any depth', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    log.info({ channel: { accessToken: 'EAAG-secret', appSecret: 's3cr3t', phone: '+27' }, password: 'pw' }, 'hello');
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry.msg).toBe('hello');
    expect(entry.name).toBe('test');
    expect(entry.channel).toEqual({ accessToken: '[redacted]', appSecret: '[redacted]', phone: '+27' });
    expect(entry.password).toBe('[redacted]');
    expect(lines[0]).not.toMatch(/EAAG-secret|s3cr3t/);
  });
});
