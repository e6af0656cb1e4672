import type { Block, BlockKind, Section } from './types.ts';

/** Headings up to this level open sections; deeper ones stay inside their section as `heading` blocks. */
export const SECTION_DEPTH = 3;

export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Collects headings and blocks in reading order into sections with heading paths. */
export class SectionBuilder {
  readonly #sections: Section[] = [];
  #open: { level: number; text: string }[] = [];
  #current: Section | undefined;
  #firstHeading: string | undefined;

  heading(level: number, rawText: string): void {
    const text = cleanText(rawText);
    if (!text) return;
    this.#firstHeading ??= text;
    if (level > SECTION_DEPTH) {
      this.block('heading', text);
      return;
    }
    this.#open = [...this.#open.filter((h) => h.level < level), { level, text }];
    this.#current = undefined;
  }

  block(kind: BlockKind, rawText: string): void {
    const text = cleanText(rawText);
    if (!text) return;
    if (!this.#current) {
      this.#current = { headingPath: this.#open.map((h) => h.text), blocks: [] };
      this.#sections.push(this.#current);
    }
    this.#current.blocks.push({ kind, text } satisfies Block);
  }

  /** The first heading, a candidate for the document's title. */
  firstHeading(): string | undefined {
    return this.#firstHeading;
  }

  sections(): Section[] {
    return this.#sections;
  }
}

/** A document whose one top heading is its title: the title says it already, so heading paths start below it. */
export function dropTitleLevel(sections: Section[], title: string): Section[] {
  if (sections.length === 0 || !sections.every((s) => s.headingPath[0] === title)) return sections;
  return sections.map((s) => ({ ...s, headingPath: s.headingPath.slice(1) }));
}
