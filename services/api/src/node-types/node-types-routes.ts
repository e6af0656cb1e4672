import { Router } from 'express';
import { z } from 'zod';
import { NODE_CATALOGUE, type NodeType } from '@botflow/graph/catalogue';

/** What the editor needs to draw a node type's palette entry, its options form and its default exits. */
export interface NodeTypeDescription {
  type: string;
  family: NodeType['family'];
  label: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the options as the owner fills them in: titles, defaults, limits. */
  optionsSchema: unknown;
  /** The exits of a node with default options; exits that depend on options (buttons, cases) follow them. */
  defaultPorts: { id: string; label: string; required: boolean }[] | null;
}

function describe(t: NodeType): NodeTypeDescription {
  const defaults = t.options.safeParse({});
  return {
    type: t.type,
    family: t.family,
    label: t.label,
    description: t.description,
    optionsSchema: z.toJSONSchema(t.options, { io: 'input', unrepresentable: 'any' }),
    defaultPorts: defaults.success ? t.ports(defaults.data) : null,
  };
}

/** `GET /api/node-types`: the node catalogue, public (it holds no tenant data), cached by clients for an hour. */
export function nodeTypesRoutes(): Router {
  const router = Router();
  const body = JSON.stringify({ nodeTypes: NODE_CATALOGUE.map(describe) });
  router.get('/api/node-types', (_req, res) => {
    res.set('cache-control', 'public, max-age=3600').type('application/json').send(body);
  });
  return router;
}
