import { describe, expect, it } from 'vitest';
import { offlineLanguageModel } from './ai/offline.ts';
import { scriptedModel } from './ai/scripted.ts';
import { createLlmReply } from './llm-reply.ts';

describe('llmReply', () => {
  it('answers the model’s reply as {text}', async () => {
    const llmReply = createLlmReply(offlineLanguageModel);
    expect(await llmReply({ system: 'Be brief', prompt: 'Hi there' })).toEqual({
      text: '[offline model] No language model is connected yet. You wrote: "Hi there"',
    });
  });

  it('cuts a reply longer than one WhatsApp message', async () => {
    const llmReply = createLlmReply(scriptedModel({ reply: `  ${'a'.repeat(5000)}` }));
    expect(((await llmReply({ system: '', prompt: 'x' })) as { text: string }).text).toHaveLength(4096);
  });

  it('refuses input without a prompt, for good', async () => {
    const llmReply = createLlmReply(offlineLanguageModel);
    await expect(llmReply({ system: '' })).rejects.toMatchObject({
      nonRetryable: true,
      message: '"prompt" must be text',
    });
  });
});
