import { describe, expect, it } from 'vitest';
import { humanKeywordIn } from './human-request.ts';

describe('humanKeywordIn', () => {
  const keywords = ['agent', 'human', 'real person'];

  it('finds a keyword as a whole word, whatever the case and punctuation', () => {
    expect(humanKeywordIn('Agent please!', keywords)).toBe('agent');
    expect(humanKeywordIn('can I talk to a HUMAN?', keywords)).toBe('human');
    expect(humanKeywordIn('a real   person, now', keywords)).toBe('real person');
  });

  it('does not match inside other words or words apart', () => {
    expect(humanKeywordIn('our agents', keywords)).toBeNull();
    expect(humanKeywordIn('reagent', keywords)).toBeNull();
    expect(humanKeywordIn('a real nice person', keywords)).toBeNull();
  });

  it('matches nothing without keywords or text', () => {
    expect(humanKeywordIn('agent', undefined)).toBeNull();
    expect(humanKeywordIn('agent', [])).toBeNull();
    expect(humanKeywordIn('', keywords)).toBeNull();
    expect(humanKeywordIn('agent', ['  ', '!'])).toBeNull();
  });

  it('matches letters of other scripts too', () => {
    expect(humanKeywordIn('Ek soek n mens asseblief', ['mens'])).toBe('mens');
    expect(humanKeywordIn('Hablar con un agénte', ['agénte'])).toBe('agénte');
  });
});
