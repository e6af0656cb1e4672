import { describe, expect, it } from 'vitest';
import { flowOf, said, TestConversation } from '../../testing.ts';

// The shared ask → validate → retry loop, driven through ask_email (the simplest parser).
const ask = (extra: Record<string, unknown> = {}) =>
  new TestConversation(flowOf('ask_email', { prompt: 'Your email?', variable: 'email', maxAttempts: 3, ...extra }));

describe('validated answers', () => {
  it('asks, then saves a valid answer and leaves through next', () => {
    const c = ask();
    expect(said(c.say('hi'))).toEqual(['Your email?']);
    expect(c.state.waitingAt).toBe('test');
    expect(said(c.say('Ann@Example.com'))).toEqual(['left by next']);
    expect(c.state.vars.email).toBe('ann@example.com');
  });

  it('says the retry prompt and waits again, then leaves through invalid after maxAttempts', () => {
    const c = ask({ retryPrompt: 'Hmm, {{missing}}try again' });
    c.say('hi');
    expect(said(c.say('no'))).toEqual(['Hmm, try again']);
    expect(c.state.memory).toEqual({ attempts: 1 });
    expect(said(c.say('still no'))).toEqual(['Hmm, try again']);
    expect(said(c.say('never'))).toEqual(['left by invalid']);
    expect(c.state.vars.email).toBeUndefined();
  });

  it('accepts a valid answer after invalid ones', () => {
    const c = ask();
    c.say('hi');
    c.say('no');
    expect(said(c.say('ann@example.com'))).toEqual(['left by next']);
  });

  it('leaves through invalid at the first bad answer when only one is allowed', () => {
    const c = ask({ maxAttempts: 1 });
    c.say('hi');
    expect(said(c.say('no'))).toEqual(['left by invalid']);
  });

  it('times out after each wait, the retry included', () => {
    const c = ask({ timeoutSeconds: 60 });
    c.say('hi');
    c.advance(30);
    c.say('no');
    expect(said(c.advance(59))).toEqual([]);
    expect(said(c.advance(1))).toEqual(['left by timeout']);
  });

  it('counts attempts afresh on every visit', () => {
    const c = ask({ maxAttempts: 2 });
    c.definition.nodes.after_invalid = { type: 'send_text', options: { text: 'once more' }, next: { next: 'test' } };
    c.say('hi');
    c.say('no');
    expect(said(c.say('no'))).toEqual(['once more', 'Your email?']);
    expect(said(c.say('no'))).toEqual([
      'That does not look like an email address. Please try again, e.g. name@example.com.',
    ]);
  });
});
