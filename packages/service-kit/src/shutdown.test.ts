import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { Shutdown } from './shutdown.ts';

describe('Shutdown', () => {
  it('closes in reverse order and reports a failing or stuck step without stopping the rest', async () => {
    const order: string[] = [];
    const shutdown = new Shutdown(createLogger('test', 'silent'), 50);
    shutdown.add('connection', async () => order.push('connection'));
    shutdown.add('stuck', () => new Promise(() => {}));
    shutdown.add('failing', () => Promise.reject(new Error('nope')));
    shutdown.add('server', async () => order.push('server'));
    expect(await shutdown.run()).toBe(false);
    expect(order).toEqual(['server', 'connection']);
    expect(await shutdown.run()).toBe(true);
  });
});
