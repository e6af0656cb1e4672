import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'password',
  'token',
  'accessToken',
  'appSecret',
  'apiKey',
  'secret',
  'authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.appSecret',
  '*.apiKey',
  '*.secret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'config.DATABASE_URL',
];

/** Structured JSON logs with secrets redacted wherever they appear in a logged object. */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ name: service, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
