import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@botflow/service-kit';
import { startHousekeeping } from './housekeeping.ts';

afterEach(() => vi.useRealTimers());

describe('housekeeping', () => {
  it('runs each job at start and then on its interval, and carries on after a failure', async () => {
    vi.useFakeTimers();
    const runs: string[] = [];
    let failNext = true;
    const stop = startHousekeeping(
      [
        { name: 'often', everyMs: 1000, run: () => Promise.resolve(runs.push('often')) },
        {
          name: 'flaky',
          everyMs: 3000,
          run: () => {
            runs.push('flaky');
            if (failNext) {
              failNext = false;
              return Promise.reject(new Error('database away'));
            }
            return Promise.resolve(0);
          },
        },
      ],
      createLogger('test', 'silent'),
    );
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs.filter((r) => r === 'often')).toHaveLength(4);
    expect(runs.filter((r) => r === 'flaky')).toHaveLength(2);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(6);
  });
});
