import { describe, expect, it } from 'vitest';
import { checkExpression, evaluateExpression, ExpressionError, type ExpressionScope } from './expressions.ts';

const scope: ExpressionScope = {
  variables: [
    { name: 'age', scope: 'conversation', type: 'number' },
    { name: 'name', scope: 'conversation', type: 'string' },
    { name: 'city', scope: 'contact', type: 'string' },
  ],
  botFields: { open_hour: 8 },
};
const values = {
  conversation: { age: 20, name: 'Thandi' },
  contact: { city: 'Durban' },
  bot: { open_hour: 8 },
  system: { now: '2026-01-05T09:00:00.000Z', today: '2026-01-05', channel: 'whatsapp' },
};

describe('expressions (CEL)', () => {
  it('mixes our numbers with integer literals the way owners write them', () => {
    expect(evaluateExpression('age >= 18', scope, values)).toBe(true);
    expect(evaluateExpression('age + 1', scope, values)).toBe(21);
    expect(evaluateExpression('age == 20', scope, values)).toBe(true);
    expect(evaluateExpression('2 * age', scope, values)).toBe(40);
  });

  it('reads every scope and returns plain JSON', () => {
    expect(evaluateExpression('contact.city == "Durban" && bot.open_hour < 9', scope, values)).toBe(true);
    expect(evaluateExpression('name.startsWith("Th") ? "T" : "other"', scope, values)).toBe('T');
    expect(evaluateExpression('[1, 2, 3]', scope, values)).toEqual([1, 2, 3]);
    expect(evaluateExpression('system.today', scope, values)).toBe('2026-01-05');
  });

  it('explains undeclared variables and syntax errors before publishing', () => {
    expect(checkExpression('agee > 3', scope)).toBe('"agee" is not a declared variable');
    expect(checkExpression('contact.town == "x"', scope)).toBe('"town" is not a declared field of that scope');
    expect(checkExpression('age >', scope)).toMatch(/Unexpected/);
    expect(checkExpression('', scope)).toBe('the expression is empty');
    expect(checkExpression('age > 3', scope)).toBeNull();
  });

  it('throws an ExpressionError at runtime, naming the expression', () => {
    expect(() => evaluateExpression('name / 2', scope, values)).toThrow(ExpressionError);
    expect(() => evaluateExpression('name / 2', scope, values)).toThrow(/^name \/ 2: /);
  });
});
