import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  bodyPlaceholderCount,
  type MessageTemplate,
  type SendRequest,
  type TemplateComponentDefinition,
  type TemplateCreateRequest,
  type TemplateStatus,
} from '@botflow/whatsapp';

/** `EMULATOR_APPROVED_TEMPLATES`: `name:language` pairs, comma-separated. */
export const approvedTemplatesEnv = z
  .string()
  .regex(
    /^\s*([a-z0-9_]+:[a-zA-Z_]+\s*(,\s*[a-z0-9_]+:[a-zA-Z_]+\s*)*)?$/,
    'expected name:language pairs, e.g. hello_world:en_US,order_update:pt_BR (empty: none)',
  )
  .transform((s) =>
    s.trim() === ''
      ? []
      : s.split(',').map((pair) => {
          const [name = '', language = ''] = pair.trim().split(':');
          return { name, language };
        }),
  );

/** Meta's codes for a template send that cannot go out as asked. */
export const TEMPLATE_SEND_ERROR = {
  PARAMETER_COUNT: { code: 132000, title: 'Number of parameters does not match the expected number of params' },
  NOT_FOUND: { code: 132001, title: 'Template name does not exist in the translation' },
  PAUSED: { code: 132015, title: 'Template is Paused' },
  DISABLED: { code: 132016, title: 'Template is disabled' },
} as const;

export interface TemplateSendError {
  code: number;
  message: string;
  details: string;
}

interface StoredTemplate {
  id: string;
  /** Undefined for the templates every account has. */
  wabaId: string | undefined;
  name: string;
  language: string;
  category: string;
  components: TemplateComponentDefinition[];
  createdAt: number;
  /** Decided by a test or a person; otherwise PENDING until the approval delay has passed, then APPROVED. */
  review?: { status: TemplateStatus; reason?: string };
}

export interface TemplateStoreOptions {
  templateApprovalMs: number;
  approvedTemplates: { name: string; language: string }[];
}

/** Message templates per business account, reviewed by the clock (or by a test). */
export class TemplateStore {
  private readonly templates: StoredTemplate[] = [];
  private readonly options: TemplateStoreOptions;

  constructor(options: TemplateStoreOptions) {
    this.options = options;
    this.reset();
  }

  list(wabaId: string): MessageTemplate[] {
    return this.templates.filter((t) => t.wabaId === undefined || t.wabaId === wabaId).map((t) => this.view(t));
  }

  /** Every template with its account, for the control API. */
  all(): (MessageTemplate & { wabaId: string | null })[] {
    return this.templates.map((t) => ({ wabaId: t.wabaId ?? null, ...this.view(t) }));
  }

  /** Undefined when the account already has this name in this language (Meta refuses a second one). */
  create(wabaId: string, request: TemplateCreateRequest): MessageTemplate | undefined {
    if (this.find(wabaId, request.name, request.language)) return undefined;
    const template: StoredTemplate = {
      id: newTemplateId(),
      wabaId,
      name: request.name,
      language: request.language,
      category: request.category,
      components: request.components,
      createdAt: Date.now(),
    };
    this.templates.push(template);
    return this.view(template);
  }

  /** Sets the review outcome of the matching templates (all languages unless one is given); returns them. */
  review(
    match: { name: string; language?: string; wabaId?: string },
    status: TemplateStatus,
    reason?: string,
  ): MessageTemplate[] {
    const found = this.templates.filter(
      (t) =>
        t.name === match.name &&
        (match.language === undefined || t.language === match.language) &&
        (match.wabaId === undefined || t.wabaId === undefined || t.wabaId === match.wabaId),
    );
    for (const t of found) t.review = { status, ...(reason === undefined ? {} : { reason }) };
    return found.map((t) => this.view(t));
  }

  /** Why Meta would refuse this template send, or undefined when it may go out. */
  checkSend(wabaId: string, request: SendRequest): TemplateSendError | undefined {
    if (request.type !== 'template') return undefined;
    const { name, language, components } = request.template;
    const found = this.find(wabaId, name, language.code);
    const status = found && this.statusOf(found);
    if (!found || (status !== 'APPROVED' && status !== 'PAUSED' && status !== 'DISABLED'))
      return error(TEMPLATE_SEND_ERROR.NOT_FOUND, `template name (${name}) does not exist in ${language.code}`);
    if (status === 'PAUSED') return error(TEMPLATE_SEND_ERROR.PAUSED, `template (${name}) is paused`);
    if (status === 'DISABLED') return error(TEMPLATE_SEND_ERROR.DISABLED, `template (${name}) is disabled`);
    if (found.components.length === 0) return undefined;
    const expected = bodyPlaceholderCount(found.components);
    const given = components?.find((c) => c.type === 'body')?.parameters?.length ?? 0;
    if (given !== expected)
      return error(
        TEMPLATE_SEND_ERROR.PARAMETER_COUNT,
        `body: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
      );
    return undefined;
  }

  reset(): void {
    this.templates.length = 0;
    for (const { name, language } of this.options.approvedTemplates)
      this.templates.push({
        id: newTemplateId(),
        wabaId: undefined,
        name,
        language,
        category: 'UTILITY',
        components: [],
        createdAt: 0,
        review: { status: 'APPROVED' },
      });
  }

  private find(wabaId: string, name: string, language: string): StoredTemplate | undefined {
    return this.templates.find(
      (t) => t.name === name && t.language === language && (t.wabaId === undefined || t.wabaId === wabaId),
    );
  }

  private statusOf(t: StoredTemplate): TemplateStatus {
    if (t.review) return t.review.status;
    return Date.now() - t.createdAt >= this.options.templateApprovalMs ? 'APPROVED' : 'PENDING';
  }

  private view(t: StoredTemplate): MessageTemplate {
    const status = this.statusOf(t);
    return {
      id: t.id,
      name: t.name,
      language: t.language,
      status,
      category: t.category,
      components: t.components,
      ...(status === 'REJECTED' ? { rejected_reason: t.review?.reason ?? 'INVALID_FORMAT' } : {}),
    };
  }
}

function newTemplateId(): string {
  const digits = (n: number) => String(randomInt(0, 10 ** n)).padStart(n, '0');
  return `${randomInt(1, 10)}${digits(8)}${digits(7)}`;
}

function error(kind: { code: number; title: string }, details: string): TemplateSendError {
  return { code: kind.code, message: `(#${kind.code}) ${kind.title}`, details };
}
