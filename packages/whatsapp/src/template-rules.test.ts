import { describe, expect, it } from 'vitest';
import { bodyPlaceholderCount, templatePlaceholders, validateTemplateRequest } from './template-rules.ts';

const orderUpdate = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['12345'] } },
    {
      type: 'BODY',
      text: 'Hi {{1}}, your order {{2}} ships today.',
      example: { body_text: [['Ana', '12345']] },
    },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Thanks' },
        {
          type: 'URL',
          text: 'Track',
          url: 'https://example.com/track/{{1}}',
          example: ['https://example.com/track/1'],
        },
        { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001234' },
      ],
    },
  ],
};

const withBody = (text: string, example?: string[][]) => ({
  ...orderUpdate,
  components: [{ type: 'BODY', text, ...(example ? { example: { body_text: example } } : {}) }],
});

function problems(input: unknown): string[] {
  const result = validateTemplateRequest(input);
  return result.ok ? [] : result.problems;
}

describe('validateTemplateRequest', () => {
  it('takes a template Meta would take', () => {
    expect(validateTemplateRequest(orderUpdate)).toMatchObject({ ok: true, template: { name: 'order_update' } });
    expect(problems(withBody('Your table is ready.'))).toEqual([]);
  });

  it('wants names in lower case, digits and underscores, and a language code', () => {
    expect(problems({ ...orderUpdate, name: 'Order-Update' })).toEqual([
      'name: a template name holds only lower-case letters, digits and underscores, e.g. order_update',
    ]);
    expect(problems({ ...orderUpdate, language: 'English' })).toEqual([
      'language: a language is a code such as en, en_US or pt_BR',
    ]);
    expect(problems({ ...orderUpdate, category: 'AUTHENTICATION' })[0]).toMatch(/^category: the category is MARKETING/);
  });

  it('wants placeholders numbered from {{1}} without gaps, and never a named one', () => {
    expect(problems(withBody('Hi {{1}}, see you {{3}}.', [['a', 'b']]))).toEqual([
      'components.0.text: placeholders in the body are numbered {{1}} to {{2}}, each used once, without gaps',
    ]);
    expect(problems(withBody('Hi {{name}}, welcome.'))).toEqual([
      'components.0.text: placeholders are numbered like {{1}}: "{{name}}" is not one',
    ]);
  });

  it('wants one example value per placeholder', () => {
    expect(problems(withBody('Hi {{1}}, order {{2}} ships.', [['Ana']]))).toEqual([
      'components.0.example.body_text: the body has 2 placeholders but 1 example value is given: give one example per placeholder',
    ]);
    expect(problems(withBody('Hi {{1}}, welcome.'))).toEqual([
      'components.0.example.body_text: the body has 1 placeholder but 0 example values are given: give one example per placeholder',
    ]);
    expect(problems(withBody('Welcome.', [['x']]))).toEqual([
      'components.0.example.body_text: the body has no placeholders: leave the example out',
    ]);
  });

  it('refuses a body that starts or ends with a placeholder', () => {
    expect(problems(withBody('{{1}}, welcome.', [['Ana']]))).toEqual([
      'components.0.text: the body may not start or end with a placeholder: put some words before and after it',
    ]);
    expect(problems(withBody('Welcome {{1}}', [['Ana']]))).toHaveLength(1);
  });

  it('checks components: one body, limits, footers and buttons', () => {
    expect(problems({ ...orderUpdate, components: [{ type: 'FOOTER', text: 'bye' }] })).toEqual([
      'components: a template needs a BODY component with its text',
    ]);
    expect(problems({ ...orderUpdate, components: [{ type: 'BODY', text: 'x'.repeat(1025) }] })).toEqual([
      'components.0.text: the body holds at most 1024 characters',
    ]);
    expect(
      problems({
        ...orderUpdate,
        components: [
          { type: 'BODY', text: 'Hi.' },
          { type: 'BODY', text: 'Ho.' },
        ],
      }),
    ).toEqual(['components: a template has at most one BODY component']);
    expect(
      problems({
        ...orderUpdate,
        components: [
          { type: 'BODY', text: 'Hi.' },
          { type: 'FOOTER', text: 'Bye {{1}}' },
        ],
      }),
    ).toEqual(['components.1.text: a footer may not hold placeholders']);
    expect(problems({ ...orderUpdate, components: [{ type: 'GREETING', text: 'x' }] })).toEqual([
      'components.0.type: a component type is HEADER, BODY, FOOTER or BUTTONS',
    ]);
    const urlInMiddle = {
      type: 'BUTTONS',
      buttons: [{ type: 'URL', text: 'Go', url: 'https://example.com/{{1}}/x', example: ['https://example.com/1/x'] }],
    };
    expect(problems({ ...orderUpdate, components: [{ type: 'BODY', text: 'Hi.' }, urlInMiddle] })).toEqual([
      'components.1.buttons.0.url: a URL may hold one placeholder, {{1}}, at its end',
    ]);
  });

  it('wants a sample file for a media header', () => {
    expect(
      problems({
        ...orderUpdate,
        components: [
          { type: 'HEADER', format: 'IMAGE' },
          { type: 'BODY', text: 'Hi.' },
        ],
      }),
    ).toEqual([
      'components.0.example.header_handle: an IMAGE header needs an example: the handle of a sample file uploaded to Meta',
    ]);
  });
});

describe('placeholders', () => {
  it('counts the body parameters a send must give', () => {
    expect(bodyPlaceholderCount(orderUpdate.components)).toBe(2);
    expect(bodyPlaceholderCount([{ type: 'HEADER', text: '{{1}}' }])).toBe(0);
    expect(templatePlaceholders('{{1}} and {{ 2 }}')).toEqual({ numbers: [1], malformed: ['{{ 2 }}'] });
  });
});
