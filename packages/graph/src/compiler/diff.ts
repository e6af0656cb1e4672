import type { BotDefinition } from '../definition.ts';
import { canonicalJson } from '../publish/canonical-json.ts';

export interface FieldChange {
  /** Dotted path inside the compared object (`buttons.1.title`). */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface NodeChange {
  nodeId: string;
  /** The node's type changed: its options are then listed whole. */
  type?: { before: string; after: string };
  options: FieldChange[];
  /** Exits whose arrow was added, removed or now leads elsewhere. */
  edges: FieldChange[];
}

export interface DefinitionDiff {
  entry: { before: string; after: string } | null;
  nodes: { added: string[]; removed: string[]; changed: NodeChange[] };
  variables: FieldChange[];
  settings: FieldChange[];
  /** True when nothing differs. */
  identical: boolean;
}

/** What changed from one bot version to another: nodes and options added, removed or changed. */
export function diffDefinitions(before: BotDefinition, after: BotDefinition): DefinitionDiff {
  const beforeIds = Object.keys(before.nodes);
  const afterIds = Object.keys(after.nodes);
  const added = afterIds.filter((id) => !(id in before.nodes)).sort();
  const removed = beforeIds.filter((id) => !(id in after.nodes)).sort();
  const changed: NodeChange[] = [];
  for (const id of afterIds.filter((i) => i in before.nodes).sort()) {
    const a = before.nodes[id];
    const b = after.nodes[id];
    if (!a || !b) continue;
    const change: NodeChange = {
      nodeId: id,
      options: diffValues(a.options, b.options),
      edges: diffValues(a.next, b.next),
      ...(a.type === b.type ? {} : { type: { before: a.type, after: b.type } }),
    };
    if (change.type || change.options.length > 0 || change.edges.length > 0) changed.push(change);
  }
  const variables = diffValues(keyed(before.variables ?? []), keyed(after.variables ?? []));
  const settings = diffValues(before.settings, after.settings);
  const entry = before.entry === after.entry ? null : { before: before.entry, after: after.entry };
  const identical =
    entry === null && added.length + removed.length + changed.length + variables.length + settings.length === 0;
  return { entry, nodes: { added, removed, changed }, variables, settings, identical };
}

function keyed(variables: { name: string; scope: string }[]): Record<string, unknown> {
  return Object.fromEntries(variables.map((v) => [`${v.scope === 'contact' ? 'contact.' : ''}${v.name}`, v]));
}

/** Leaf-level differences of two JSON values; arrays compare element by element. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const container = (v: unknown) => v !== null && typeof v === 'object';
  if (!container(before) || !container(after) || Array.isArray(before) !== Array.isArray(after)) {
    return [{ path, change: 'changed', before, after }];
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(naturalOrder);
  return keys.flatMap((key) => {
    const sub = path === '' ? key : `${path}.${key}`;
    if (!(key in a) || a[key] === undefined) return [{ path: sub, change: 'added' as const, after: b[key] }];
    if (!(key in b) || b[key] === undefined) return [{ path: sub, change: 'removed' as const, before: a[key] }];
    return diffValues(a[key], b[key], sub);
  });
}

function naturalOrder(x: string, y: string): number {
  return x.localeCompare(y, 'en', { numeric: true });
}
