import { defineNodeType } from '../../../node-type.ts';
import { readableProblem, templateProblems, writableProblem } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { VARIABLE_REFERENCE } from '../../effect-step.ts';
import { checkAvailabilityRuntime } from './runtime.ts';
import { checkAvailabilityOptions } from './schema.ts';

export const checkAvailability = defineNodeType({
  type: 'check_availability',
  family: 'actions',
  label: 'Check availability',
  description: 'Looks in your calendar (iCal) whether a time slot is free.',
  options: checkAvailabilityOptions,
  ports: () => [
    { id: 'available', label: 'Free', required: false },
    { id: 'busy', label: 'Taken', required: false },
    errorPort,
  ],
  waits: () => false,
  writes: (o) => (o.conflictsVariable ? [{ path: o.conflictsVariable, type: 'json' }] : []),
  check: (o, ctx) => [
    ...templateProblems(ctx, { calendarUrl: o.calendarUrl }),
    ...(VARIABLE_REFERENCE.test(o.start)
      ? readableProblem(ctx, 'start', o.start)
      : templateProblems(ctx, { start: o.start })),
    ...(o.conflictsVariable ? writableProblem(ctx, 'conflictsVariable', o.conflictsVariable) : []),
  ],
  runtime: checkAvailabilityRuntime,
});
