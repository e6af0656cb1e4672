import type { NodeType } from '../node-type.ts';
import { ACTIONS_NODE_TYPES } from './actions/family.ts';
import { AI_NODE_TYPES } from './ai/family.ts';
import { DATA_NODE_TYPES } from './data/family.ts';
import { INPUT_NODE_TYPES } from './input/family.ts';
import { LOGIC_NODE_TYPES } from './logic/family.ts';
import { WHATSAPP_NODE_TYPES } from './whatsapp/family.ts';

/** Every node type an owner can draw, family by family, in the order the editor's palette lists them. */
export const NODE_CATALOGUE: readonly NodeType[] = [
  ...WHATSAPP_NODE_TYPES,
  ...INPUT_NODE_TYPES,
  ...AI_NODE_TYPES,
  ...ACTIONS_NODE_TYPES,
  ...LOGIC_NODE_TYPES,
  ...DATA_NODE_TYPES,
];

export const NODE_TYPES: ReadonlyMap<string, NodeType> = new Map(NODE_CATALOGUE.map((t) => [t.type, t]));
