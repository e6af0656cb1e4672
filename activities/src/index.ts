export { createSystemActivities } from './system.ts';
export type { SystemActivityDeps } from './system.ts';
