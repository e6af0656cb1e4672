// Knowledge search benchmark: a 100k-chunk knowledge base in a throwaway database; HNSW build time, HNSW recall@10
// against exact search for several ef_search values, and hybrid search (searchKnowledge) latency.
//   node bench/knowledge/search.ts [--chunks 100000] [--sentences 3000] [--queries 200] [--out report.md]
// Vectors: the real all-MiniLM-L6-v2 embeds a few thousand distinct sentences (100k chunks would take ~20 min); each
// chunk is four of those sentences plus a reference code, and its vector is the normalised sum of their embeddings
// plus a little noise, so vectors and words agree. Queries are real embeddings of sentences no chunk holds.
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@botflow/db';
import { createTestDatabase } from '@botflow/db/testing';
import { defaultModelDir, hasModelFiles, INSTALL_HINT } from '@botflow/embeddings';
import { LocalMiniLmEmbedder } from '@botflow/embeddings/local';
import { searchKnowledge } from '@botflow/knowledge/search';
import { candidatesSql } from '../../packages/knowledge/src/search/search-knowledge.ts';

const { values: args } = parseArgs({
  options: {
    chunks: { type: 'string', default: '100000' },
    sentences: { type: 'string', default: '3000' },
    queries: { type: 'string', default: '200' },
    out: { type: 'string' },
    explain: { type: 'boolean', default: false },
  },
});
const chunkCount = Number(args.chunks);
const queryCount = Number(args.queries);
const modelDir = process.env.EMBEDDINGS_MODEL_DIR || defaultModelDir();
if (!hasModelFiles(modelDir)) throw new Error(`no all-MiniLM-L6-v2 in ${modelDir}: run ${INSTALL_HINT}`);

let seed = 42;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

const SUBJECTS = [
  'Guests',
  'Patients',
  'Children',
  'Visitors',
  'Families',
  'Members',
  'Residents',
  'Students',
  'Groups',
  'Couples',
  'Pet owners',
  'Business travellers',
  'New customers',
  'Returning clients',
  'Cyclists',
  'Hikers',
  'Wheelchair users',
  'Seniors',
  'Parents',
  'Staff',
];
const ACTIONS = [
  'can book',
  'should confirm',
  'may cancel',
  'must pay for',
  'can reschedule',
  'are offered',
  'can ask about',
  'receive a discount on',
  'need a referral for',
  'can collect',
  'should bring',
  'can upgrade',
  'may bring',
  'get free',
  'can order',
  'must show ID for',
  'can rent',
  'are charged for',
  'can request',
  'can change',
];
const OBJECTS = [
  'the breakfast buffet',
  'a dental check-up',
  'the airport shuttle',
  'late check-out',
  'a blood test',
  'the sauna session',
  'parking spaces',
  'a vaccination appointment',
  'the family room',
  'physiotherapy',
  'bicycles',
  'the spa package',
  'an eye examination',
  'laundry service',
  'packed lunches',
  'the conference room',
  'a baby cot',
  'X-ray results',
  'gift vouchers',
  'a follow-up visit',
  'the rooftop terrace',
  'dinner reservations',
  'prescriptions',
  'extra towels',
  'a sick note',
  'guided tours',
  'the swimming pool',
  'a massage',
  'invoices',
  'the lockers',
];
const CONTEXTS = [
  'at reception',
  'online',
  'by phone',
  'before 10 am',
  'on weekends',
  'during school holidays',
  'with 48 hours notice',
  'for a small fee',
  'free of charge',
  'in the main building',
  'at the Rua Nova branch',
  'after 6 pm',
  'on public holidays',
  'from May to September',
  'with a valid card',
  'through the app',
  'at the front desk',
  'before arrival',
  'on the first visit',
  'in cash or by card',
];

function distinctSentences(count: number): string[] {
  const sentences = new Set<string>();
  while (sentences.size < count)
    sentences.add(`${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(OBJECTS)} ${pick(CONTEXTS)}.`);
  return [...sentences];
}

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const vectorText = (vector: ArrayLike<number>) => `[${Array.from(vector, (v) => v.toFixed(6)).join(',')}]`;

// 1. Real embeddings for the sentence pool and the held-out questions.
const pool = distinctSentences(Number(args.sentences) + queryCount);
const questions = pool.splice(0, queryCount);
const embedder = await LocalMiniLmEmbedder.load({ modelDir, batchSize: 32 });
const [[poolVectors, questionVectors], embedMs] = await time(async () => [
  await embedder.embed(pool),
  await embedder.embed(questions),
]);

