import { describe, expect, it } from 'vitest';
import { checkContextWith, flowOf, said, TestConversation } from '../../../testing.ts';
import { askChoice } from './index.ts';

const three = [
  { id: 'book', title: 'Book a room' },
  { id: 'ask', title: 'Ask a question' },
  { id: 'human', title: 'Talk to a person' },
];
const five = [...three, { id: 'hours', title: 'Opening hours' }, { id: 'where', title: 'Where are you?' }];

const options = (extra: Record<string, unknown> = {}) =>
  askChoice.options.parse({ prompt: 'How can I help?', choices: three, variable: 'need', ...extra });

const conversation = (extra: Record<string, unknown> = {}) => {
  const o = options(extra);
  return new TestConversation(flowOf('ask_choice', o, [...o.choices.map((c) => c.id), 'invalid', 'timeout']));
};

describe('ask_choice', () => {
  it('applies defaults and rejects limits in plain words', () => {
    expect(options()).toMatchObject({ buttonLabel: 'Choose', maxAttempts: 3 });
    const parse = (extra: Record<string, unknown>) => askChoice.options.safeParse({ ...options(), ...extra });
    expect(parse({ choices: three.slice(0, 1) }).error?.issues[0]?.message).toBe('give at least two choices');
    expect(parse({ choices: [...five, ...five, three[0]] }).error?.issues[0]?.message).toMatch(/at most 10 choices/);
    expect(parse({ choices: [{ id: 'Book!', title: 'x' }, three[1]] }).error?.issues[0]?.message).toMatch(
      /short lower-case name/,
    );
    expect(parse({ buttonLabel: 'A label far too long to fit' }).error?.issues[0]?.message).toMatch(/at most 20/);
    expect(parse({ choices: [{ id: 'a', title: 'x'.repeat(25) }, three[1]] }).error?.issues[0]?.message).toBe(
      'a choice shows at most 24 characters (20 on buttons)',
    );
  });

  it('sends up to 3 choices as buttons', () => {
    const c = conversation();
    expect(c.say('hi').outputs).toEqual([{ kind: 'buttons', body: 'How can I help?', buttons: three }]);
  });

  it('sends more than 3 choices as a list', () => {
    const c = conversation({ choices: five, buttonLabel: 'Options' });
    expect(c.say('hi').outputs).toEqual([
      { kind: 'list', body: 'How can I help?', button: 'Options', sections: [{ rows: five }] },
    ]);
  });

  it('leaves through the port of the tapped button and saves its id', () => {
    const c = conversation();
    c.say('hi');
    expect(said(c.say('Ask a question', { type: 'interactive', optionId: 'ask' }))).toEqual(['left by ask']);
    expect(c.state.vars.need).toBe('ask');
  });

  it('accepts a typed title in any case, or the number of the choice', () => {
    const c = conversation({ choices: five });
    c.say('hi');
    expect(said(c.say('  opening HOURS '))).toEqual(['left by hours']);
    const d = conversation({ choices: five });
    d.say('hi');
    expect(said(d.say('5'))).toEqual(['left by where']);
    expect(d.state.vars.need).toBe('where');
  });

  it('shows the choices again with the retry prompt, then gives up through invalid', () => {
    const c = conversation({ maxAttempts: 2 });
    c.say('hi');
    expect(c.say('maybe').outputs).toEqual([
      { kind: 'buttons', body: 'Please tap one of the buttons.', buttons: three },
    ]);
    expect(said(c.say('4'))).toEqual(['left by invalid']);
  });

  it('may branch without saving', () => {
    const c = conversation({ variable: undefined });
    c.say('hi');
    expect(said(c.say('1'))).toEqual(['left by book']);
    expect(c.state.vars.need).toBeUndefined();
    expect(askChoice.writes?.(options({ variable: undefined }))).toEqual([]);
    expect(askChoice.writes?.(options())).toEqual([{ path: 'need', type: 'string' }]);
  });

  it('has a port per choice, then invalid and timeout', () => {
    expect(askChoice.ports(options({ timeoutSeconds: 600 }))).toEqual([
      { id: 'book', label: 'Book a room', required: false },
      { id: 'ask', label: 'Ask a question', required: false },
      { id: 'human', label: 'Talk to a person', required: false },
      { id: 'invalid', label: 'No valid answer', required: false },
      { id: 'timeout', label: 'No answer', required: false },
    ]);
  });

  it('reports ids and titles that do not tell choices apart, and button titles too long', () => {
    const ctx = checkContextWith();
    expect(askChoice.check?.(options(), ctx)).toEqual([]);
    const clashing = [
      { id: 'book', title: 'Book' },
      { id: 'book', title: 'BOOK' },
      { id: 'invalid', title: 'Twenty-one characters' },
    ];
    expect(askChoice.check?.(options({ choices: clashing }), ctx)).toEqual([
      { field: 'choices.1.id', message: 'two choices have the id "book"' },
      { field: 'choices.1.title', message: 'two choices are shown as "BOOK"' },
      { field: 'choices.2.id', message: '"invalid" is taken by the node\'s own way out' },
      {
        field: 'choices.2.title',
        message: 'up to 3 choices are sent as buttons, and a button title holds at most 20 characters',
      },
    ]);
    const longInList = [...five.slice(0, 3), { id: 'more', title: 'Twenty-one characters' }];
    expect(askChoice.check?.(options({ choices: longInList }), ctx)).toEqual([]);
  });
});
