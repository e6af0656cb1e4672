import type { z } from 'zod';
import type { ExpressionScope } from './expressions/expressions.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { VariableType } from './variables.ts';

export interface VariableWrite {
  path: string;
  type: VariableType;
}

export type NodeFamily = 'whatsapp' | 'input' | 'ai' | 'actions' | 'logic' | 'data';

export interface PortSpec {
  id: string;
  /** How the editor labels the port. */
  label: string;
  /** A required port must be connected; an optional one left open ends the conversation (`completed`). */
  required: boolean;
}

/** A problem with one option of one node, in words an owner understands. */
export interface OptionProblem {
  /** Dotted path of the option (`buttons.2.title`), or '' for the node as a whole. */
  field: string;
  message: string;
}

export interface CheckContext {
  scope: ExpressionScope;
  /** Ids of every node in the graph: for options that name another node (jump, sub-flow). */
  nodeIds: ReadonlySet<string>;
  /** null when the CEL expression is fine, else why not. */
  checkExpression(expression: string): string | null;
  /** One sentence per `{{…}}` in the template that names no declared variable. */
  checkTemplate(template: string): string[];
  /** null when the path names a variable that exists (declared, written by a node, bot field or system), else why. */
  checkReadable(path: string): string | null;
  /** null when the path names a variable the node may write (conversation or contact scope), else why not. */
  checkWritable(path: string): string | null;
}

/** Everything about one node type: options schema, editor metadata, ports, extra checks and runtime behaviour. */
export interface NodeType<Schema extends z.ZodType = z.ZodType> {
  type: string;
  family: NodeFamily;
  label: string;
  description: string;
  /** Options with defaults and limits; the editor draws its form from this schema's JSON Schema. */
  options: Schema;
  /** Ports the node leaves through, given its options (e.g. one per reply button). */
  ports(options: z.output<Schema>): PortSpec[];
  /** True when the node waits for the customer (or a timer): a loop through such a node is not an endless loop. */
  waits(options: z.output<Schema>): boolean;
  /** Variables the node writes (an ask node's answer, a set-variable): they count as declared, with this type. */
  writes?(options: z.output<Schema>): VariableWrite[];
  /** Nodes reached without an edge (jump target, sub-flow entry): reachability counts them. */
  targets?(options: z.output<Schema>): string[];
  /** Checks beyond the schema: expressions, variables, cross-field rules. */
  check?(options: z.output<Schema>, ctx: CheckContext): OptionProblem[];
  runtime: NodeRuntime<z.output<Schema>>;
}

/** Lets each node folder declare its type with full inference of its options. */
export function defineNodeType<Schema extends z.ZodType>(nodeType: NodeType<Schema>): NodeType<Schema> {
  return nodeType;
}
