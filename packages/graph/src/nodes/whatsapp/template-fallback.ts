import type { TemplateFallback } from '../../definition.ts';
import type { NodeContext } from '../../node-runtime.ts';

/**
 * The node's fallback template with its parameters filled in now, carried on the message; the sender uses it only
 * when the window turns out closed. A parameter that comes out empty is kept: Meta's refusal then names it.
 */
export function filledFallback(
  ctx: NodeContext,
  fallback: TemplateFallback | undefined,
): { fallback?: TemplateFallback } {
  if (!fallback) return {};
  const { name, language, bodyParameters } = fallback;
  return { fallback: { name, language, bodyParameters: bodyParameters.map((p) => ctx.interpolate(p)) } };
}
