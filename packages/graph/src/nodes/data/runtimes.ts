import type { NodeRuntime } from '../../node-runtime.ts';
import { lookupTableRuntime } from './lookup-table/runtime.ts';
import { saveToProfileRuntime } from './save-to-profile/runtime.ts';

export const DATA_RUNTIMES: Record<string, NodeRuntime<never>> = {
  save_to_profile: saveToProfileRuntime,
  lookup_table: lookupTableRuntime,
};
