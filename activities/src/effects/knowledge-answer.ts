import { Context } from '@temporalio/activity';
import type { VarValue } from '@botflow/graph';
import type { AskedIn, KnowledgeSource } from './ai/language-model.ts';
import { text, type EffectInput } from './input.ts';
import { MAX_REPLY_CHARS } from './llm-reply.ts';

/** The knowledge_answer node's call: `{answer, sources, grounded}`. */
export function createKnowledgeAnswer(knowledge: KnowledgeSource) {
  return async function knowledgeAnswer(input: EffectInput): Promise<VarValue> {
    const askedIn = askingActivity();
    const result = await knowledge.answer({
      knowledgeBaseId: text(input, 'knowledgeBaseId'),
      question: text(input, 'question'),
      ...(askedIn ? { askedIn } : {}),
    });
    const answer = result.answer.trim().slice(0, MAX_REPLY_CHARS);
    return { answer, sources: [...result.sources], grounded: result.grounded && answer !== '' };
  };
}

/** The running activity, or undefined outside one (unit tests call the function directly). */
function askingActivity(): AskedIn | undefined {
  let info;
  try {
    info = Context.current().info;
  } catch {
    return undefined;
  }
  const execution = info.workflowExecution;
  return execution
    ? { workflowId: execution.workflowId, runId: execution.runId, activityId: info.activityId }
    : undefined;
}
