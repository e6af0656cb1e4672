/**
 * Admission control: workers publish how long customers currently wait for replies (p90 over a few seconds) under
 * this Redis key; the API sheds new webhooks with 503 while it is above its limit, since Meta retries those later,
 * rather than accepting work it cannot answer in time.
 */
export const REPLY_LAG_REDIS_KEY = 'botflow:reply-lag-ms';
export const REPLY_LAG_TTL_SECONDS = 5;
