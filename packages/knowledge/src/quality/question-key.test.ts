import { describe, expect, it } from 'vitest';
import { questionKey } from './question-key.ts';

describe('questionKey', () => {
  it('counts the same question in other case, punctuation or accents once', () => {
    expect(questionKey('  Do you open on SUNDAYS?! ')).toBe(questionKey('do you open on sundays'));
    expect(questionKey('Vocês abrem no domingo?')).toBe('voces abrem no domingo');
  });

  it('keeps questions that differ in words apart', () => {
    expect(questionKey('Do you open on Sundays?')).not.toBe(questionKey('Do you open on Mondays?'));
  });
});
