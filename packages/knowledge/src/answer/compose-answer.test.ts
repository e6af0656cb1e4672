import { describe, expect, it } from 'vitest';
import { passage, scriptedModel } from './answer-fixtures.ts';
import { composeAnswer } from './compose-answer.ts';
import { WHATSAPP_TEXT_LIMIT } from './limits.ts';

const hours = passage('We are open from 9:00 to 18:00, Monday to Saturday.', {
  documentId: 'doc-hours',
  documentTitle: 'Opening hours.pdf',
  chunkId: 'hours-0',
});
const prices = passage('A haircut costs R150. Colouring starts at R400.', {
  documentId: 'doc-prices',
  documentTitle: 'Prices.docx',
  chunkId: 'prices-0',
});
const morePrices = passage('Nails cost R120.', {
  documentId: 'doc-prices',
  documentTitle: 'Prices.docx',
  chunkId: 'prices-1',
});

describe('composeAnswer', () => {
  it('answers nothing when the most similar passage is just below the threshold', async () => {
    const model = scriptedModel('We open at 9:00 [1].');
    const result = await composeAnswer({
      question: 'When do you open?',
      passages: [
        { ...hours, similarity: 0.4999 },
        { ...prices, similarity: 0.2 },
      ],
      minSimilarity: 0.5,
      model,
    });
    expect(result).toEqual({ answer: '', grounded: false, mode: 'none', citations: [], bestSimilarity: 0.4999 });
    expect(model.requests).toHaveLength(0);
  });

  it('answers when the most similar passage is exactly at the threshold', async () => {
    const result = await composeAnswer({
      question: 'When do you open?',
      passages: [{ ...hours, similarity: 0.5 }],
      minSimilarity: 0.5,
    });
    expect(result).toMatchObject({ grounded: true, mode: 'extractive', bestSimilarity: 0.5 });
  });

  it('answers nothing without passages', async () => {
    const result = await composeAnswer({ question: 'Hi?', passages: [], minSimilarity: 0 });
    expect(result).toMatchObject({ grounded: false, mode: 'none', bestSimilarity: 0 });
  });

  it('sends the model’s answer with its sources', async () => {
    const model = scriptedModel('  We open at 9:00 [1] and a haircut costs R150 [2].  ');
    const result = await composeAnswer({
      question: 'When do you open and what is a haircut?',
      passages: [hours, prices],
      minSimilarity: 0.5,
      model,
    });
    expect(result).toEqual({
      answer: 'We open at 9:00 [1] and a haircut costs R150 [2].\n\nSources: 1. Opening hours.pdf, 2. Prices.docx',
      grounded: true,
      mode: 'generated',
      citations: [
        { n: 1, documentId: 'doc-hours', documentTitle: 'Opening hours.pdf', chunkId: 'hours-0' },
        { n: 2, documentId: 'doc-prices', documentTitle: 'Prices.docx', chunkId: 'prices-0' },
      ],
      bestSimilarity: 0.8,
    });
  });

  it('drops citations of passages it was not given', async () => {
    const model = scriptedModel('We open at 9:00 [1][7]. Parking is free [9]. Haircuts cost R150 [0, 2].');
    const result = await composeAnswer({ question: 'Hours?', passages: [hours, prices], minSimilarity: 0.5, model });
    expect(result.answer).toBe(
      'We open at 9:00 [1]. Parking is free. Haircuts cost R150 [2].\n\nSources: 1. Opening hours.pdf, 2. Prices.docx',
    );
    expect(result.citations.map((c) => c.chunkId)).toEqual(['hours-0', 'prices-0']);
  });

  it('numbers sources by document in the order the answer cites them', async () => {
    const model = scriptedModel('Nails cost R120 [3]. We open at 9:00 [1]. Haircuts cost R150 [2][3].');
    const result = await composeAnswer({
      question: 'Prices?',
      passages: [hours, prices, morePrices],
      minSimilarity: 0.5,
      model,
    });
    expect(result.answer).toBe(
      'Nails cost R120 [1]. We open at 9:00 [2]. Haircuts cost R150 [1].\n\nSources: 1. Prices.docx, 2. Opening hours.pdf',
    );
    expect(result.citations).toEqual([
      { n: 1, documentId: 'doc-prices', documentTitle: 'Prices.docx', chunkId: 'prices-1' },
      { n: 2, documentId: 'doc-hours', documentTitle: 'Opening hours.pdf', chunkId: 'hours-0' },
      { n: 1, documentId: 'doc-prices', documentTitle: 'Prices.docx', chunkId: 'prices-0' },
    ]);
  });

  it.each([
    ['no citation', 'We open at 9:00.'],
    ['only invented citations', 'We open at 9:00 [4].'],
    ['the sentinel', 'NO_ANSWER'],
    ['the sentinel beside a guess', 'Probably at 9 [1]. NO_ANSWER'],
    ['an empty reply', '  \n '],
  ])('is not grounded when the model replies %s', async (_, reply) => {
    const result = await composeAnswer({
      question: 'When do you open?',
      passages: [hours, prices],
      minSimilarity: 0.5,
      model: scriptedModel(reply),
    });
    expect(result).toEqual({ answer: '', grounded: false, mode: 'none', citations: [], bestSimilarity: 0.8 });
  });

  it('quotes the passages when the model fails, and says why', async () => {
    const result = await composeAnswer({
      question: 'How much is a haircut?',
      passages: [hours, prices],
      minSimilarity: 0.5,
      model: scriptedModel(new Error('model timed out')),
    });
    expect(result).toEqual({
      answer: 'From “Prices.docx”:\n“A haircut costs R150.”',
      grounded: true,
      mode: 'extractive',
      citations: [{ n: 1, documentId: 'doc-prices', documentTitle: 'Prices.docx', chunkId: 'prices-0' }],
      bestSimilarity: 0.8,
      modelError: 'model timed out',
    });
  });

  it('quotes only passages at or above the threshold', async () => {
    const result = await composeAnswer({
      question: 'How much is a haircut?',
      passages: [
        { ...hours, similarity: 0.9 },
        { ...prices, similarity: 0.3 },
      ],
      minSimilarity: 0.5,
    });
    expect(result.citations.map((c) => c.chunkId)).toEqual(['hours-0']);
  });

  it('keeps a long generated answer and its sources within one WhatsApp message', async () => {
    const model = scriptedModel(`We open at 9:00 [1]. ${'Every day is a good day for a haircut. '.repeat(150)}[2]`);
    const result = await composeAnswer({ question: 'Hours?', passages: [hours, prices], minSimilarity: 0.5, model });
    expect(result.answer.length).toBeLessThanOrEqual(WHATSAPP_TEXT_LIMIT);
    expect(result.answer).toMatch(/…\n\nSources: 1\. Opening hours\.pdf$/);
    expect(result.citations.map((c) => c.chunkId)).toEqual(['hours-0']);
  });

  it('asks the model for the configured length and uses the configured labels', async () => {
    const model = scriptedModel('A las 9:00 [1].');
    const result = await composeAnswer({
      question: '¿A qué hora abren?',
      passages: [hours],
      minSimilarity: 0.5,
      model,
      maxAnswerChars: 300,
      labels: { sources: 'Fuentes' },
    });
    expect(model.requests[0]?.system).toContain('under 300 characters');
    expect(result.answer).toBe('A las 9:00 [1].\n\nFuentes: 1. Opening hours.pdf');
  });

  it('refuses options out of range', async () => {
    const input = { question: 'Hours?', passages: [hours] };
    await expect(composeAnswer({ ...input, minSimilarity: 1.5 })).rejects.toThrow(RangeError);
    await expect(composeAnswer({ ...input, minSimilarity: Number.NaN })).rejects.toThrow(RangeError);
    await expect(composeAnswer({ ...input, minSimilarity: 0.5, maxAnswerChars: 5000 })).rejects.toThrow(RangeError);
    await expect(composeAnswer({ ...input, minSimilarity: 0.5, maxAnswerChars: 20 })).rejects.toThrow(RangeError);
  });
});
