import { describe, expect, it } from 'vitest';
import { loadEmulatorConfig } from './config.ts';
import { DEFAULT_OPTIONS } from './options.ts';

describe('loadEmulatorConfig', () => {
  it('has working defaults for local development', () => {
    const config = loadEmulatorConfig({});
    expect(config).toMatchObject({ port: 3100, host: '127.0.0.1' });
    expect(config.options).toEqual(DEFAULT_OPTIONS);
  });

  it('reads the retry schedule, statuses and window setting', () => {
    const { options } = loadEmulatorConfig({
      EMULATOR_WEBHOOK_RETRY: '100, 200,400',
      EMULATOR_STATUSES: 'sent,read',
      EMULATOR_ENFORCE_WINDOW: 'false',
    });
    expect(options).toMatchObject({
      webhookRetryMs: [100, 200, 400],
      statuses: ['sent', 'read'],
      enforceWindow: false,
    });
    expect(loadEmulatorConfig({ EMULATOR_WEBHOOK_RETRY: '' }).options.webhookRetryMs).toEqual([]);
  });

  it('names every bad variable', () => {
    expect(() => loadEmulatorConfig({ EMULATOR_WEBHOOK_RETRY: '1s,2s', EMULATOR_GRAPH_VERSION: '23' })).toThrow(
      /EMULATOR_GRAPH_VERSION[^]*EMULATOR_WEBHOOK_RETRY|EMULATOR_WEBHOOK_RETRY[^]*EMULATOR_GRAPH_VERSION/,
    );
  });
});
