import type { InboundMessage, OutboundContent } from '../../definition.ts';
import type { NodeContext, NodeRuntime, NodeStep } from '../../node-runtime.ts';
import type { VarValue } from '../../variables.ts';

/** The options every validating ask node has (ask-fields.ts declares them). */
export interface AskOptions {
  prompt: string;
  variable?: string;
  retryPrompt?: string;
  maxAttempts: number;
  timeoutSeconds?: number;
}

/** A valid answer: the value to store and, for nodes that branch on it, the port to leave by. */
export interface Answer {
  value: VarValue;
  port?: string;
}

/** What one ask node type adds to the shared ask → validate → retry loop. */
export interface AnswerSpec<Options extends AskOptions> {
  /** The answer in the message, or null when it is not a valid one. */
  parse(message: InboundMessage, options: Options, ctx: NodeContext): Answer | null;
  /** What to say before asking again when the owner set no retry prompt. */
  defaultRetryPrompt(options: Options): string;
  /** The message that asks, given its filled-in text; a plain text message unless given. */
  message?(text: string, options: Options): OutboundContent;
}

/**
 * Asks, waits, and checks the answer: a valid one is saved in `variable` and leaves through `next` (or the port the
 * answer names); an invalid one gets the retry prompt and another wait, until `maxAttempts` invalid answers leave
 * through `invalid`. The count lives in the node's memory, so it starts from zero on every new visit.
 */
export function validatedAnswerRuntime<Options extends AskOptions>(spec: AnswerSpec<Options>): NodeRuntime<Options> {
  const ask = (ctx: NodeContext, options: Options, template: string): NodeStep => {
    const text = ctx.interpolate(template);
    ctx.say(spec.message ? spec.message(text, options) : { kind: 'text', text });
    return options.timeoutSeconds === undefined
      ? { kind: 'wait' }
      : { kind: 'wait', timeoutSeconds: options.timeoutSeconds };
  };
  return {
    enter: (ctx, options) => ask(ctx, options, options.prompt),
    receive(ctx, options, message) {
      const answer = spec.parse(message, options, ctx);
      if (answer) {
        if (options.variable !== undefined) ctx.set(options.variable, answer.value);
        return { kind: 'continue', port: answer.port ?? 'next' };
      }
      const attempts = (typeof ctx.memory.attempts === 'number' ? ctx.memory.attempts : 0) + 1;
      ctx.memory.attempts = attempts;
      if (attempts >= options.maxAttempts) return { kind: 'continue', port: 'invalid' };
      return ask(ctx, options, options.retryPrompt || spec.defaultRetryPrompt(options));
    },
  };
}
