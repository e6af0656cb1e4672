export { safeFetch, type SafeFetchOptions, type SafeResponse } from './safe-fetch.ts';
export { BlockedDestination, FetchFailed, type FetchFailureKind } from './errors.ts';
export { parseAllowList, type AllowList, type AllowRule } from './allow-list.ts';
export { addressKind, type AddressKind } from './address-kind.ts';
export type { Resolver } from './guard.ts';
