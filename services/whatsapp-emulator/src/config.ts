import { z } from 'zod';
import { envBoolean, envPort, loadConfig, logLevel } from '@botflow/service-kit';
import { DEFAULT_OPTIONS, type EmulatorOptions } from './options.ts';
import { approvedTemplatesEnv } from './template-store.ts';

const milliseconds = z.coerce.number().int().min(0);
const msList = z
  .string()
  .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, 'expected comma-separated milliseconds, e.g. 1000,2000,4000 (empty: no retry)')
  .transform((s) => (s.trim() === '' ? [] : s.split(',').map(Number)));
const statusList = z
  .string()
  .regex(/^(sent|delivered|read|played)(,(sent|delivered|read|played))*$/, 'expected e.g. sent,delivered,read')
  .transform((s) => s.split(',') as EmulatorOptions['statuses']);

const schema = z.object({
  EMULATOR_PORT: envPort.default(3100),
  EMULATOR_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: logLevel,
  EMULATOR_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_OPTIONS.webhookUrl),
  EMULATOR_APP_SECRET: z.string().min(1).default(DEFAULT_OPTIONS.appSecret),
  EMULATOR_ACCESS_TOKEN: z.string().min(1).default(DEFAULT_OPTIONS.accessToken),
  EMULATOR_VERIFY_TOKEN: z.string().min(1).default(DEFAULT_OPTIONS.verifyToken),
  EMULATOR_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, 'expected digits').default(DEFAULT_OPTIONS.phoneNumberId),
  EMULATOR_WABA_ID: z.string().regex(/^\d+$/, 'expected digits').default(DEFAULT_OPTIONS.wabaId),
  EMULATOR_DISPLAY_PHONE: z.string().min(1).default(DEFAULT_OPTIONS.displayPhoneNumber),
  EMULATOR_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'expected e.g. v23.0')
    .default(DEFAULT_OPTIONS.graphVersion),
  EMULATOR_STATUS_DELAY_MS: milliseconds.default(DEFAULT_OPTIONS.statusDelayMs),
  EMULATOR_STATUSES: statusList.default(DEFAULT_OPTIONS.statuses),
  EMULATOR_WEBHOOK_RETRY: msList.default(DEFAULT_OPTIONS.webhookRetryMs),
  EMULATOR_WEBHOOK_TIMEOUT_MS: milliseconds.default(DEFAULT_OPTIONS.webhookTimeoutMs),
  EMULATOR_ENFORCE_WINDOW: envBoolean.default(DEFAULT_OPTIONS.enforceWindow),
  EMULATOR_TEMPLATE_APPROVAL_MS: milliseconds.default(DEFAULT_OPTIONS.templateApprovalMs),
  EMULATOR_APPROVED_TEMPLATES: approvedTemplatesEnv.default(DEFAULT_OPTIONS.approvedTemplates),
});

export interface EmulatorConfig {
  port: number;
  host: string;
  logLevel: string;
  options: EmulatorOptions;
}

export function loadEmulatorConfig(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const c = loadConfig(schema, env);
  return {
    port: c.EMULATOR_PORT,
    host: c.EMULATOR_HOST,
    logLevel: c.LOG_LEVEL,
    options: {
      webhookUrl: c.EMULATOR_WEBHOOK_URL,
      appSecret: c.EMULATOR_APP_SECRET,
      accessToken: c.EMULATOR_ACCESS_TOKEN,
      verifyToken: c.EMULATOR_VERIFY_TOKEN,
      phoneNumberId: c.EMULATOR_PHONE_NUMBER_ID,
      wabaId: c.EMULATOR_WABA_ID,
      displayPhoneNumber: c.EMULATOR_DISPLAY_PHONE,
      graphVersion: c.EMULATOR_GRAPH_VERSION,
      statusDelayMs: c.EMULATOR_STATUS_DELAY_MS,
      statuses: c.EMULATOR_STATUSES,
      webhookRetryMs: c.EMULATOR_WEBHOOK_RETRY,
      webhookTimeoutMs: c.EMULATOR_WEBHOOK_TIMEOUT_MS,
      enforceWindow: c.EMULATOR_ENFORCE_WINDOW,
      templateApprovalMs: c.EMULATOR_TEMPLATE_APPROVAL_MS,
      approvedTemplates: c.EMULATOR_APPROVED_TEMPLATES,
    },
  };
}
