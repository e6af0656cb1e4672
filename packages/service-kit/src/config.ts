import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads a service's configuration from the environment once, at boot. Every problem is reported at the same time,
 * naming the variable and what is wrong with it, so a misconfigured deployment fails fast and says how to fix it.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const value = env[String(issue.path[0])];
    return `  ${name}: ${issue.message}${value === undefined ? ' (not set)' : ''}`;
  });
  throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
}

/** Environment booleans: only the words below count; `Boolean("false")` is true, which is why this exists. */
export const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envPort = z.coerce.number().int().min(0).max(65535);

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** Connection settings of the four servers; each service picks the ones it uses. */
export const serverUrls = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'expected postgresql://user:password@host:port/db' }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'expected redis://host:port' }),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, 'expected host:port[,host:port...]')
    .transform((s) => s.split(',')),
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
};
