import OpenAI from 'openai';
import type { AnswerModel } from '@botflow/knowledge/answer';

export interface ChatAnswerModelOptions {
  model: string;
  /** Needed by OpenAI itself; self-hosted servers (Ollama, vLLM) usually take any value. */
  apiKey?: string | undefined;
  /** An OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 (Ollama); OpenAI's API when absent. */
  baseURL?: string | undefined;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * Composes knowledge answers with a chat model through the openai SDK (OpenAI or any server speaking its
 * /v1/chat/completions). Temperature 0: the same passages and question give the same answer as far as the model
 * allows. Errors propagate; the composer then quotes the best passage instead.
 */
export class ChatAnswerModel implements AnswerModel {
  readonly #client: OpenAI;
  readonly #model: string;

  constructor(options: ChatAnswerModelOptions) {
    if (!options.apiKey && !options.baseURL) {
      throw new Error('a chat model needs an API key (OPENAI_API_KEY) or the base URL of a compatible server');
    }
    this.#model = options.model;
    this.#client = new OpenAI({
      apiKey: options.apiKey || 'no-key',
      baseURL: options.baseURL ?? null,
      // One try, well within the knowledge-answer node's own time limit (10 s by default): a slow or failing model
      // leaves time to quote the best passage instead, rather than failing the node's whole attempt.
      timeout: options.timeoutMs ?? 6000,
      maxRetries: options.maxRetries ?? 0,
    });
  }

  async reply({ system, prompt }: { system: string; prompt: string }): Promise<string> {
    const completion = await this.#client.chat.completions.create({
      model: this.#model,
      temperature: 0,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: prompt },
      ],
    });
    return completion.choices[0]?.message.content ?? '';
  }
}
