export { MemorySlotStore, reserve, type RateRule, type Reservation, type SlotStore } from './gcra.ts';
export { RedisSlotStore, type RedisScripts, type RedisSlotStoreOptions } from './redis-limiter.ts';
export {
  createSendThrottle,
  SlotUnavailable,
  type SendRateLimits,
  type SendRoute,
  type SendThrottle,
} from './send-throttle.ts';
