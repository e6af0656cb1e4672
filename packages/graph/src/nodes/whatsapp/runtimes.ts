import type { NodeRuntime } from '../../node-runtime.ts';
import { sendButtonsRuntime } from './send-buttons/runtime.ts';
import { sendListRuntime } from './send-list/runtime.ts';
import { sendMediaRuntime } from './send-media/runtime.ts';
import { sendTemplateRuntime } from './send-template/runtime.ts';
import { sendTextRuntime } from './send-text/runtime.ts';

export const WHATSAPP_RUNTIMES: Record<string, NodeRuntime<never>> = {
  send_text: sendTextRuntime,
  send_buttons: sendButtonsRuntime,
  send_list: sendListRuntime,
  send_media: sendMediaRuntime,
  send_template: sendTemplateRuntime,
};
