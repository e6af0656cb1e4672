import { z } from 'zod';
import type { VarValue } from '../variables.ts';

/** What the editor saves as a bot's draft: nodes with their options and canvas positions, edges between ports. */
export interface BotGraph {
  entry: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
  variables: GraphVariable[];
  settings: GraphSettings;
}

export interface GraphNode {
  id: string;
  type: string;
  options: Record<string, unknown>;
  /** Canvas placement and an optional caption: the editor's, ignored by the compiler. */
  position?: { x: number; y: number };
  label?: string;
}

export interface GraphEdge {
  from: string;
  port: string;
  to: string;
}

export interface GraphVariable {
  name: string;
  scope: 'conversation' | 'contact';
  type: 'string' | 'number' | 'boolean' | 'json';
  default?: VarValue;
}

export interface GraphSettings {
  sessionTimeoutSeconds?: number;
  debounceMs?: number;
  fields?: Record<string, string | number | boolean>;
  humanKeywords?: string[];
  humanKeywordReply?: string;
}

const id = z.string().min(1, 'an id cannot be empty').max(64, 'an id holds at most 64 characters');
const varValue: z.ZodType<VarValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(varValue), z.record(z.string(), varValue)]),
);

/** The shape of a draft graph; what the nodes' options mean is checked by validateGraph. */
export const botGraphSchema = z.object({
  entry: id.nullable().default(null),
  nodes: z
    .array(
      z.object({
        id,
        type: z.string().min(1, 'every node needs a type'),
        options: z.record(z.string(), z.unknown()).default({}),
        position: z.object({ x: z.number(), y: z.number() }).optional(),
        label: z.string().max(100).optional(),
      }),
    )
    .max(2000, 'a bot can have at most 2000 nodes'),
  edges: z.array(z.object({ from: id, port: z.string().min(1), to: id })).max(10000),
  variables: z
    .array(
      z.object({
        name: z.string().min(1),
        scope: z.enum(['conversation', 'contact']).default('conversation'),
        type: z.enum(['string', 'number', 'boolean', 'json']).default('string'),
        default: varValue.optional(),
      }),
    )
    .max(500)
    .default([]),
  settings: z
    .object({
      sessionTimeoutSeconds: z
        .number()
        .int()
        .min(60, 'a session lasts at least a minute')
        .max(30 * 86400, 'a session lasts at most 30 days')
        .optional(),
      debounceMs: z.number().int().min(0).max(30_000, 'a burst window is at most 30 seconds').optional(),
      fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      humanKeywords: z
        .array(
          z
            .string()
            .trim()
            .min(1, { message: 'a human keyword cannot be empty', abort: true })
            .max(50, 'a human keyword holds at most 50 characters')
            .regex(/[\p{L}\p{N}]/u, 'a human keyword needs a letter or a digit'),
        )
        .max(30, 'at most 30 human keywords')
        .optional(),
      humanKeywordReply: z.string().max(4096, 'a WhatsApp text holds at most 4096 characters').optional(),
    })
    .default({}),
}) satisfies z.ZodType<BotGraph, unknown>;

export const EMPTY_GRAPH: BotGraph = { entry: null, nodes: [], edges: [], variables: [], settings: {} };
