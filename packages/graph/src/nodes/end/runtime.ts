import type { NodeRuntime } from '../../node-runtime.ts';

export interface EndOptions {
  /** Recorded on the conversation and in analytics: goal_reached, lead_captured, booking_made, … */
  outcome: string;
}

export const end: NodeRuntime<EndOptions> = {
  enter(_ctx, { outcome }) {
    return { kind: 'end', outcome };
  },
};
