import type { NodeType } from '../../node-type.ts';
import { sendButtons } from './send-buttons/index.ts';
import { sendList } from './send-list/index.ts';
import { sendMedia } from './send-media/index.ts';
import { sendTemplate } from './send-template/index.ts';
import { sendText } from './send-text/index.ts';

/** WhatsApp: nodes that send a message and move on. */
export const WHATSAPP_NODE_TYPES = [sendText, sendButtons, sendList, sendMedia, sendTemplate] as unknown as NodeType[];
