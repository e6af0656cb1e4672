import { splitSentences } from './sentences.ts';
import type { Block, BlockKind } from './types.ts';

/** The smallest text a chunk holds whole: a table row, a heading, or one sentence of a long paragraph. */
export interface Piece {
  text: string;
  tokens: number;
  /** Pieces of the same block share this number; a block that fits in a chunk is never split. */
  block: number;
  kind: BlockKind;
}

/**
 * Splits a block into pieces of at most `budget` tokens: at sentences, then a sentence too long for a chunk at words
 * (windows of `windowBudget`, leaving room for overlap), then one huge word at characters.
 */
export function piecesOf(
  block: Block,
  blockId: number,
  budget: number,
  windowBudget: number,
  cost: (text: string) => number,
): Piece[] {
  const piece = (text: string, tokens = cost(text)): Piece => ({ text, tokens, block: blockId, kind: block.kind });
  const whole = cost(block.text);
  if (whole <= budget) return [piece(block.text, whole)];
  const units = block.kind === 'table_row' ? [block.text] : splitSentences(block.text);
  return units.flatMap((unit) => {
    const tokens = cost(unit);
    return tokens <= budget ? [piece(unit, tokens)] : wordWindows(unit, windowBudget, cost).map((w) => piece(w));
  });
}

function wordWindows(text: string, budget: number, cost: (text: string) => number): string[] {
  const windows: string[] = [];
  let words: string[] = [];
  let used = 0;
  for (const word of text.split(/\s+/).flatMap((w) => (cost(w) > budget ? slices(w, budget) : [w]))) {
    const tokens = cost(word);
    if (used + tokens > budget && words.length > 0) {
      windows.push(words.join(' '));
      words = [];
      used = 0;
    }
    words.push(word);
    used += tokens;
  }
  if (words.length > 0) windows.push(words.join(' '));
  return windows;
}

// A tokenizer spends at most one token per character, so slices of `budget` characters fit.
function slices(word: string, budget: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < word.length; i += budget) parts.push(word.slice(i, i + budget));
  return parts;
}

/** The last pieces of a chunk worth repeating at the start of the next: whole pieces, else the last piece's tail words. */
export function overlapTail(pieces: Piece[], limit: number, cost: (text: string) => number): Piece[] {
  if (limit <= 0 || pieces.length === 0) return [];
  const tail: Piece[] = [];
  let used = 0;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    if (used + piece.tokens > limit) break;
    tail.unshift(piece);
    used += piece.tokens;
  }
  if (tail.length > 0) return tail;
  const last = pieces.at(-1)!;
  if (last.kind === 'table_row' || last.kind === 'heading') return [];
  const words = last.text.split(/\s+/);
  let text = '';
  for (let i = words.length - 1; i > 0; i--) {
    const candidate = words.slice(i).join(' ');
    if (cost(candidate) > limit) break;
    text = candidate;
  }
  return text ? [{ ...last, text, tokens: cost(text) }] : [];
}
