import { describe, expect, it } from 'vitest';
import { offlineLanguageModel } from './ai/offline.ts';
import { scriptedModel } from './ai/scripted.ts';
import { createClassifyIntent } from './classify-intent.ts';

const intents = [
  { id: 'book', description: 'book an appointment' },
  { id: 'prices', description: 'ask about prices' },
];

describe('classifyIntent', () => {
  it('answers the intent and the confidence', async () => {
    const classify = createClassifyIntent(offlineLanguageModel);
    expect(await classify({ text: 'book me in', intents })).toEqual({ intent: 'book', confidence: 1 });
  });

  it('does not pass on an intent that was not offered, and keeps confidence within 0 and 1', async () => {
    const stranger = createClassifyIntent(scriptedModel({ classify: { intent: 'refund', confidence: 0.9 } }));
    expect(await stranger({ text: 'x', intents })).toEqual({ intent: null, confidence: 0 });
    const eager = createClassifyIntent(scriptedModel({ classify: { intent: 'prices', confidence: 7 } }));
    expect(await eager({ text: 'x', intents })).toEqual({ intent: 'prices', confidence: 1 });
  });

  it('refuses malformed intents, for good', async () => {
    const classify = createClassifyIntent(offlineLanguageModel);
    await expect(classify({ text: 'x', intents: [] })).rejects.toMatchObject({ nonRetryable: true });
    await expect(classify({ text: 'x', intents: [{ id: 'book' }] })).rejects.toMatchObject({ nonRetryable: true });
  });
});
