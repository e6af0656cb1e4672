import { describe, expect, it } from 'vitest';
import { offlineKnowledgeSource, offlineLanguageModel as model } from './offline.ts';

const intents = [
  { id: 'book', description: 'Book an appointment or a table' },
  { id: 'opening_hours', description: 'Ask when the shop is open' },
  { id: 'prices', description: 'Ask what something costs, the price list' },
];

describe('offline language model', () => {
  it('says it is offline and echoes the prompt briefly', async () => {
    expect(await model.reply({ system: 'Be nice', prompt: 'Are you open\n on Sunday?' })).toBe(
      '[offline model] No language model is connected yet. You wrote: "Are you open on Sunday?"',
    );
    const long = await model.reply({ system: '', prompt: 'x'.repeat(500) });
    expect(long.startsWith('[offline model]')).toBe(true);
    expect(long.length).toBeLessThan(200);
  });

  it('classifies by keyword overlap, the same way every time', async () => {
    expect(await model.classify({ text: 'I would like to book an appointment tomorrow', intents })).toEqual({
      intent: 'book',
      confidence: 0.67,
    });
    expect(await model.classify({ text: 'What are your opening hours?', intents })).toEqual({
      intent: 'opening_hours',
      confidence: 1,
    });
    expect(await model.classify({ text: 'Prices please', intents })).toEqual({ intent: 'prices', confidence: 1 });
    expect(await model.classify({ text: 'Tell me a joke', intents })).toEqual({ intent: null, confidence: 0 });
    expect(await model.classify({ text: '', intents })).toEqual({ intent: null, confidence: 0 });
  });

  it('extracts e-mail, phone, number, ISO date and yes/no by pattern, and no free text', async () => {
    const fields = [
      { name: 'email', type: 'email', description: '' },
      { name: 'phone', type: 'phone', description: '' },
      { name: 'people', type: 'number', description: '' },
      { name: 'date', type: 'date', description: '' },
      { name: 'agreed', type: 'boolean', description: '' },
      { name: 'name', type: 'string', description: '' },
    ] as const;
    const text = 'Yes! Sam here, sam.b@example.co.za or +27 82 123 4567, a table for 4 on 2026-01-09';
    expect(await model.extract({ text, fields: [...fields] })).toEqual({
      email: 'sam.b@example.co.za',
      phone: '+27821234567',
      people: 4,
      date: '2026-01-09',
      agreed: true,
      name: null,
    });
    expect(await model.extract({ text: 'no thanks', fields: [...fields] })).toEqual({
      email: null,
      phone: null,
      people: null,
      date: null,
      agreed: false,
      name: null,
    });
  });
});

describe('offline knowledge source', () => {
  it('says no knowledge base is connected, never grounded', async () => {
    expect(await offlineKnowledgeSource.answer({ knowledgeBaseId: 'kb', question: 'Open on Sunday?' })).toEqual({
      answer: "[offline] I don't have a knowledge base connected yet.",
      sources: [],
      grounded: false,
    });
  });
});
