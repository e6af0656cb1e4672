import type { NodeRuntime } from '../../node-runtime.ts';
import { abSplitRuntime } from './ab-split/runtime.ts';
import { callFlowRuntime } from './call-flow/runtime.ts';
import { conditionRuntime } from './condition/runtime.ts';
import { endRuntime } from './end/runtime.ts';
import { jumpRuntime } from './jump/runtime.ts';
import { keywordBranchRuntime } from './keyword-branch/runtime.ts';
import { returnRuntime } from './return/runtime.ts';
import { setVariableRuntime } from './set-variable/runtime.ts';
import { switchRuntime } from './switch/runtime.ts';
import { waitRuntime } from './wait/runtime.ts';

export const LOGIC_RUNTIMES: Record<string, NodeRuntime<never>> = {
  condition: conditionRuntime,
  switch: switchRuntime,
  branch: keywordBranchRuntime,
  set_variable: setVariableRuntime,
  ab_split: abSplitRuntime,
  wait: waitRuntime,
  jump: jumpRuntime,
  call_flow: callFlowRuntime,
  return: returnRuntime,
  end: endRuntime,
};
