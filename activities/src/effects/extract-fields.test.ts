import { describe, expect, it } from 'vitest';
import { offlineLanguageModel } from './ai/offline.ts';
import { scriptedModel } from './ai/scripted.ts';
import { createExtractFields } from './extract-fields.ts';

const fields = [
  { name: 'contact.email', type: 'email', description: 'their e-mail' },
  { name: 'people', type: 'number', description: 'how many' },
  { name: 'note', type: 'string', description: '' },
];

describe('extractFields', () => {
  it('answers the values found by field name, null when not found', async () => {
    const extract = createExtractFields(offlineLanguageModel);
    expect(await extract({ text: 'sam@example.com, 3 of us', fields })).toEqual({
      values: { 'contact.email': 'sam@example.com', people: 3, note: null },
    });
  });

  it('makes the model’s values fit their field, or drops them', async () => {
    const extract = createExtractFields(
      scriptedModel({ extract: { 'contact.email': 'not an address', people: '4', note: '  window seat ', extra: 1 } }),
    );
    expect(await extract({ text: 'x', fields })).toEqual({
      values: { 'contact.email': null, people: 4, note: 'window seat' },
    });
  });

  it('refuses an unknown kind of field, for good', async () => {
    const extract = createExtractFields(offlineLanguageModel);
    await expect(
      extract({ text: 'x', fields: [{ name: 'colour', type: 'colour', description: '' }] }),
    ).rejects.toMatchObject({ nonRetryable: true, message: '"colour" is not a kind of field' });
  });
});
