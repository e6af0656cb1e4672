import { SectionBuilder } from '../section-builder.ts';
import type { FormatResult } from './format-result.ts';

/** Paragraphs are separated by blank lines; bullet lines become list items. */
export function readPlainText(text: string): FormatResult {
  const builder = new SectionBuilder();
  for (const paragraph of text.split(/\r?\n\s*\r?\n/)) {
    const lines = paragraph.split(/\r?\n/).filter((l) => l.trim());
    if (lines.length > 0 && lines.every((l) => BULLET.test(l))) {
      for (const line of lines) builder.block('list_item', line.replace(BULLET, ''));
    } else {
      builder.block('paragraph', paragraph);
    }
  }
  return { sections: builder.sections() };
}

const BULLET = /^\s*(?:[-*•·–]|\d{1,3}[.)])\s+/;
