import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatAnswerModel } from './chat-answer-model.ts';
import { startChatCompletionsEmulator, type ChatCompletionsEmulator } from './chat-completions-emulator.ts';

let emulator: ChatCompletionsEmulator;
beforeAll(async () => {
  emulator = await startChatCompletionsEmulator((request) => `echo: ${request.messages.at(-1)?.content}`, {
    apiKey: 'sk-test',
  });
});
afterAll(() => emulator.close());

describe('ChatAnswerModel', () => {
  it('sends the system and user prompts to /v1/chat/completions at temperature 0 and returns the answer', async () => {
    const model = new ChatAnswerModel({ model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: emulator.url });
    expect(await model.reply({ system: 'Answer from passages.', prompt: 'Is there parking?' })).toBe(
      'echo: Is there parking?',
    );
    expect(emulator.requests.at(-1)).toEqual({
      authorization: 'Bearer sk-test',
      body: {
        model: 'gpt-4o-mini',
        temperature: 0,
        messages: [
          { role: 'system', content: 'Answer from passages.' },
          { role: 'user', content: 'Is there parking?' },
        ],
      },
    });
  });

  it('gives a server error to the caller at once (the answer is then quoted), retrying only when asked to', async () => {
    const once = new ChatAnswerModel({ model: 'm', apiKey: 'sk-test', baseURL: emulator.url });
    emulator.failNext(503);
    await expect(once.reply({ system: 's', prompt: 'p' })).rejects.toThrow(/503/);
    const twice = new ChatAnswerModel({ model: 'm', apiKey: 'sk-test', baseURL: emulator.url, maxRetries: 1 });
    emulator.failNext(500);
    expect(await twice.reply({ system: 's', prompt: 'p' })).toBe('echo: p');
  });

  it('needs a key or a server to talk to', () => {
    expect(() => new ChatAnswerModel({ model: 'm' })).toThrow(/OPENAI_API_KEY/);
  });
});
