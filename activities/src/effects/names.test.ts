import { describe, expect, it } from 'vitest';
import { EFFECT_TYPES, effectActivityName } from '@botflow/graph';
import { offlineKnowledgeSource, offlineLanguageModel } from './ai/offline.ts';
import { createEffectActivities } from './index.ts';

describe('effect activities', () => {
  it('has one activity for every effect type, under the name the workflow calls', () => {
    const activities = createEffectActivities({
      languageModel: offlineLanguageModel,
      knowledge: offlineKnowledgeSource,
      webhookSecrets: () => undefined,
      allowHosts: [],
    });
    expect(Object.keys(activities).sort()).toEqual(EFFECT_TYPES.map(effectActivityName).sort());
  });
});
