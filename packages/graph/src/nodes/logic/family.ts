import type { NodeType } from '../../node-type.ts';
import { abSplit } from './ab-split/index.ts';
import { callFlow } from './call-flow/index.ts';
import { condition } from './condition/index.ts';
import { end } from './end/index.ts';
import { jump } from './jump/index.ts';
import { keywordBranch } from './keyword-branch/index.ts';
import { returnNode } from './return/index.ts';
import { setVariable } from './set-variable/index.ts';
import { switchNode } from './switch/index.ts';
import { wait } from './wait/index.ts';

/** Logic: decisions, variables, jumps, waits and endings; they run inside the workflow, costing no activity. */
export const LOGIC_NODE_TYPES = [
  condition,
  switchNode,
  keywordBranch,
  setVariable,
  abSplit,
  wait,
  jump,
  callFlow,
  returnNode,
  end,
] as unknown as NodeType[];
