import { initialState, receive, type BotDefinition, type EngineState } from '@botflow/graph';

/** Runs the interpreter inside Temporal's workflow sandbox over `messages` customer messages; no activities. */
export async function interpreterBench(definition: BotDefinition, messages: number): Promise<{ visits: number }> {
  const env = { definition, contactKey: '27820000000' };
  let state: EngineState = initialState();
  let visits = 0;
  for (let i = 0; i < messages; i++) {
    const result = receive(env, state, { id: `m${i}`, type: 'text', text: 'yes', receivedAt: 0 }, Date.now());
    visits += i === 0 ? 1 : Object.keys(definition.nodes).length + 1;
    state = result.state;
  }
  return Promise.resolve({ visits });
}
