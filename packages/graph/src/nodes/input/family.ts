import type { NodeType } from '../../node-type.ts';
import { askChoice } from './ask-choice/index.ts';
import { askDate } from './ask-date/index.ts';
import { askEmail } from './ask-email/index.ts';
import { askFile } from './ask-file/index.ts';
import { askLocation } from './ask-location/index.ts';
import { askNumber } from './ask-number/index.ts';
import { askPhone } from './ask-phone/index.ts';
import { askText } from './ask-text/index.ts';

/** Input: nodes that ask the customer something and wait for a valid answer. */
export const INPUT_NODE_TYPES = [
  askText,
  askChoice,
  askNumber,
  askEmail,
  askPhone,
  askDate,
  askLocation,
  askFile,
] as unknown as NodeType[];
