import { compileGraph, type BotGraph } from '@botflow/graph/catalogue';
import type { BotDefinition } from '@botflow/graph';
import { eventually, type Product } from './product.ts';

/** The knowledge e2e tests' bot: asks, answers from the knowledge base (or says `dontKnow`), asks again. */
export function questionBot(knowledgeBaseId: string, prompt: string, dontKnow: string): BotDefinition {
  const graph: BotGraph = {
    entry: 'ask',
    nodes: [
      { id: 'ask', type: 'ask_text', options: { prompt, variable: 'question' } },
      {
        id: 'answer',
        type: 'knowledge_answer',
        options: { knowledgeBaseId, questionFrom: 'question', fallbackText: dontKnow },
      },
    ],
    edges: [
      { from: 'ask', port: 'next', to: 'answer' },
      { from: 'answer', port: 'answered', to: 'ask' },
      { from: 'answer', port: 'unknown', to: 'ask' },
    ],
    variables: [],
    settings: { fields: {} },
  };
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(`the question bot does not compile: ${JSON.stringify(compiled.problems)}`);
  return compiled.definition;
}

/** Opens a conversation: says hi and waits for the bot's first question. */
export async function greet(product: Product, customer: string): Promise<void> {
  const before = product.replies(customer).length;
  await product.say(customer, 'hi');
  await eventually(
    () => product.replies(customer),
    (r) => r.length === before + 1,
  );
}

/** Asks the bot and returns its answer: the reply before the bot's next question. */
export async function askBot(product: Product, customer: string, question: string): Promise<string> {
  const before = product.replies(customer).length;
  await product.say(customer, question);
  const replies = await eventually(
    () => product.replies(customer),
    (r) => r.length >= before + 2,
    30_000,
  );
  return replies[before]!.text;
}

/** A knowledge base on the local model, created directly so a bot definition can name its id before it exists. */
export async function createKnowledgeBase(product: Product, id: string): Promise<void> {
  await product.db.knowledgeBase.create({
    data: {
      id,
      organisationId: product.organisationId,
      name: 'Bakery',
      embeddingModel: 'all-MiniLM-L6-v2',
      dimension: 384,
    },
  });
}
