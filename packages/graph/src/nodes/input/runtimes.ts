import type { NodeRuntime } from '../../node-runtime.ts';
import { askChoiceRuntime } from './ask-choice/runtime.ts';
import { askDateRuntime } from './ask-date/runtime.ts';
import { askEmailRuntime } from './ask-email/runtime.ts';
import { askFileRuntime } from './ask-file/runtime.ts';
import { askLocationRuntime } from './ask-location/runtime.ts';
import { askNumberRuntime } from './ask-number/runtime.ts';
import { askPhoneRuntime } from './ask-phone/runtime.ts';
import { askTextRuntime } from './ask-text/runtime.ts';

export const INPUT_RUNTIMES: Record<string, NodeRuntime<never>> = {
  ask_text: askTextRuntime,
  ask_choice: askChoiceRuntime,
  ask_number: askNumberRuntime,
  ask_email: askEmailRuntime,
  ask_phone: askPhoneRuntime,
  ask_date: askDateRuntime,
  ask_location: askLocationRuntime,
  ask_file: askFileRuntime,
};
