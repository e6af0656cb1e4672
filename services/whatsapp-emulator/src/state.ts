import type { MessageStatusValue, WebhookError } from '@botflow/whatsapp';
import { FaultPlan } from './faults.ts';
import { MediaStore } from './media-store.ts';
import type { EmulatorOptions } from './options.ts';
import { SendLimits } from './send-limits.ts';
import { Stats } from './stats.ts';
import { TemplateStore } from './template-store.ts';

/** A business phone number the emulator answers for, with the app (token, secret, webhook) it belongs to. */
export interface PhoneNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  webhookUrl: string;
}

export interface StatusRecord {
  status: MessageStatusValue | 'accepted';
  at: string;
  errors?: WebhookError[];
}

export interface TranscriptEntry {
  seq: number;
  direction: 'inbound' | 'outbound';
  wamid: string;
  phoneNumberId: string;
  at: string;
  type: string;
  /** The message this one quotes or answers. */
  contextId?: string;
  bizOpaqueCallbackData?: string;
  /** Outbound: the reports sent so far. Inbound: `read` once the business marked it read. */
  statuses: StatusRecord[];
  /** Inbound only: whether the receiver acknowledged the webhook with 200 (retries may still be pending). */
  webhookDelivered?: boolean;
  /** The Meta object: the webhook message (inbound) or the send request body (outbound). */
  message: unknown;
}

export interface Chat {
  waId?: string;
  userId?: string;
  name?: string;
  /** Epoch ms of the customer's last message; the 24 h customer-service window runs from it. */
  lastInboundAt?: number;
  conversationId: string;
  entries: TranscriptEntry[];
}

export class EmulatorState {
  readonly phoneNumbers = new Map<string, PhoneNumber>();
  readonly chats: Chat[] = [];
  readonly faults = new FaultPlan();
  readonly stats = new Stats();
  readonly limits = new SendLimits();
  readonly media = new MediaStore();
  readonly templates: TemplateStore;
  private seq = 0;
  private readonly defaults: EmulatorOptions;

  constructor(defaults: EmulatorOptions) {
    this.defaults = defaults;
    this.templates = new TemplateStore(defaults);
    this.registerPhoneNumber({
      phoneNumberId: defaults.phoneNumberId,
      displayPhoneNumber: defaults.displayPhoneNumber,
    });
  }

  registerPhoneNumber(
    number: Pick<PhoneNumber, 'phoneNumberId' | 'displayPhoneNumber'> & Partial<PhoneNumber>,
  ): PhoneNumber {
    const full: PhoneNumber = {
      wabaId: this.defaults.wabaId,
      accessToken: this.defaults.accessToken,
      appSecret: this.defaults.appSecret,
      webhookUrl: this.defaults.webhookUrl,
      ...number,
    };
    this.phoneNumbers.set(full.phoneNumberId, full);
    return full;
  }

  isKnownToken(token: string): boolean {
    return [...this.phoneNumbers.values()].some((n) => n.accessToken === token);
  }

  /** The chat with this customer: by phone number (`to` may be formatted) or business-scoped user id. */
  findChat(id: string): Chat | undefined {
    const digits = id.replace(/\D/g, '');
    return this.chats.find((c) => c.userId === id || (c.waId !== undefined && c.waId === digits));
  }

  chatFor(identity: { waId?: string; userId?: string; name?: string }): Chat {
    let chat =
      (identity.waId === undefined ? undefined : this.findChat(identity.waId)) ??
      (identity.userId === undefined ? undefined : this.findChat(identity.userId));
    if (chat === undefined) {
      chat = { conversationId: crypto.randomUUID().replaceAll('-', ''), entries: [] };
      this.chats.push(chat);
    }
    if (identity.waId !== undefined) chat.waId = identity.waId.replace(/\D/g, '');
    if (identity.userId !== undefined) chat.userId = identity.userId;
    if (identity.name !== undefined) chat.name = identity.name;
    return chat;
  }

  record(chat: Chat, entry: Omit<TranscriptEntry, 'seq' | 'at' | 'statuses'>): TranscriptEntry {
    const full: TranscriptEntry = { seq: ++this.seq, at: new Date().toISOString(), statuses: [], ...entry };
    chat.entries.push(full);
    return full;
  }

  findEntry(wamid: string): { chat: Chat; entry: TranscriptEntry } | undefined {
    for (const chat of this.chats) {
      const entry = chat.entries.find((e) => e.wamid === wamid);
      if (entry) return { chat, entry };
    }
    return undefined;
  }

  reset(options: { phoneNumbers?: boolean } = {}): void {
    this.chats.length = 0;
    this.faults.clear();
    this.stats.reset();
    this.limits.reset();
    this.templates.reset();
    this.media.reset();
    if (options.phoneNumbers) {
      this.phoneNumbers.clear();
      this.registerPhoneNumber({
        phoneNumberId: this.defaults.phoneNumberId,
        displayPhoneNumber: this.defaults.displayPhoneNumber,
      });
    }
  }
}
