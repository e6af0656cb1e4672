import { defineNodeType } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { errorPort, nextPort } from '../../option-fields.ts';
import { waitRuntime } from './runtime.ts';
import { waitOptions } from './schema.ts';

export const wait = defineNodeType({
  type: 'wait',
  family: 'logic',
  label: 'Wait',
  description: 'Pauses the bot for a while or until a time; messages that arrive meanwhile are answered after it.',
  options: waitOptions,
  // A moment read from a variable can turn out unreadable: that leaves through `error`.
  ports: (o) => [nextPort, ...(o.until === undefined ? [] : [errorPort])],
  waits: () => true,
  check: (o, ctx) => templateProblems(ctx, { until: o.until }),
  runtime: waitRuntime,
});
