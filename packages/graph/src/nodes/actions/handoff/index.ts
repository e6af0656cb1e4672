import { defineNodeType } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { handoffRuntime } from './runtime.ts';
import { handoffOptions } from './schema.ts';

export const handoff = defineNodeType({
  type: 'handoff',
  family: 'actions',
  label: 'Hand over to a person',
  description: 'A person from your team takes the conversation over; the bot goes on when they hand it back.',
  options: handoffOptions,
  ports: () => [{ id: 'next', label: 'Handed back', required: false }],
  waits: () => true,
  check: (o, ctx) => templateProblems(ctx, { reason: o.reason, message: o.message }),
  runtime: handoffRuntime,
});
