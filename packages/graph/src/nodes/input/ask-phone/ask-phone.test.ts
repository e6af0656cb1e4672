import { describe, expect, it } from 'vitest';
import { checkContextWith, flowOf, said, TestConversation } from '../../../testing.ts';
import { askPhone } from './index.ts';

const options = (extra: Record<string, unknown> = {}) =>
  askPhone.options.parse({ prompt: 'Your number?', variable: 'phone', ...extra });

function answer(text: string, extra: Record<string, unknown> = {}) {
  const c = new TestConversation(flowOf('ask_phone', options(extra)));
  c.say('hi');
  return { said: said(c.say(text)), phone: c.state.vars.phone };
}

describe('ask_phone', () => {
  it('checks the default country', () => {
    expect(options({ defaultCountry: 'ZA' }).defaultCountry).toBe('ZA');
    expect(
      askPhone.options.safeParse({ prompt: 'x', variable: 'p', defaultCountry: 'za' }).error?.issues[0]?.message,
    ).toBe('a country is a two-letter code in capitals, such as ZA or GB');
    expect(
      askPhone.options.safeParse({ prompt: 'x', variable: 'p', defaultCountry: 'XX' }).error?.issues[0]?.message,
    ).toMatch(/not known/);
  });

  it('saves numbers written locally in E.164, using the default country', () => {
    expect(answer('082 123 4567', { defaultCountry: 'ZA' })).toEqual({ said: ['left by next'], phone: '+27821234567' });
    expect(answer('my number is 0821234567', { defaultCountry: 'ZA' }).phone).toBe('+27821234567');
    expect(answer('+1 (415) 555-2671', { defaultCountry: 'ZA' }).phone).toBe('+14155552671');
  });

  it('needs the country code without a default country', () => {
    expect(answer('+27 82 123 4567').phone).toBe('+27821234567');
    expect(answer('082 123 4567')).toEqual({
      said: ['That does not look like a phone number. Please send it with the country code, e.g. +27 82 123 4567.'],
      phone: undefined,
    });
  });

  it('asks again for numbers that cannot exist', () => {
    expect(answer('123', { defaultCountry: 'ZA' })).toEqual({
      said: ['That does not look like a phone number. Please try again.'],
      phone: undefined,
    });
  });

  it('writes a string variable it may write', () => {
    expect(askPhone.writes?.(options())).toEqual([{ path: 'phone', type: 'string' }]);
    expect(askPhone.check?.(options(), checkContextWith())).toEqual([]);
  });
});
