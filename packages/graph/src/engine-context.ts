import type { BotDefinition, OutboundContent } from './definition.ts';
import { evaluateExpression, type ExpressionContext } from './expressions/expressions.ts';
import type { NodeContext } from './node-runtime.ts';
import { interpolate } from './template.ts';
import {
  CONTACT_BUILTINS,
  CONVERSATION_BUILTINS,
  parseVariablePath,
  storageKey,
  zeroValue,
  type VarValue,
  type VariableDecl,
} from './variables.ts';

/** Who the engine is talking to: part of the input of every engine call, never of its state. */
export interface EngineEnv {
  definition: BotDefinition;
  /** Stable per customer (their WhatsApp id): A/B splits hash it. */
  contactKey: string;
  channel?: string;
}

export interface TurnEffects {
  outputs: OutboundContent[];
  /** Contact profile fields set during this call, to be saved with the turn. */
  profileChanges: Record<string, VarValue>;
}

/** Shared, so the expression environment cache recognises a bot without fields by identity. */
const NO_FIELDS: Record<string, VarValue> = Object.freeze({});

export function systemValues(env: EngineEnv, now: number): Record<string, VarValue> {
  const iso = new Date(now).toISOString();
  return { now: iso, today: iso.slice(0, 10), channel: env.channel ?? 'whatsapp' };
}

/** The values of every scope, declared variables defaulting to their declared default or their type's zero. */
export function expressionValues(env: EngineEnv, vars: Record<string, VarValue>, now: number): ExpressionContext {
  const conversation: Record<string, VarValue> = {};
  const contact: Record<string, VarValue> = {};
  for (const v of allVariables(env)) {
    const target = v.scope === 'contact' ? contact : conversation;
    target[v.name] = v.default ?? zeroValue(v.type);
  }
  for (const [key, value] of Object.entries(vars)) {
    if (key.startsWith('contact.')) contact[key.slice('contact.'.length)] = value;
    else conversation[key] = value;
  }
  return { conversation, contact, bot: { ...env.definition.settings.fields }, system: systemValues(env, now) };
}

export function nodeContext(
  env: EngineEnv,
  vars: Record<string, VarValue>,
  memory: Record<string, VarValue>,
  nodeId: string,
  now: number,
  effects: TurnEffects,
): NodeContext {
  const scope = { variables: allVariables(env), botFields: env.definition.settings.fields ?? NO_FIELDS };
  const get = (path: string): VarValue | undefined => {
    const parsed = parseVariablePath(path);
    if ('error' in parsed) return undefined;
    if (parsed.scope === 'bot') return env.definition.settings.fields?.[parsed.name];
    if (parsed.scope === 'system') return systemValues(env, now)[parsed.name];
    const key = parsed.scope === 'contact' ? `contact.${parsed.name}` : parsed.name;
    if (key in vars) return vars[key];
    const declared = scope.variables.find((v) => v.name === parsed.name && v.scope === parsed.scope);
    return declared ? (declared.default ?? zeroValue(declared.type)) : undefined;
  };
  return {
    nodeId,
    now,
    contactKey: env.contactKey,
    memory,
    get,
    set(path, value) {
      const parsed = parseVariablePath(path);
      if ('error' in parsed) throw new Error(parsed.error);
      if (parsed.scope === 'bot' || parsed.scope === 'system') throw new Error(`${path} is read-only`);
      const key = storageKey(path);
      vars[key] = value;
      if (parsed.scope === 'contact') effects.profileChanges[parsed.name] = value;
    },
    interpolate: (template) => interpolate(template, get),
    evaluate: (expression) => evaluateExpression(expression, scope, expressionValues(env, vars, now)),
    say: (content) => effects.outputs.push(content),
  };
}

/** The built-in variables, then the definition's own (which may give a built-in a default). */
export function withBuiltins(variables: VariableDecl[] = []): VariableDecl[] {
  const byKey = new Map<string, VariableDecl>();
  for (const v of [...CONTACT_BUILTINS, ...CONVERSATION_BUILTINS, ...variables]) byKey.set(`${v.scope}:${v.name}`, v);
  return [...byKey.values()];
}

const withBuiltinsCache = new WeakMap<object, VariableDecl[]>();

function allVariables(env: EngineEnv): VariableDecl[] {
  let cached = withBuiltinsCache.get(env.definition);
  if (!cached) {
    cached = withBuiltins(env.definition.variables);
    withBuiltinsCache.set(env.definition, cached);
  }
  return cached;
}
