import { Environment } from '@marcbachmann/cel-js';
import { SYSTEM_VARIABLES, type VarValue, type VariableDecl, type VariableType } from '../variables.ts';

/**
 * Conditions, switches and "set variable" use CEL (Common Expression Language): not Turing-complete, no I/O, no
 * clock, no `eval` — it runs deterministically inside Temporal's workflow sandbox. Conversation variables are bare
 * names (`age >= 18`); the other scopes are maps (`contact.city == "Durban"`, `bot.open_hour`, `system.today`).
 */
export interface ExpressionScope {
  variables: VariableDecl[];
  botFields: Record<string, VarValue>;
}

const CEL_TYPES: Record<VariableType, string> = { string: 'string', number: 'double', boolean: 'bool', json: 'dyn' };

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

/** Our numbers are doubles and CEL literals like `18` are ints: owners should not have to write `18.0`. */
function withMixedNumbers(env: Environment): Environment {
  let next = env.registerOperator('double == int', (a: number, b: bigint) => a === Number(b));
  for (const [op, apply] of Object.entries(ARITHMETIC)) {
    next = next
      .registerOperator(`double ${op} int`, (a: number, b: bigint) => apply(a, Number(b)))
      .registerOperator(`int ${op} double`, (a: bigint, b: number) => apply(Number(a), b));
  }
  return next;
}

function celTypeOf(value: VarValue): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'bool';
  return 'dyn';
}

/** Environments by declarations, least recently used first; a worker serving many bots keeps at most this many. */
const MAX_ENVIRONMENTS = 500;
const environments = new Map<string, Environment>();
/** The engine passes the same (cached) variables array for a definition: skip building the key then. */
const byVariables = new WeakMap<readonly VariableDecl[], { botFields: object; env: Environment }>();

/** One CEL environment per set of declarations, cached: building one costs far more than evaluating. */
export function expressionEnvironment(scope: ExpressionScope): Environment {
  const same = byVariables.get(scope.variables);
  if (same?.botFields === scope.botFields) return same.env;
  const key = JSON.stringify([
    scope.variables.map((v) => [v.name, v.scope, v.type]),
    Object.entries(scope.botFields).map(([k, v]) => [k, celTypeOf(v)]),
  ]);
  const cached = environments.get(key);
  if (cached) {
    environments.delete(key);
    environments.set(key, cached);
    byVariables.set(scope.variables, { botFields: scope.botFields, env: cached });
    return cached;
  }
  let env = withMixedNumbers(new Environment({ homogeneousAggregateLiterals: false }));
  const contact: Record<string, string> = {};
  for (const v of scope.variables) {
    if (v.scope === 'conversation') env = env.registerVariable(v.name, CEL_TYPES[v.type]);
    else contact[v.name] = CEL_TYPES[v.type];
  }
  const bot = Object.fromEntries(Object.entries(scope.botFields).map(([k, v]) => [k, celTypeOf(v)]));
  env = env
    .registerVariable({ name: 'contact', schema: contact })
    .registerVariable({ name: 'bot', schema: bot })
    .registerVariable({ name: 'system', schema: { ...SYSTEM_VARIABLES } });
  environments.set(key, env);
  if (environments.size > MAX_ENVIRONMENTS) environments.delete(environments.keys().next().value as string);
  byVariables.set(scope.variables, { botFields: scope.botFields, env });
  return env;
}

/** Checks an expression against the declared variables: null when it is fine, else a sentence saying what is wrong. */
export function checkExpression(expression: string, scope: ExpressionScope): string | null {
  if (expression.trim() === '') return 'the expression is empty';
  try {
    const result = expressionEnvironment(scope).check(expression);
    return result.valid ? null : explain(result.error);
  } catch (err) {
    return explain(err);
  }
}

/** The values an expression sees: conversation variables by name, the other scopes as maps. */
export interface ExpressionContext {
  conversation: Record<string, VarValue>;
  contact: Record<string, VarValue>;
  bot: Record<string, VarValue>;
  system: Record<string, VarValue>;
}

export function evaluateExpression(expression: string, scope: ExpressionScope, values: ExpressionContext): VarValue {
  try {
    const result: unknown = expressionEnvironment(scope).evaluate(expression, {
      ...values.conversation,
      contact: values.contact,
      bot: values.bot,
      system: values.system,
    });
    return toVarValue(result);
  } catch (err) {
    throw new ExpressionError(`${expression}: ${explain(err)}`);
  }
}

/** CEL results as plain JSON: ints (bigint) become numbers, maps and lists are copied. */
function toVarValue(value: unknown): VarValue {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toVarValue);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toVarValue(v)]));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toVarValue(v)]));
  }
  // Only symbols and functions are left; CEL produces neither.
  return null;
}

function explain(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split('\n')[0] ?? message;
  const unknown = /^Unknown variable: (\w+)/.exec(first);
  if (unknown) return `"${unknown[1]}" is not a declared variable`;
  const key = /^No such key: (\w+)/.exec(first);
  if (key) return `"${key[1]}" is not a declared field of that scope`;
  return first;
}
