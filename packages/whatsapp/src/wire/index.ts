export type * from './common.ts';
export * from './inbound-message.ts';
export type * from './responses.ts';
export type * from './send.ts';
export type * from './status.ts';
export type * from './webhook.ts';
