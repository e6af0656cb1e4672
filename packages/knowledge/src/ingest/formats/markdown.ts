import { Lexer, type Token, type Tokens } from 'marked';
import { SectionBuilder } from '../section-builder.ts';
import type { FormatResult } from './format-result.ts';
import { readHtml } from './html.ts';
import { tableRowTexts } from './table-rows.ts';

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const FRONT_MATTER_TITLE = /^title:\s*["']?(.+?)["']?\s*$/m;

export function readMarkdown(source: string): FormatResult {
  const frontMatter = FRONT_MATTER.exec(source)?.[0];
  const title = frontMatter ? FRONT_MATTER_TITLE.exec(frontMatter)?.[1] : undefined;
  const builder = new SectionBuilder();
  addTokens(builder, Lexer.lex(frontMatter ? source.slice(frontMatter.length) : source, { gfm: true }));
  return { title, sections: builder.sections(), firstHeading: builder.firstHeading() };
}

function addTokens(builder: SectionBuilder, tokens: Token[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        builder.heading(token.depth as number, inlineText(token.tokens));
        break;
      case 'paragraph':
      case 'text':
        builder.block('paragraph', inlineText(token.tokens) || (token.text as string));
        break;
      case 'code':
        builder.block('paragraph', token.text as string);
        break;
      case 'blockquote':
        addTokens(builder, (token as Tokens.Blockquote).tokens);
        break;
      case 'list':
        addList(builder, token as Tokens.List);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const cell = (c: Tokens.TableCell) => inlineText(c.tokens);
        for (const row of tableRowTexts(
          table.header.map(cell),
          table.rows.map((r) => r.map(cell)),
        )) {
          builder.block('table_row', row);
        }
        break;
      }
      case 'html':
        for (const section of readHtml(token.raw).sections) {
          for (const block of section.blocks) builder.block(block.kind, block.text);
        }
        break;
    }
  }
}

function addList(builder: SectionBuilder, list: Tokens.List): void {
  for (const item of list.items) {
    const own = item.tokens.filter((t) => t.type !== 'list');
    builder.block('list_item', own.map((t) => ('tokens' in t && t.tokens ? inlineText(t.tokens) : t.raw)).join(' '));
    for (const nested of item.tokens) if (nested.type === 'list') addList(builder, nested as Tokens.List);
  }
}

/** Inline markup to plain words: link and emphasis text kept, markup and raw HTML dropped. */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((t) => {
      if (t.type === 'html') return '';
      if (t.type === 'br') return ' ';
      if ('tokens' in t && t.tokens && t.tokens.length > 0) return inlineText(t.tokens);
      return 'text' in t ? String(t.text) : '';
    })
    .join('');
}
