import type { NodeType } from '../../node-type.ts';
import { lookupTable } from './lookup-table/index.ts';
import { saveToProfile } from './save-to-profile/index.ts';

/** Data: the contact's profile and lookup tables. */
export const DATA_NODE_TYPES = [saveToProfile, lookupTable] as unknown as NodeType[];
