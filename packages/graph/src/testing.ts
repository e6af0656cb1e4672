import type { BotDefinition, InboundMessage, NodeSpec } from './definition.ts';
import {
  completeEffect,
  expire,
  initialState,
  receive,
  release,
  wake,
  type EngineResult,
  type EngineState,
} from './engine.ts';
import { graphFromDefinition } from './compiler/from-definition.ts';
import { checkContext } from './compiler/scope.ts';
import type { EffectResult } from './node-runtime.ts';
import type { CheckContext } from './node-type.ts';
import type { VariableDecl } from './variables.ts';

/** Helpers for node and engine tests: a definition from a few nodes, and a conversation driven step by step. */

export function definitionOf(
  nodes: Record<string, NodeSpec>,
  entry: string,
  extra: { variables?: VariableDecl[]; fields?: Record<string, string | number | boolean> } = {},
): BotDefinition {
  return {
    schemaVersion: 1,
    entry,
    nodes,
    settings: { sessionTimeoutSeconds: 86400, ...(extra.fields ? { fields: extra.fields } : {}) },
    ...(extra.variables ? { variables: extra.variables } : {}),
  };
}

let messageCounter = 0;

export function textMessage(text: string, extra: Partial<InboundMessage> = {}): InboundMessage {
  messageCounter += 1;
  return { id: `wamid.test${messageCounter}`, type: 'text', text, receivedAt: 0, ...extra };
}

/** Drives one conversation through the engine, keeping its state; each call returns what the bot said. */
export class TestConversation {
  state: EngineState;
  last: EngineResult | null = null;
  now = Date.UTC(2026, 0, 5, 9, 0, 0);

  readonly definition: BotDefinition;
  readonly contactKey: string;

  constructor(definition: BotDefinition, contactKey = '27820000001', vars: EngineState['vars'] = {}) {
    this.definition = definition;
    this.contactKey = contactKey;
    this.state = initialState(vars);
  }

  private get env() {
    return { definition: this.definition, contactKey: this.contactKey };
  }

  private apply(result: EngineResult): EngineResult {
    this.state = result.state;
    this.last = result;
    return result;
  }

  /** The customer writes; returns the texts (or bodies) the bot sent back. */
  say(text: string, extra: Partial<InboundMessage> = {}): EngineResult {
    return this.apply(receive(this.env, this.state, textMessage(text, { receivedAt: this.now, ...extra }), this.now));
  }

  send(message: InboundMessage): EngineResult {
    return this.apply(receive(this.env, this.state, message, this.now));
  }

  /** Moves the clock on and fires whatever deadline passed (answer timeout or wait node). */
  advance(seconds: number): EngineResult {
    this.now += seconds * 1000;
    if (this.state.sleeping) return this.apply(wake(this.env, this.state, this.now));
    return this.apply(expire(this.env, this.state, this.now));
  }

  complete(result: EffectResult): EngineResult {
    return this.apply(completeEffect(this.env, this.state, result, this.now));
  }

  release(): EngineResult {
    return this.apply(release(this.env, this.state, this.now));
  }
}

/** What the bot said, as plain strings: text bodies, or the body of interactive messages. */
export function said(result: EngineResult): string[] {
  return result.outputs.map((o) => {
    switch (o.kind) {
      case 'text':
        return o.text;
      case 'buttons':
      case 'list':
      case 'location_request':
        return o.body;
      case 'media':
        return o.caption ?? o.link;
      case 'template':
        return `template:${o.name}`;
    }
  });
}

/** A send_text node whose message shows which port the node under test left by. */
export function saying(text: string): NodeSpec {
  return { type: 'send_text', options: { text }, next: {} };
}

/** The node under test as entry, each of its ports leading to a text naming the port ("left by next"). */
export function flowOf(
  type: string,
  options: Record<string, unknown>,
  ports = ['next', 'invalid', 'timeout'],
): BotDefinition {
  const nodes: BotDefinition['nodes'] = {
    test: { type, options, next: Object.fromEntries(ports.map((p) => [p, `after_${p}`])) },
  };
  for (const port of ports) nodes[`after_${port}`] = saying(`left by ${port}`);
  return definitionOf(nodes, 'test');
}

/** The compiler's own check() context over a definition: its variables, bot fields and nodes. */
export function checkContextOf(definition: BotDefinition): CheckContext {
  return checkContext(graphFromDefinition(definition), definition.variables ?? []);
}

/** A check() context in which these variable paths (`name`, `contact.city`) are declared. */
export function checkContextWith(paths: string[] = []): CheckContext {
  const variables: VariableDecl[] = paths.map((path) =>
    path.startsWith('contact.')
      ? { name: path.slice('contact.'.length), scope: 'contact', type: 'json' }
      : { name: path, scope: 'conversation', type: 'json' },
  );
  return checkContextOf(definitionOf({}, 'x', { variables }));
}
