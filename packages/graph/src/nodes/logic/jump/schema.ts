import { z } from 'zod';
import { nodeId } from '../../option-fields.ts';

export const jumpOptions = z.object({
  target: nodeId.meta({ title: 'Go to', description: 'The node to continue at, anywhere in the flow.' }),
});

export type JumpOptions = z.output<typeof jumpOptions>;
