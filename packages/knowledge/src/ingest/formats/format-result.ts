import type { Section } from '../types.ts';

/** What a format reader finds; parseDocument settles the title and checks there is text. */
export interface FormatResult {
  title?: string;
  sections: Section[];
  firstHeading?: string;
  pages?: number;
}