// 2. The knowledge base, bulk-loaded without the HNSW index (as after a restore), then indexed.
const database = await createTestDatabase();
const prisma: PrismaClient = createPrismaClient(database.url);
try {
  const organisation = await prisma.organisation.create({ data: { name: 'Bench', slug: 'bench' } });
  const knowledgeBase = await prisma.knowledgeBase.create({
    data: { organisationId: organisation.id, name: 'Bench', embeddingModel: embedder.model, dimension: 384 },
  });
  await prisma.$executeRawUnsafe('DROP INDEX chunks_embedding_384_hnsw_idx');
  const perDocument = 1000;
  const [, loadMs] = await time(async () => {
    for (let first = 0; first < chunkCount; first += perDocument) {
      const document = await prisma.document.create({
        data: {
          knowledgeBaseId: knowledgeBase.id,
          sourceType: 'upload',
          filename: `manual-${first / perDocument}.md`,
          contentSha256: String(first).padStart(64, '0'),
          status: 'ready',
        },
      });
      const contents: string[] = [];
      const vectors: string[] = [];
      for (let i = first; i < Math.min(first + perDocument, chunkCount); i++) {
        const picked = Array.from({ length: 4 }, () => Math.floor(random() * pool.length));
        contents.push(`${picked.map((p) => pool[p]).join(' ')} Reference ${pick([...'ABCDEFGH'])}-${10000 + i}.`);
        const sum = Array.from({ length: 384 }, (_, d) => {
          return picked.reduce((s, p) => s + poolVectors[p]![d]!, 0) + 0.03 * gaussian();
        });
        const norm = Math.hypot(...sum);
        vectors.push(vectorText(sum.map((v) => v / norm)));
      }
      await prisma.$executeRaw`
        INSERT INTO chunks (id, document_id, knowledge_base_id, position, content, token_count, embedding)
        SELECT ${document.id} || '-' || position, ${document.id}, ${knowledgeBase.id}, position - 1, content, 60,
          embedding::vector
        FROM unnest(${contents}::text[], ${vectors}::text[]) WITH ORDINALITY AS seed(content, embedding, position)`;
    }
  });
  // One connection of its own: the build outlasts Prisma's transaction timeout, and SET must reach its session.
  const builder = new pg.Client({ connectionString: database.url });
  await builder.connect();
  const [, buildMs] = await time(async () => {
    await builder.query(`SET maintenance_work_mem = '1GB'`);
    // As the migration declares it: the 384-long vectors' partial index over the cast column.
    await builder.query(
      'CREATE INDEX chunks_embedding_384_hnsw_idx ON chunks USING hnsw ((embedding::vector(384)) vector_cosine_ops) ' +
        'WITH (m = 16, ef_construction = 64) WHERE vector_dims(embedding) = 384',
    );
  });
  await builder.end();
  await prisma.$executeRawUnsafe('VACUUM ANALYZE chunks');

  // 3. HNSW recall@10 against exact search (sequential scan), per ef_search.
  const nearest = (vector: Float32Array, settings: string[]) =>
    prisma
      .$transaction([
        ...settings.map((s) => prisma.$executeRawUnsafe(`SET LOCAL ${s}`)),
        prisma.$queryRaw<{ id: string }[]>`
          SELECT id FROM chunks WHERE knowledge_base_id = ${knowledgeBase.id} AND vector_dims(embedding) = 384
          ORDER BY embedding::vector(384) <=> ${vectorText(vector)}::vector(384) LIMIT 10`,
      ])
      .then((results) => (results.at(-1) as { id: string }[]).map((row) => row.id));
  const exact: string[][] = [];
  for (const vector of questionVectors) exact.push(await nearest(vector, ['enable_indexscan = off']));
  const recall: { efSearch: number; recall: number; p50: number; p95: number }[] = [];
  for (const efSearch of [40, 80, 160]) {
    let found = 0;
    const latencies: number[] = [];
    for (const [q, vector] of questionVectors.entries()) {
      const [ids, ms] = await time(() => nearest(vector, [`hnsw.ef_search = ${efSearch}`]));
      latencies.push(ms);
      found += ids.filter((id) => exact[q]!.includes(id)).length;
    }
    recall.push({
      efSearch,
      recall: found / (10 * questionVectors.length),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    });
  }

  // 4. Hybrid search latency, as the bot calls it (topK 5), after a warm-up.
  const hybrid: { efSearch: number; p50: number; p95: number; p99: number }[] = [];
  for (const efSearch of [40, 80, 160]) {
    const search = (q: number) =>
      searchKnowledge(prisma, {
        organisationId: organisation.id,
        query: questions[q]!,
        queryEmbedding: questionVectors[q]!,
        efSearch,
      });
    for (let q = 0; q < 20; q++) await search(q);
    const latencies: number[] = [];
    for (let q = 0; q < questions.length; q++) latencies.push((await time(() => search(q)))[1]);
    hybrid.push({
      efSearch,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    });
  }

  if (args.explain) {
    for (const q of [0, 1]) {
      const input = { organisationId: organisation.id, query: questions[q]!, queryEmbedding: questionVectors[q]! };
      const sql = candidatesSql(input, 20);
      const plan = await prisma.$transaction([
        prisma.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = relaxed_order`),
        prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, ...sql.values),
      ]);
      console.log(plan[1].map((row) => row['QUERY PLAN']).join('\n'));
    }
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const report = [
    `## Knowledge search: ${chunkCount.toLocaleString('en')} chunks, ${questions.length} queries`,
    '',
    `Vectors: ${pool.length} distinct sentences embedded with ${embedder.model} (${((pool.length + questions.length) / (embedMs / 1000)) | 0}/s),`,
    'chunk = 4 sentences + a reference code, vector = normalised sum of their embeddings + noise; queries = real',
    'embeddings of sentences no chunk holds. HNSW m 16, ef_construction 64, built after the load.',
    '',
    '| Step | Figure |',
    '|---|---|',
    `| Bulk load (no HNSW index; GIN tsv + btree kept) | ${(loadMs / 1000).toFixed(1)} s |`,
    `| HNSW build (maintenance_work_mem 1GB) | ${(buildMs / 1000).toFixed(1)} s |`,
    ...recall.map(
      (r) =>
        `| HNSW recall@10 vs exact, ef_search ${r.efSearch} | ${(r.recall * 100).toFixed(1)} % (dense query p50 ${ms(r.p50)}, p95 ${ms(r.p95)}) |`,
    ),
    ...hybrid.map(
      (h) =>
        `| Hybrid searchKnowledge topK 5, ef_search ${h.efSearch} | p50 ${ms(h.p50)}, p95 ${ms(h.p95)}, p99 ${ms(h.p99)} |`,
    ),
    '',
  ].join('\n');
  console.log(report);
  if (args.out) await writeFile(args.out, report);
} finally {
  await prisma.$disconnect();
  await database.drop();
}
