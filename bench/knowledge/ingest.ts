// Ingestion end to end, as the ingestion workflow's activities run it (without Temporal's own overhead): a generated
// PDF stored, parsed and chunked into PostgreSQL, then embedded in batches with the real local model and written back.
// Baseline in the same run: embedding the same chunk texts alone, so the ratio shows what storing and bookkeeping add.
//   node bench/knowledge/ingest.ts [--pages 40] [--runs 3] [--models all-MiniLM-L6-v2,all-MiniLM-L6-v2-int8]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@botflow/db';
import { createTestDatabase } from '@botflow/db/testing';
import { EmbeddingModels, embeddingsConfigFromEnv } from '@botflow/embeddings';
import { addDocument, chunkAndStore, embedPending } from '@botflow/knowledge/ingestion';
import { generatedPdf } from './generated-pdf.ts';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    models: { type: 'string', default: 'all-MiniLM-L6-v2,all-MiniLM-L6-v2-int8' },
  },
});
const pages = Number(args.pages);
const runs = Number(args.runs);
const models = new EmbeddingModels(embeddingsConfigFromEnv({}));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const database = await createTestDatabase();
const db = createPrismaClient(database.url);
const rows: string[] = [];
try {
  const organisation = await db.organisation.create({ data: { name: 'Bench', slug: 'bench-ingest' } });
  for (const model of args.models.split(',')) {
    const embedder = await models.embedder(model);
    await embedder.embed(['warm-up: the first call loads and compiles the model']);
    const knowledgeBase = await db.knowledgeBase.create({
      data: { organisationId: organisation.id, name: model, embeddingModel: model, dimension: embedder.dimensions },
    });
    const parseSeconds: number[] = [];
    const embedSeconds: number[] = [];
    const baselineSeconds: number[] = [];
    let chunkCount = 0;
    for (let run = 0; run < runs; run++) {
      const bytes = await generatedPdf(pages, `${model} run ${run}`);
      const { document } = await addDocument(db, knowledgeBase.id, {
        kind: 'upload',
        bytes,
        filename: `handbook-${run}.pdf`,
      });
      let start = performance.now();
      ({ chunkCount } = await chunkAndStore(db, document.id));
      parseSeconds.push((performance.now() - start) / 1000);
      start = performance.now();
      await embedPending(db, document.id, { embedderFor: (name) => models.embedder(name) });
      embedSeconds.push((performance.now() - start) / 1000);

      const texts = (await db.chunk.findMany({ where: { documentId: document.id }, select: { content: true } })).map(
        (chunk) => chunk.content,
      );
      start = performance.now();
      for (let i = 0; i < texts.length; i += 32) await embedder.embed(texts.slice(i, i + 32));
      baselineSeconds.push((performance.now() - start) / 1000);
    }
    const total = median(parseSeconds.map((parse, i) => parse + embedSeconds[i]!));
    rows.push(
      `| ${model} | ${pages} pages → ${chunkCount} chunks | ${median(parseSeconds).toFixed(2)} s | ` +
        `${median(embedSeconds).toFixed(1)} s | ${(pages / total).toFixed(1)} pages/s, ${(chunkCount / total).toFixed(0)} chunks/s | ` +
        `${(chunkCount / median(baselineSeconds)).toFixed(0)} chunks/s | ${(median(embedSeconds) / median(baselineSeconds)).toFixed(2)}× |`,
    );
  }
} finally {
  await db.$disconnect();
  await database.drop();
}
console.log(`Ingestion of a generated ${pages}-page PDF, median of ${runs} runs\n`);
console.log(
  '| model | document | parse + chunk + store | embed + store | end to end | baseline: embedding alone | embed+store ÷ baseline |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
