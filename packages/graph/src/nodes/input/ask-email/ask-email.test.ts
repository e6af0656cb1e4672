import { describe, expect, it } from 'vitest';
import { checkContextWith, flowOf, said, TestConversation } from '../../../testing.ts';
import { askEmail } from './index.ts';
import { parseEmail } from './parse-email.ts';

const options = (extra: Record<string, unknown> = {}) =>
  askEmail.options.parse({ prompt: 'Your email?', variable: 'contact.email', ...extra });

describe('parseEmail', () => {
  it.each([
    ['ann@example.com', 'ann@example.com'],
    ['  Ann.Lee+bot@Mail.Example.CO.ZA ', 'ann.lee+bot@mail.example.co.za'],
    ['it is <ann@example.com>.', 'ann@example.com'],
    ['mailto:ann@example.com', 'ann@example.com'],
  ])('reads %j as %j', (text, email) => expect(parseEmail(text)).toBe(email));

  it.each([
    'ann',
    'ann@example',
    'ann@@example.com',
    'ann@example.c',
    '.ann@example.com',
    'a..b@example.com',
    'ann@-x.com',
    'a@b.com or c@d.com',
  ])('rejects %j', (text) => expect(parseEmail(text)).toBeNull());
});

describe('ask_email', () => {
  it('applies defaults', () => {
    expect(options()).toMatchObject({ maxAttempts: 3 });
    expect(askEmail.options.safeParse({ prompt: 'x', variable: 'bot.email' }).success).toBe(false);
  });

  it('saves the address lower-cased in the contact profile', () => {
    const c = new TestConversation(flowOf('ask_email', options()));
    expect(said(c.say('hi'))).toEqual(['Your email?']);
    expect(said(c.say('nope'))).toEqual([
      'That does not look like an email address. Please try again, e.g. name@example.com.',
    ]);
    const r = c.say('My email is ANN@example.com');
    expect(said(r)).toEqual(['left by next']);
    expect(r.profileChanges).toEqual({ email: 'ann@example.com' });
  });

  it('writes a string and checks its templates', () => {
    expect(askEmail.writes?.(options())).toEqual([{ path: 'contact.email', type: 'string' }]);
    expect(askEmail.check?.(options({ prompt: 'Email, {{name}}?' }), checkContextWith(['name']))).toEqual([]);
    expect(askEmail.check?.(options({ prompt: 'Email, {{name}}?' }), checkContextWith())).toEqual([
      { field: 'prompt', message: '{{name}}: "name" is never set: declare it, or set it in an earlier node' },
    ]);
  });
});
