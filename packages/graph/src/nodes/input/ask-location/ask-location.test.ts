import { describe, expect, it } from 'vitest';
import { checkContextWith, flowOf, said, TestConversation } from '../../../testing.ts';
import { askLocation } from './index.ts';

const options = (extra: Record<string, unknown> = {}) =>
  askLocation.options.parse({ prompt: 'Where should we deliver?', variable: 'drop_off', ...extra });

describe('ask_location', () => {
  it('applies defaults and keeps the prompt within an interactive body', () => {
    expect(options()).toMatchObject({ maxAttempts: 3 });
    expect(askLocation.options.safeParse({ ...options(), prompt: 'x'.repeat(1025) }).error?.issues[0]?.message).toMatch(
      /at most 1024 characters/,
    );
  });

  it('asks with a location request and saves the shared location', () => {
    const c = new TestConversation(flowOf('ask_location', options()));
    expect(c.say('hi').outputs).toEqual([{ kind: 'location_request', body: 'Where should we deliver?' }]);
    const location = { latitude: -29.85, longitude: 31.02, name: 'Home', address: '1 Beach Rd' };
    expect(said(c.say('', { type: 'location', location }))).toEqual(['left by next']);
    expect(c.state.vars.drop_off).toEqual(location);
  });

  it('saves only the fields the location has', () => {
    const c = new TestConversation(flowOf('ask_location', options()));
    c.say('hi');
    c.say('', { type: 'location', location: { latitude: 1.5, longitude: 2.5 } });
    expect(c.state.vars.drop_off).toEqual({ latitude: 1.5, longitude: 2.5 });
  });

  it('asks again with the request when the customer types instead', () => {
    const c = new TestConversation(flowOf('ask_location', options()));
    c.say('hi');
    expect(c.say('12 Main Street').outputs).toEqual([
      { kind: 'location_request', body: 'Please share a location with the button below.' },
    ]);
  });

  it('writes a json variable', () => {
    expect(askLocation.writes?.(options())).toEqual([{ path: 'drop_off', type: 'json' }]);
    expect(askLocation.check?.(options(), checkContextWith())).toEqual([]);
  });
});
