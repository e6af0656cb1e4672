import { z } from 'zod';

/** Meta's review states of a message template; only APPROVED templates can be sent. */
export type TemplateStatus =
  'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED' | 'IN_APPEAL' | 'PENDING_DELETION' | 'LIMIT_EXCEEDED';

export const TEMPLATE_LIMITS = {
  name: 512,
  headerText: 60,
  bodyText: 1024,
  footerText: 60,
  buttons: 10,
  urlButtons: 2,
  phoneButtons: 1,
  buttonText: 25,
  url: 2000,
  phoneNumber: 20,
} as const;

const nonEmpty = z.string().min(1, 'must not be empty');
const examples = (what: string) => z.array(nonEmpty, `${what} is a list of example values`);

const header = z.object({
  type: z.literal('HEADER'),
  format: z.enum(
    ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'],
    'a header format is TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION',
  ),
  text: z
    .string()
    .max(TEMPLATE_LIMITS.headerText, `a header holds at most ${TEMPLATE_LIMITS.headerText} characters`)
    .optional(),
  example: z
    .object({ header_text: examples('header_text').optional(), header_handle: examples('header_handle').optional() })
    .optional(),
});

const body = z.object({
  type: z.literal('BODY'),
  text: nonEmpty.max(TEMPLATE_LIMITS.bodyText, `the body holds at most ${TEMPLATE_LIMITS.bodyText} characters`),
  example: z
    .object({ body_text: z.array(examples('each entry of body_text'), 'body_text is a list of lists of values') })
    .optional(),
});

const footer = z.object({
  type: z.literal('FOOTER'),
  text: nonEmpty.max(TEMPLATE_LIMITS.footerText, `a footer holds at most ${TEMPLATE_LIMITS.footerText} characters`),
});

const buttonText = nonEmpty.max(
  TEMPLATE_LIMITS.buttonText,
  `a button's text holds at most ${TEMPLATE_LIMITS.buttonText} characters`,
);
const button = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('QUICK_REPLY'), text: buttonText }),
    z.object({
      type: z.literal('URL'),
      text: buttonText,
      url: z.url({ protocol: /^https?$/, error: 'a URL button needs an http(s) address' }).max(TEMPLATE_LIMITS.url),
      example: examples('a URL button example').optional(),
    }),
    z.object({
      type: z.literal('PHONE_NUMBER'),
      text: buttonText,
      phone_number: z
        .string()
        .regex(/^\+?\d{4,19}$/, 'a phone number button needs the number with its country code, e.g. +15550001234'),
    }),
  ],
  { error: 'a button type is QUICK_REPLY, URL or PHONE_NUMBER' },
);

const buttons = z.object({
  type: z.literal('BUTTONS'),
  buttons: z
    .array(button)
    .min(1, 'give at least one button, or leave the BUTTONS component out')
    .max(TEMPLATE_LIMITS.buttons, `a template has at most ${TEMPLATE_LIMITS.buttons} buttons`),
});

const component = z.discriminatedUnion('type', [header, body, footer, buttons], {
  error: 'a component type is HEADER, BODY, FOOTER or BUTTONS',
});

export type TemplateComponentDefinition = z.output<typeof component>;

/** Body of `POST /<version>/<WABA-id>/message_templates`, checked the way Meta's review tooling checks it. */
export const templateCreateRequest = z
  .object({
    name: z
      .string()
      .min(1, 'give the template a name')
      .max(TEMPLATE_LIMITS.name, `a template name holds at most ${TEMPLATE_LIMITS.name} characters`)
      .regex(
        /^[a-z0-9_]+$/,
        'a template name holds only lower-case letters, digits and underscores, e.g. order_update',
      ),
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language is a code such as en, en_US or pt_BR'),
    category: z.enum(
      ['MARKETING', 'UTILITY'],
      'the category is MARKETING or UTILITY (authentication templates are not supported)',
    ),
    components: z.array(component, 'components is a list of HEADER, BODY, FOOTER and BUTTONS').min(1),
    allow_category_change: z.boolean().optional(),
  })
  .superRefine((template, ctx) => {
    for (const problem of templateProblems(template.components)) ctx.addIssue({ code: 'custom', ...problem });
  });

export type TemplateCreateRequest = z.output<typeof templateCreateRequest>;

/** A template as Meta lists it. */
export interface MessageTemplate {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: string;
  components: TemplateComponentDefinition[];
  rejected_reason?: string;
}

export type TemplateValidation = { ok: true; template: TemplateCreateRequest } | { ok: false; problems: string[] };

