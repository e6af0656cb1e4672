import { readFile } from 'node:fs/promises';
import { Tokenizer } from '@huggingface/tokenizers';

// The package's type declarations use extension-less relative imports that Node's ESM resolution can't follow, so its
// classes arrive untyped: this is the part used here.
interface HfTokenizer {
  encode(text: string): { ids: number[] };
  token_to_id(token: string): number | undefined;
  id_to_token(id: number): string | undefined;
}
const HfTokenizer = Tokenizer as unknown as new (tokenizerJson: object, config: object) => HfTokenizer;

/** all-MiniLM-L6-v2 was trained on sequences of at most 256 tokens ([CLS] and [SEP] included). */
export const MAX_TOKENS = 256;

export interface TokenizedText {
  ids: number[];
  /** The text had more tokens than the model reads: its end is not in the vector. */
  truncated: boolean;
}

// tokenizer.json carries truncation (128) and padding settings that @huggingface/tokenizers ignores; truncation and
// padding happen here, so the limits are the model's own, whatever the file says.
export class MiniLmTokenizer {
  readonly maxTokens: number;
  readonly #tokenizer: HfTokenizer;
  readonly #sepId: number;

  constructor(tokenizerJson: object, maxTokens = MAX_TOKENS) {
    if (maxTokens < 2) throw new Error('maxTokens must leave room for [CLS] and [SEP]');
    this.#tokenizer = new HfTokenizer(tokenizerJson, {});
    const sep = this.#tokenizer.token_to_id('[SEP]');
    if (sep === undefined) throw new Error('tokenizer.json has no [SEP] token: is it a BERT tokenizer?');
    this.#sepId = sep;
    this.maxTokens = maxTokens;
  }

  static async fromFile(path: string, maxTokens = MAX_TOKENS): Promise<MiniLmTokenizer> {
    return new MiniLmTokenizer(JSON.parse(await readFile(path, 'utf8')) as object, maxTokens);
  }

  /** [CLS] text [SEP], cut to maxTokens with the final [SEP] kept, as the model saw in training. */
  encode(text: string): TokenizedText {
    const ids = this.#tokenizer.encode(text).ids;
    if (ids.length <= this.maxTokens) return { ids, truncated: false };
    return { ids: [...ids.slice(0, this.maxTokens - 1), this.#sepId], truncated: true };
  }

  /** Tokens the text takes, [CLS] and [SEP] included, before truncation: for chunking by tokens. */
  countTokens(text: string): number {
    return this.#tokenizer.encode(text).ids.length;
  }

  tokens(ids: number[]): string[] {
    return ids.map((id) => this.#tokenizer.id_to_token(id) ?? `[${id}]`);
  }
}
