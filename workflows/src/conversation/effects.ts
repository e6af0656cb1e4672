import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import { effectActivityName, type EffectRequest, type EffectResult, type VarValue } from '@botflow/graph';

type EffectActivity = (input: Record<string, VarValue>) => Promise<VarValue>;

/**
 * Runs a node's side effect as a regular activity (visible with its input and result in Temporal UI), with the node's
 * own timeout and retry policy. After the last attempt fails, the node gets the error and may leave by `error`.
 */
export async function runEffect(request: EffectRequest): Promise<EffectResult> {
  const activities = proxyActivities<Record<string, EffectActivity>>({
    // The activity enforces the node's timeout itself, with a clearer error; this is the backstop.
    startToCloseTimeout: `${request.timeoutSeconds + 5} seconds`,
    retry: {
      maximumAttempts: request.retry.maxAttempts,
      initialInterval: `${request.retry.initialIntervalSeconds} seconds`,
      backoffCoefficient: 2,
    },
  });
  const activity = activities[effectActivityName(request.type)];
  if (!activity) return { ok: false, error: `no activity for ${request.type}` };
  try {
    return { ok: true, value: await activity(request.input) };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    return { ok: false, error: err.cause?.message ?? err.message };
  }
}