export function validateTemplateRequest(input: unknown): TemplateValidation {
  const parsed = templateCreateRequest.safeParse(input ?? {});
  if (parsed.success) return { ok: true, template: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'body'}: ${i.message}`),
  };
}

/** How many `{{n}}` placeholders the body has: the number of body parameters a send must give. */
export function bodyPlaceholderCount(components: readonly { type: string; text?: string }[]): number {
  const text = components.find((c) => c.type === 'BODY')?.text;
  return text === undefined ? 0 : templatePlaceholders(text).numbers.length;
}

const PLACEHOLDER = /\{\{(.*?)\}\}/g;

export function templatePlaceholders(text: string): { numbers: number[]; malformed: string[] } {
  const numbers: number[] = [];
  const malformed: string[] = [];
  for (const [whole, inner] of text.matchAll(PLACEHOLDER)) {
    if (/^[1-9]\d*$/.test(inner ?? '')) numbers.push(Number(inner));
    else malformed.push(whole);
  }
  return { numbers, malformed };
}

interface Problem {
  path: (string | number)[];
  message: string;
}

function templateProblems(components: TemplateComponentDefinition[]): Problem[] {
  const problems: Problem[] = [];
  for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const) {
    const count = components.filter((c) => c.type === type).length;
    if (count > 1) problems.push({ path: ['components'], message: `a template has at most one ${type} component` });
  }
  if (!components.some((c) => c.type === 'BODY'))
    problems.push({ path: ['components'], message: 'a template needs a BODY component with its text' });

  components.forEach((c, i) => {
    const at = (...rest: (string | number)[]) => ['components', i, ...rest];
    if (c.type === 'HEADER') problems.push(...headerProblems(c, at));
    if (c.type === 'BODY') {
      const given = c.example?.body_text?.[0];
      problems.push(...textProblems(c.text, 'the body', given, at('text'), at('example', 'body_text')));
      if (/^\s*\{\{[^}]*\}\}/.test(c.text) || /\{\{[^}]*\}\}\s*$/.test(c.text))
        problems.push({
          path: at('text'),
          message: 'the body may not start or end with a placeholder: put some words before and after it',
        });
    }
    if (c.type === 'FOOTER' && /\{\{.*?\}\}/.test(c.text))
      problems.push({ path: at('text'), message: 'a footer may not hold placeholders' });
    if (c.type === 'BUTTONS') problems.push(...buttonProblems(c, at));
  });
  return problems;
}

function headerProblems(c: z.output<typeof header>, at: (...rest: (string | number)[]) => (string | number)[]) {
  const problems: Problem[] = [];
  if (c.format === 'TEXT') {
    if (!c.text) return [{ path: at('text'), message: 'a TEXT header needs its text' }];
    if (templatePlaceholders(c.text).numbers.length > 1)
      problems.push({ path: at('text'), message: 'a header holds at most one placeholder, {{1}}' });
    problems.push(
      ...textProblems(c.text, 'the header', c.example?.header_text, at('text'), at('example', 'header_text')),
    );
  } else if (c.format !== 'LOCATION' && !c.example?.header_handle?.length) {
    problems.push({
      path: at('example', 'header_handle'),
      message: `${c.format === 'IMAGE' ? 'an' : 'a'} ${c.format} header needs an example: the handle of a sample file uploaded to Meta`,
    });
  }
  return problems;
}

function buttonProblems(c: z.output<typeof buttons>, at: (...rest: (string | number)[]) => (string | number)[]) {
  const problems: Problem[] = [];
  const urls = c.buttons.filter((b) => b.type === 'URL').length;
  if (urls > TEMPLATE_LIMITS.urlButtons)
    problems.push({ path: at('buttons'), message: `a template has at most ${TEMPLATE_LIMITS.urlButtons} URL buttons` });
  if (c.buttons.filter((b) => b.type === 'PHONE_NUMBER').length > TEMPLATE_LIMITS.phoneButtons)
    problems.push({ path: at('buttons'), message: 'a template has at most one phone number button' });
  c.buttons.forEach((b, j) => {
    if (b.type !== 'URL') return;
    const found = templatePlaceholders(b.url);
    if (found.numbers.length === 0 && found.malformed.length === 0) return;
    if (found.numbers.length !== 1 || found.numbers[0] !== 1 || found.malformed.length > 0 || !b.url.endsWith('}}'))
      problems.push({ path: at('buttons', j, 'url'), message: 'a URL may hold one placeholder, {{1}}, at its end' });
    else if (b.example?.length !== 1)
      problems.push({ path: at('buttons', j, 'example'), message: 'give one example of the full URL' });
  });
  return problems;
}

/** Placeholders numbered {{1}}…{{n}} once each, and exactly one example value per placeholder. */
function textProblems(
  text: string,
  what: string,
  given: string[] | undefined,
  textPath: (string | number)[],
  examplePath: (string | number)[],
): Problem[] {
  const { numbers, malformed } = templatePlaceholders(text);
  if (malformed.length > 0)
    return [
      {
        path: textPath,
        message: `placeholders are numbered like {{1}}: ${malformed.map((m) => `"${m}"`).join(', ')} is not one`,
      },
    ];
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.some((n, i) => n !== i + 1))
    return [
      {
        path: textPath,
        message: `placeholders in ${what} are numbered {{1}} to {{${numbers.length}}}, each used once, without gaps`,
      },
    ];
  const count = given?.length ?? 0;
  if (numbers.length === count) return [];
  if (numbers.length === 0)
    return [{ path: examplePath, message: `${what} has no placeholders: leave the example out` }];
  return [
    {
      path: examplePath,
      message: `${what} has ${numbers.length} placeholder${numbers.length === 1 ? '' : 's'} but ${count} example value${count === 1 ? ' is' : 's are'} given: give one example per placeholder`,
    },
  ];
}
