import { withBuiltins } from '../engine-context.ts';
import { checkExpression, type ExpressionScope } from '../expressions/expressions.ts';
import type { CheckContext } from '../node-type.ts';
import { placeholders } from '../template.ts';
import {
  SYSTEM_VARIABLES,
  VARIABLE_NAME,
  parseVariablePath,
  type VarValue,
  type VariableDecl,
  type VariableType,
} from '../variables.ts';
import type { BotGraph } from './graph.ts';
import { problem, type Problem } from './problems.ts';

export interface NodeWrite {
  nodeId: string;
  path: string;
  type: VariableType;
}

/** Declared variables, plus those nodes write (typed by the node), plus built-ins: what templates may refer to. */
export function resolveVariables(
  graph: BotGraph,
  writes: NodeWrite[],
): { variables: VariableDecl[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const declared = new Map<string, VariableDecl>();
  for (const [i, v] of graph.variables.entries()) {
    const field = `variables.${i}`;
    if (!VARIABLE_NAME.test(v.name)) {
      problems.push(
        problem('invalid_variable', null, field, `"${v.name}" is not a valid variable name: use letters, digits and _`),
      );
      continue;
    }
    const key = `${v.scope}:${v.name}`;
    if (declared.has(key)) {
      problems.push(problem('invalid_variable', null, field, `the variable "${v.name}" is declared twice`));
      continue;
    }
    if (v.default !== undefined && !fitsType(v.default, v.type)) {
      problems.push(
        problem('invalid_variable', null, `${field}.default`, `the default of "${v.name}" is not a ${v.type}`),
      );
    }
    declared.set(key, {
      name: v.name,
      scope: v.scope,
      type: v.type,
      ...(v.default === undefined ? {} : { default: v.default }),
    });
  }

  const inferred = new Map<string, VariableDecl>();
  for (const w of writes) {
    const parsed = parseVariablePath(w.path);
    if ('error' in parsed || parsed.scope === 'bot' || parsed.scope === 'system') continue;
    const key = `${parsed.scope}:${parsed.name}`;
    const known = declared.get(key) ?? inferred.get(key);
    if (known && known.type !== 'json' && w.type !== 'json' && known.type !== w.type) {
      const name = parsed.scope === 'contact' ? `contact.${parsed.name}` : parsed.name;
      problems.push(
        problem(
          'type_conflict',
          w.nodeId,
          null,
          `this node stores a ${w.type} in "${name}", which holds a ${known.type}`,
        ),
      );
      continue;
    }
    if (!known) inferred.set(key, { name: parsed.name, scope: parsed.scope, type: w.type });
  }
  return { variables: [...declared.values(), ...inferred.values()], problems };
}

function fitsType(value: VarValue, type: VariableType): boolean {
  if (type === 'json') return true;
  if (type === 'number') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string';
}

/** What a node type's check() may ask about the graph's variables and nodes. */
export function checkContext(graph: BotGraph, variables: VariableDecl[]): CheckContext {
  const all = withBuiltins(variables);
  const fields = graph.settings.fields ?? {};
  const scope: ExpressionScope = { variables: all, botFields: fields };
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const checkReadable = (path: string): string | null => {
    const parsed = parseVariablePath(path);
    if ('error' in parsed) return parsed.error;
    if (parsed.scope === 'bot') return parsed.name in fields ? null : `the bot has no field "${parsed.name}"`;
    if (parsed.scope === 'system') {
      return parsed.name in SYSTEM_VARIABLES
        ? null
        : `system.${parsed.name} does not exist (try system.now or system.today)`;
    }
    const found = all.some((v) => v.scope === parsed.scope && v.name === parsed.name);
    if (found) return null;
    const shown = parsed.scope === 'contact' ? `contact.${parsed.name}` : parsed.name;
    return `"${shown}" is never set: declare it, or set it in an earlier node`;
  };
  return {
    scope,
    nodeIds,
    checkExpression: (expression) => checkExpression(expression, scope),
    checkTemplate: (template) =>
      placeholders(template).flatMap((path) => {
        const why = checkReadable(path);
        return why === null ? [] : [`{{${path}}}: ${why}`];
      }),
    checkReadable,
    checkWritable: (path) => {
      const parsed = parseVariablePath(path);
      if ('error' in parsed) return parsed.error;
      if (parsed.scope === 'bot' || parsed.scope === 'system') return `${path} is read-only`;
      if (parsed.scope === 'contact' && parsed.name === 'phone') return "the contact's phone comes from WhatsApp";
      return null;
    },
  };
}
