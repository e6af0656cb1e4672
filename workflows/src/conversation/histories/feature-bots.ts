import type { BotDefinition } from '@botflow/graph';
import { compileGraph, type GraphNode, type GraphSettings } from '@botflow/graph/catalogue';

// The bots whose recorded conversations exercise the workflow's effects, waits, hand-overs, debounce and version
// moves (see record-histories.int.test.ts). Changing one changes only future recordings, never the stored histories.

function compiled(entry: string, nodes: GraphNode[], edges: [string, string, string][], settings: GraphSettings = {}) {
  const result = compileGraph({
    entry,
    nodes,
    edges: edges.map(([from, port, to]) => ({ from, port, to })),
    variables: [],
    settings,
  });
  if (!result.ok) throw new Error(`feature bot does not compile: ${JSON.stringify(result.problems)}`);
  return result.definition;
}

const say = (id: string, text: string): GraphNode => ({ id, type: 'send_text', options: { text } });
const ask = (id: string, prompt: string, variable: string): GraphNode => ({
  id,
  type: 'ask_text',
  options: { prompt, variable },
});
const end = (outcome: string): GraphNode => ({ id: `end_${outcome}`, type: 'end', options: { outcome } });

export const featureBots = {
  effectAndWait: (url: string): BotDefinition =>
    compiled(
      'ask_name',
      [
        ask('ask_name', 'Your name?', 'name'),
        {
          id: 'fetch',
          type: 'http_request',
          options: { url, responseMapping: [{ variable: 'word', path: 'word' }], retry: { maxAttempts: 2 } },
        },
        say('greet', '{{word}}, {{name}}!'),
        { id: 'pause', type: 'wait', options: { seconds: 1 } },
        say('later', 'Still here when you need me.'),
        end('goal_reached'),
      ],
      [
        ['ask_name', 'next', 'fetch'],
        ['fetch', 'next', 'greet'],
        ['greet', 'next', 'pause'],
        ['pause', 'next', 'later'],
        ['later', 'next', 'end_goal_reached'],
      ],
    ),
  handoff: (): BotDefinition =>
    compiled(
      'human',
      [
        { id: 'human', type: 'handoff', options: { reason: 'complaint' } },
        ask('more', 'Anything else?', 'more'),
        end('goal_reached'),
      ],
      [
        ['human', 'next', 'more'],
        ['more', 'next', 'end_goal_reached'],
      ],
    ),
  twoQuestions: (outcome: string, debounceMs?: number): BotDefinition =>
    compiled(
      'ask_name',
      [
        ask('ask_name', `(${outcome}) Your name?`, 'name'),
        ask('ask_city', `(${outcome}) Your city, {{name}}?`, 'city'),
        end(outcome),
      ],
      [
        ['ask_name', 'next', 'ask_city'],
        ['ask_city', 'next', `end_${outcome}`],
      ],
      debounceMs === undefined ? {} : { debounceMs },
    ),
  /** "agent" hands over at any question; the agent can release to the menu. */
  humanKeywords: (): BotDefinition =>
    compiled(
      'ask_name',
      [
        ask('ask_name', 'Your name?', 'name'),
        ask('ask_city', 'Your city, {{name}}?', 'city'),
        ask('menu', 'Main menu, {{name}}: what next?', 'next'),
        say('bye', 'Noted: {{next}}.'),
        end('served'),
      ],
      [
        ['ask_name', 'next', 'ask_city'],
        ['ask_city', 'next', 'menu'],
        ['menu', 'next', 'bye'],
        ['bye', 'next', 'end_served'],
      ],
      { humanKeywords: ['agent'] },
    ),
  /** A silent hand-over whose release leads to a wait: a turn with nothing to say but the release. */
  quietRelease: (): BotDefinition =>
    compiled(
      'human',
      [
        { id: 'human', type: 'handoff', options: { reason: 'callback', message: '' } },
        { id: 'pause', type: 'wait', options: { seconds: 1 } },
        say('back', 'The bot is back.'),
        end('goal_reached'),
      ],
      [
        ['human', 'next', 'pause'],
        ['pause', 'next', 'back'],
        ['back', 'next', 'end_goal_reached'],
      ],
    ),
};
