import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.d.ts';
import { SectionBuilder } from '../section-builder.ts';
import type { FormatResult } from './format-result.ts';
import { linesOf, type PdfLine } from './pdf-lines.ts';
import { tableRowTexts } from './table-rows.ts';

const BULLET = /^(?:[•◦▪‣●○■□–-]|\d{1,3}[.)])\s+/;
const PAGE_NUMBER = /^(?:page\s*)?\d+(?:\s*(?:of|\/)\s*\d+)?$/i;

/**
 * PDFs keep no structure, only positioned text: headings are lines set larger than the body text, paragraphs end at a
 * wider vertical gap, runs of lines split into the same number of columns are tables, and lines repeated on most pages
 * (running headers and footers) are dropped.
 */
export async function readPdf(bytes: Uint8Array): Promise<FormatResult> {
  const loading = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await loading.promise;
    const info = (await doc.getMetadata()).info as { Title?: unknown };
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items.filter((i): i is TextItem => 'str' in i)));
      page.cleanup();
    }
    const builder = new SectionBuilder();
    new PdfLayout(builder, pages).read();
    const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { title, sections: builder.sections(), firstHeading: builder.firstHeading(), pages: doc.numPages };
  } finally {
    await loading.destroy();
  }
}

class PdfLayout {
  readonly #builder: SectionBuilder;
  readonly #pages: PdfLine[][];
  readonly #bodySize: number;
  readonly #headingLevels: number[];
  readonly #repeated: Set<string>;

  constructor(builder: SectionBuilder, pages: PdfLine[][]) {
    this.#builder = builder;
    this.#pages = pages;
    const sizes = new Map<number, number>();
    for (const line of pages.flat()) {
      const size = Math.round(line.size * 2) / 2;
      sizes.set(size, (sizes.get(size) ?? 0) + line.cells.join(' ').length);
    }
    this.#bodySize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    this.#headingLevels = [...sizes.keys()].filter((s) => s >= this.#bodySize * 1.15).sort((a, b) => b - a);
    this.#repeated = repeatedLines(pages, this.#bodySize);
  }

  read(): void {
    for (const page of this.#pages) {
      const lines = this.#withoutFurniture(page);
      let paragraph = '';
      let kind: 'paragraph' | 'list_item' = 'paragraph';
      let table: string[][] = [];
      let previous: PdfLine | undefined;
      const flush = () => {
        this.#builder.block(kind, paragraph);
        paragraph = '';
        kind = 'paragraph';
      };
      const flushTable = () => {
        if (table.length === 1) this.#builder.block('paragraph', table[0]!.join('; '));
        else for (const row of tableRowTexts(table[0], table.slice(1))) this.#builder.block('table_row', row);
        table = [];
      };
      for (const line of lines) {
        const text = line.cells.join(' ');
        const level = this.#headingLevel(line, text);
        const gap = previous ? previous.y - line.y : 0;
        if (line.cells.length > 1) {
          flush();
          if (table.length > 0 && table[0]!.length !== line.cells.length) flushTable();
          table.push(line.cells);
        } else if (level) {
          flush();
          if (table.length) flushTable();
          this.#builder.heading(level, text);
        } else {
          if (table.length) flushTable();
          const bullet = BULLET.test(text);
          if (bullet || gap > line.size * 1.5 || gap < 0) flush();
          if (bullet) kind = 'list_item';
          paragraph = joinLines(paragraph, bullet ? text.replace(BULLET, '') : text);
        }
        previous = line;
      }
      flush();
      if (table.length) flushTable();
    }
  }

  #headingLevel(line: PdfLine, text: string): number | undefined {
    if (text.length > 120) return undefined;
    const index = this.#headingLevels.indexOf(Math.round(line.size * 2) / 2);
    return index < 0 ? undefined : index + 1;
  }

  /** Peels furniture off the top and the bottom of a page, stopping at the first line that isn't. */
  #withoutFurniture(page: PdfLine[]): PdfLine[] {
    let start = 0;
    while (start < 2 && start < page.length && this.#isFurniture(page[start]!)) start++;
    let end = page.length;
    while (end > start && page.length - end < 2 && this.#isFurniture(page[end - 1]!)) end--;
    return page.slice(start, end);
  }

  #isFurniture(line: PdfLine): boolean {
    return PAGE_NUMBER.test(line.cells.join(' ')) || this.#repeated.has(furnitureKey(line, this.#bodySize));
  }
}

/** Running headers and footers sit in the first or last two lines of a page. */
function atEdge(page: PdfLine[], index: number): boolean {
  return index < 2 || index >= page.length - 2;
}

/**
 * Top or bottom lines no larger than the body text, at the same height and with the same words (numbers aside) on at
 * least half the pages of a document of two or more pages. Larger lines there are chapter headings, not furniture.
 */
function repeatedLines(pages: PdfLine[][], bodySize: number): Set<string> {
  if (pages.length < 2) return new Set();
  const pageCounts = new Map<string, number>();
  for (const page of pages) {
    const edges = page.filter((_, i) => atEdge(page, i));
    for (const key of new Set(edges.map((l) => furnitureKey(l, bodySize)))) {
      pageCounts.set(key, (pageCounts.get(key) ?? 0) + 1);
    }
  }
  pageCounts.delete('');
  return new Set([...pageCounts].filter(([, n]) => n >= Math.max(2, pages.length / 2)).map(([key]) => key));
}

function furnitureKey(line: PdfLine, bodySize: number): string {
  if (line.size > bodySize * 1.05) return '';
  return `${Math.round(line.y)}|${line.cells.join(' ').toLowerCase().replace(/\d+/g, '#')}`;
}

function joinLines(paragraph: string, line: string): string {
  if (!paragraph) return line;
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}
