import { overlapTail, piecesOf, type Piece } from './chunk-pieces.ts';
import { estimateTokens, type CountTokens } from './token-count.ts';
import type { ParsedDocument } from './types.ts';

export interface Chunk {
  /** 0..n-1 in reading order. */
  position: number;
  /** The headings the chunk sits under (their common part when it holds several small subsections). */
  headingPath: string[];
  /** The chunk's own words, to show or quote. */
  content: string;
  /** "Title — Heading › Subheading" then the content: what to embed and put in the full-text index. */
  text: string;
  /** Tokens of `text` by the countTokens used. */
  tokenCount: number;
}

export interface ChunkOptions {
  maxTokens?: number;
  overlapTokens?: number;
  /** The embedding model's tokenizer (see tokenCounter); estimateTokens when not given. */
  countTokens?: CountTokens;
}

interface Segment {
  headingPath: string[];
  pieces: Piece[];
}

/**
 * Cuts a document into chunks of at most maxTokens (title prefix included). A chunk never spans two top-level
 * sections; small subsections of one top-level section share a chunk when they fit whole. Blocks that fit are kept
 * whole, long paragraphs are cut between sentences, table rows are never cut unless one alone is too long, and a chunk
 * that continues a section starts with the previous chunk's last ~overlapTokens. Token counts are taken as additive
 * over whitespace-joined pieces, which holds for WordPiece and for estimateTokens.
 */
export function chunkDocument(doc: ParsedDocument, options: ChunkOptions = {}): Chunk[] {
  const { maxTokens = 200, overlapTokens = 30, countTokens = estimateTokens } = options;
  if (overlapTokens < 0 || overlapTokens * 2 > maxTokens) {
    throw new Error('overlapTokens must be between 0 and half of maxTokens');
  }
  const base = countTokens('');
  const cost = (text: string) => Math.max(0, countTokens(text) - base);
  const prefixOf = (path: string[]) => chunkPrefix(doc.title, path, maxTokens / 3, cost);
  const measure = (segments: Segment[]) => {
    const common = commonPath(segments);
    let total = base + cost(prefixOf(common));
    for (const s of segments) {
      if (segments.length > 1 && s.headingPath.length > common.length) total += cost(subheading(s, common));
      for (const p of s.pieces) total += p.tokens;
    }
    return total;
  };

  const drafts: Segment[][] = [];
  let blockId = 0;
  for (const section of doc.sections) {
    const fixed = base + cost(prefixOf(section.headingPath));
    const budget = maxTokens - fixed;
    const sectionPieces = section.blocks.flatMap((block) =>
      piecesOf(block, blockId++, budget, budget - overlapTokens, cost),
    );
    const previous = drafts.at(-1);
    const whole: Segment = { headingPath: section.headingPath, pieces: sectionPieces };
    if (
      previous &&
      previous[0]?.headingPath[0] === section.headingPath[0] &&
      measure([...previous, whole]) <= maxTokens
    ) {
      previous.push(whole);
      continue;
    }
    let pieces: Piece[] = [];
    let used = fixed;
    const startChunk = (carried: Piece[]) => {
      pieces = [...carried];
      used = fixed + sumTokens(carried);
      drafts.push([{ headingPath: section.headingPath, pieces }]);
    };
    startChunk([]);
    for (const block of groupByBlock(sectionPieces)) {
      const blockTokens = sumTokens(block);
      if (used + blockTokens > maxTokens && blockTokens <= budget) {
        startChunk(overlapTail(pieces, Math.min(overlapTokens, budget - blockTokens), cost));
      }
      for (const piece of block) {
        if (used + piece.tokens > maxTokens) {
          startChunk(overlapTail(pieces, Math.min(overlapTokens, budget - piece.tokens), cost));
        }
        pieces.push(piece);
        used += piece.tokens;
      }
    }
  }
  return drafts
    .filter((segments) => segments.some((s) => s.pieces.length > 0))
    .map((segments, position) => {
      const headingPath = commonPath(segments);
      const content = segments
        .map((s) => {
          const body = renderPieces(s.pieces);
          return segments.length > 1 && s.headingPath.length > headingPath.length
            ? `${subheading(s, headingPath)}\n${body}`
            : body;
        })
        .join('\n');
      const prefix = prefixOf(headingPath);
      const text = prefix ? `${prefix}\n\n${content}` : content;
      return { position, headingPath, content, text, tokenCount: countTokens(text) };
    });
}

/** "Title — Heading › Subheading", shortened when a long path would leave too little room for content. */
export function chunkPrefix(title: string, path: string[], maxCost: number, cost: (text: string) => number): string {
  const candidates = [
    path.length > 0 ? `${title} — ${path.join(' › ')}` : title,
    path.length > 1 ? `${title} — ${path.at(-1)}` : title,
    title,
  ];
  return candidates.find((c) => cost(c) <= maxCost) ?? '';
}

function renderPieces(pieces: Piece[]): string {
  return pieces.map((p, i) => (i === 0 ? '' : p.block === pieces[i - 1]!.block ? ' ' : '\n') + p.text).join('');
}

function sumTokens(pieces: Piece[]): number {
  return pieces.reduce((sum, p) => sum + p.tokens, 0);
}

function groupByBlock(pieces: Piece[]): Piece[][] {
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    const last = groups.at(-1);
    if (last && last[0]!.block === piece.block) last.push(piece);
    else groups.push([piece]);
  }
  return groups;
}

function commonPath(segments: Segment[]): string[] {
  const [first, ...rest] = segments.map((s) => s.headingPath);
  if (!first) return [];
  let length = first.length;
  for (const path of rest) {
    length = Math.min(length, path.length);
    while (length > 0 && path.slice(0, length).join('\u0000') !== first.slice(0, length).join('\u0000')) length--;
  }
  return first.slice(0, length);
}

function subheading(segment: Segment, common: string[]): string {
  return segment.headingPath.slice(common.length).join(' › ');
}
