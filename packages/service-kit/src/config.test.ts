import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, envBoolean, envPort, loadConfig, serverUrls } from './config.ts';

const schema = z.object({
  PORT: envPort.default(3000),
  VERBOSE: envBoolean.default(false),
  DATABASE_URL: serverUrls.DATABASE_URL,
  KAFKA_BROKERS: serverUrls.KAFKA_BROKERS,
});

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgresql://u:p@h:5432/db', KAFKA_BROKERS: 'a:9092,b:9093' });
    expect(config).toEqual({
      PORT: 3000,
      VERBOSE: false,
      DATABASE_URL: 'postgresql://u:p@h:5432/db',
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
    });
  });

  it('reads "false" as false, unlike Boolean()', () => {
    const env = { VERBOSE: 'false', DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:1' };
    expect(loadConfig(schema, env).VERBOSE).toBe(false);
  });

  it('reports every bad variable at once, naming each', () => {
    const env = { PORT: 'eighty', VERBOSE: 'maybe', KAFKA_BROKERS: 'no-port' };
    expect(() => loadConfig(schema, env)).toThrow(ConfigError);
    try {
      loadConfig(schema, env);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/VERBOSE: expected true or false/);
      expect(message).toMatch(/DATABASE_URL: .*\(not set\)/);
      expect(message).toMatch(/KAFKA_BROKERS: expected host:port/);
    }
  });

  it('rejects a database URL of another scheme', () => {
    expect(() => loadConfig(schema, { DATABASE_URL: 'mysql://h/db', KAFKA_BROKERS: 'k:1' })).toThrow(/postgresql:\/\//);
  });
});
