import type { GraphClientOptions } from './graph-client.ts';
import { graphRequest, graphUrl } from './graph-request.ts';
import type { MessageTemplate, TemplateCreateRequest, TemplateStatus } from './template-rules.ts';

/** Meta's answer to a template creation. */
export interface TemplateCreated {
  id: string;
  status: TemplateStatus;
  category: string;
}

interface TemplatePage {
  data: MessageTemplate[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

const FIELDS = 'id,name,language,status,category,components,rejected_reason';
/** Guards against a paging loop; 50 pages of 100 is far beyond the 250 templates a business account may hold. */
const MAX_PAGES = 50;

/** A WhatsApp Business Account's message templates: `/<version>/<WABA-id>/message_templates`. */
export class TemplatesClient {
  private readonly options: GraphClientOptions;
  constructor(options: GraphClientOptions) {
    this.options = options;
  }

  /** Every template of the account (all pages), optionally only those whose name contains `name`. */
  async list(wabaId: string, accessToken: string, filter: { name?: string } = {}): Promise<MessageTemplate[]> {
    const url = this.url(wabaId);
    url.searchParams.set('fields', FIELDS);
    url.searchParams.set('limit', '100');
    if (filter.name !== undefined) url.searchParams.set('name', filter.name);
    const templates: MessageTemplate[] = [];
    let next: string | undefined = url.toString();
    for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
      const answer: TemplatePage = await graphRequest<TemplatePage>(next, { accessToken, timeoutMs: this.timeoutMs });
      templates.push(...answer.data);
      next = answer.paging?.next;
    }
    return templates;
  }

  /** The templates called exactly `name`, one per language. Meta's `name` filter also matches longer names. */
  async byName(wabaId: string, accessToken: string, name: string): Promise<MessageTemplate[]> {
    return (await this.list(wabaId, accessToken, { name })).filter((t) => t.name === name);
  }

  /** Submits a template for review; Meta answers PENDING (or APPROVED/REJECTED when it decides at once). */
  async create(wabaId: string, accessToken: string, template: TemplateCreateRequest): Promise<TemplateCreated> {
    return graphRequest<TemplateCreated>(this.url(wabaId).toString(), {
      method: 'POST',
      accessToken,
      body: template,
      timeoutMs: this.timeoutMs,
    });
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 15000;
  }

  private url(wabaId: string): URL {
    return graphUrl(this.options.baseUrl, this.options.version, wabaId, 'message_templates');
  }
}
