import type { NodeRuntime } from '../../../node-runtime.ts';
import { displayValue } from '../../../variables.ts';
import { effectStep, effectValue, VARIABLE_REFERENCE } from '../../effect-step.ts';
import type { CheckAvailabilityOptions } from './schema.ts';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Looks the slot up in an iCal calendar: `available` when nothing clashes with it, `busy` otherwise. */
export const checkAvailabilityRuntime: NodeRuntime<CheckAvailabilityOptions> = {
  enter(ctx, options) {
    const start = (
      VARIABLE_REFERENCE.test(options.start) ? displayValue(ctx.get(options.start)) : ctx.interpolate(options.start)
    ).trim();
    if (!ISO_DATE_TIME.test(start)) throw new Error(`"${start}" is not a date and time such as 2026-01-05T14:30`);
    const input = {
      calendarUrl: ctx.interpolate(options.calendarUrl),
      start,
      durationMinutes: options.durationMinutes,
      timeoutSeconds: options.timeoutSeconds,
    };
    return effectStep('check_availability', input, options);
  },
  complete(ctx, { conflictsVariable }, result) {
    const { available, conflicts } = effectValue(result);
    if (typeof available !== 'boolean') throw new Error('the calendar check gave no answer');
    if (conflictsVariable) ctx.set(conflictsVariable, conflicts ?? []);
    return { kind: 'continue', port: available ? 'available' : 'busy' };
  },
};
