import { describe, expect, it } from 'vitest';
import { MiniLmTokenizer } from './tokenizer.ts';

// A BERT WordPiece tokenizer.json shaped like all-MiniLM-L6-v2's, with a tiny vocabulary, and its misleading
// truncation/padding settings (the real file says 128 and pads to 128).
const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'hello', 'world', 'cafe', '##s', ',', '!'];
const tokenizerJson = {
  version: '1.0',
  truncation: { direction: 'Right', max_length: 4, strategy: 'LongestFirst', stride: 0 },
  padding: {
    strategy: { Fixed: 16 },
    direction: 'Right',
    pad_to_multiple_of: null,
    pad_id: 0,
    pad_type_id: 0,
    pad_token: '[PAD]',
  },
  added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map((content, id) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  })),
  normalizer: {
    type: 'BertNormalizer',
    clean_text: true,
    handle_chinese_chars: true,
    strip_accents: null,
    lowercase: true,
  },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: {
    type: 'TemplateProcessing',
    single: [
      { SpecialToken: { id: '[CLS]', type_id: 0 } },
      { Sequence: { id: 'A', type_id: 0 } },
      { SpecialToken: { id: '[SEP]', type_id: 0 } },
    ],
    pair: [],
    special_tokens: {
      '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
      '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
    },
  },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: {
    type: 'WordPiece',
    unk_token: '[UNK]',
    continuing_subword_prefix: '##',
    max_input_chars_per_word: 100,
    vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
  },
};

describe('MiniLmTokenizer', () => {
  const tokenizer = new MiniLmTokenizer(tokenizerJson);

  it('wraps a short text in [CLS] … [SEP], lower-cased and without accents, unpadded', () => {
    const { ids, truncated } = tokenizer.encode('Hello, Cafés World!');
    expect(tokenizer.tokens(ids)).toEqual(['[CLS]', 'hello', ',', 'cafe', '##s', 'world', '!', '[SEP]']);
    expect(truncated).toBe(false);
  });

  it('cuts at 256 tokens and keeps the final [SEP], whatever tokenizer.json says', () => {
    const { ids, truncated } = tokenizer.encode('hello world '.repeat(300));
    expect(ids).toHaveLength(256);
    expect(truncated).toBe(true);
    expect(tokenizer.tokens(ids.slice(0, 3))).toEqual(['[CLS]', 'hello', 'world']);
    expect(tokenizer.tokens(ids.slice(-3))).toEqual(['hello', 'world', '[SEP]']);
  });

  it('keeps a text of exactly the limit whole', () => {
    const { ids, truncated } = tokenizer.encode('hello '.repeat(254));
    expect(ids).toHaveLength(256);
    expect(truncated).toBe(false);
    expect(tokenizer.countTokens('hello '.repeat(300))).toBe(302);
  });

  it('honours a smaller limit', () => {
    const short = new MiniLmTokenizer(tokenizerJson, 4);
    expect(short.tokens(short.encode('hello world hello world').ids)).toEqual(['[CLS]', 'hello', 'world', '[SEP]']);
  });
});
