import type { Logger } from '@botflow/service-kit';
import type { MessageStatusValue } from '@botflow/whatsapp';

export interface EmulatorOptions {
  webhookUrl: string;
  appSecret: string;
  accessToken: string;
  verifyToken: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  graphVersion: string;
  /** Gap between a send and each of its status webhooks. */
  statusDelayMs: number;
  /** The delivery reports every accepted send produces, in order. */
  statuses: MessageStatusValue[];
  /** Delays before each retry of a webhook the receiver did not answer with 200. */
  webhookRetryMs: number[];
  webhookTimeoutMs: number;
  /** Free-form messages more than 24 h after the customer's last message fail with 131047, as on Meta. */
  enforceWindow: boolean;
  /** How long a created message template stays PENDING before it is APPROVED. */
  templateApprovalMs: number;
  /** Templates every business account has, APPROVED, without creating them (Meta gives each one hello_world). */
  approvedTemplates: { name: string; language: string }[];
  log?: Logger;
}

export const DEFAULT_OPTIONS: EmulatorOptions = {
  webhookUrl: 'http://127.0.0.1:3000/webhooks/whatsapp',
  appSecret: 'dev-app-secret',
  accessToken: 'dev-access-token',
  verifyToken: 'dev-verify-token',
  phoneNumberId: '100000000000001',
  wabaId: '200000000000001',
  displayPhoneNumber: '+15550000001',
  graphVersion: 'v23.0',
  statusDelayMs: 50,
  statuses: ['sent', 'delivered', 'read'],
  webhookRetryMs: [1000, 2000, 4000, 8000, 16000, 32000],
  webhookTimeoutMs: 10_000,
  enforceWindow: true,
  templateApprovalMs: 1000,
  approvedTemplates: [{ name: 'hello_world', language: 'en_US' }],
};
