// Local embeddings benchmark: chunks/s at 128 tokens for all-MiniLM-L6-v2 fp32 and int8 (median of several runs), and
// what int8 costs in quality against fp32 (cosine per sentence, retrieval recall@5 and top-5 agreement).
//   node bench/embeddings/run.ts [--runs 5] [--chunks 96] [--batch 8] [--batch-tokens 512] [--threads 0] [--out report.md]
// Needs the model: bash deploy/local/components/embedding-model.sh
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cosine, defaultModelDir, type LocalVariant } from '@botflow/embeddings';
import { LocalMiniLmEmbedder, quantizeMatMulWeights } from '@botflow/embeddings/local';
import { faq, generatedSentences, varied } from './sentences.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    chunks: { type: 'string', default: '96' },
    batch: { type: 'string', default: '8' },
    'batch-tokens': { type: 'string', default: '512' },
    threads: { type: 'string', default: '0' },
    out: { type: 'string' },
  },
});
const runs = Number(args.runs);
const chunkCount = Number(args.chunks);
const batchSize = Number(args.batch);
const batchTokens = Number(args['batch-tokens']);
const threads = Number(args.threads);
const modelDir = process.env.EMBEDDINGS_MODEL_DIR || defaultModelDir();
const loadBefore = loadavg()[0]!;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

const embedders: Record<LocalVariant, LocalMiniLmEmbedder> = {
  fp32: await LocalMiniLmEmbedder.load({ modelDir, batchSize, batchTokens, threads }),
  int8: await LocalMiniLmEmbedder.load({ modelDir, variant: 'int8', batchSize, batchTokens, threads }),
};
const tokenizer = embedders.fp32.tokenizer;

// 1. Speed: chunks of 128 tokens ([CLS] and [SEP] included), cut from a stream of varied words.
const words = [...faq.flatMap((f) => [f.passage, f.question]), ...varied, ...generatedSentences(200)]
  .join(' ')
  .split(/\s+/);
function chunkAt(start: number): string {
  let text = '';
  for (let i = start; ; i++) {
    const next = `${text} ${words[i % words.length]}`.trim();
    if (tokenizer.countTokens(next) > 128) return text;
    text = next;
  }
}
const chunks = Array.from({ length: chunkCount }, (_, i) => chunkAt(i * 37));
const tokenCounts = chunks.map((c) => tokenizer.countTokens(c));

// CPU time that other processes took while the runs went (Linux only): the machine is shared, and figures taken while
// it is busy say little about the model.
function busyTicks(): { all: number; self: number } | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // user nice system irq softirq steal, and this process's utime stime (all threads)
    return { all: cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!, self: fields[11]! + fields[12]! };
  } catch {
    return undefined;
  }
}

// fp32 and int8 take turns, run by run, so that a busy spell on the machine hits both.
const speed: Record<LocalVariant, number[]> = { fp32: [], int8: [] };
for (const variant of ['fp32', 'int8'] as const) await embedders[variant].embed(chunks.slice(0, 8));
const ticksBefore = busyTicks();
const speedStart = performance.now();
for (let r = 0; r < runs; r++) {
  for (const variant of ['fp32', 'int8'] as const) {
    const start = performance.now();
    await embedders[variant].embed(chunks);
    speed[variant].push(chunks.length / ((performance.now() - start) / 1000));
  }
}
const ticksAfter = busyTicks();
// ticks are 1/100 s on Linux: the share of one core that other processes used during the speed runs.
const othersCores =
  ticksBefore && ticksAfter
    ? (ticksAfter.all - ticksBefore.all - (ticksAfter.self - ticksBefore.self)) /
      100 /
      ((performance.now() - speedStart) / 1000)
    : undefined;
const quantizeStart = performance.now();
quantizeMatMulWeights(await readFile(join(modelDir, 'model.onnx')));
const quantizeMs = performance.now() - quantizeStart;

// 2. Quality: the same sentences through both models.
const sentences = [...faq.flatMap((f) => [f.passage, f.question]), ...varied, ...generatedSentences(250)];
const exact = await embedders.fp32.embed(sentences);
const quantized = await embedders.int8.embed(sentences);
const cosines = exact.map((v, i) => cosine(v, quantized[i]!));
// int8 activation scales are computed per batch: the same text alone differs slightly from the text in a batch.
const alone = await Promise.all(sentences.slice(0, 100).map(async (s) => (await embedders.int8.embed([s]))[0]!));
const batchDrift = alone.map((v, i) => cosine(v, quantized[i]!));

// 3. Retrieval: customers' questions against the passages among all other sentences.
const corpus = [...faq.map((f) => f.passage), ...varied, ...generatedSentences(250, 11)];
const questions = faq.map((f) => f.question);
async function top5(variant: LocalVariant): Promise<number[][]> {
  const docs = await embedders[variant].embed(corpus);
  const queries = await embedders[variant].embed(questions);
  return queries.map((q) =>
    docs
      .map((d, i) => ({ i, score: cosine(q, d) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((r) => r.i),
  );
}
const ranked = { fp32: await top5('fp32'), int8: await top5('int8') };
const recall = (variant: LocalVariant, k: number) =>
  mean(ranked[variant].map((top, q) => (top.slice(0, k).includes(q) ? 1 : 0)));
const agreement = mean(ranked.fp32.map((top, q) => top.filter((i) => ranked.int8[q]!.includes(i)).length / 5));
const sameFirst = mean(ranked.fp32.map((top, q) => (top[0] === ranked.int8[q]![0] ? 1 : 0)));

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const cpu = cpus();
const report = `## Local embeddings benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Command: \`node bench/embeddings/run.ts --runs ${runs} --chunks ${chunkCount} --batch ${batchSize} --batch-tokens ${batchTokens} --threads ${threads}\`
Machine: ${cpu[0]?.model ?? '?'} × ${cpu.length} vCPU; load average ${fmt(loadBefore, 2)} before, ${fmt(loadavg()[0]!, 2)} after; other processes used ${othersCores === undefined ? '?' : fmt(othersCores, 2)} of a core during the speed runs (other work on the machine lowers the figures).
Model: all-MiniLM-L6-v2 (onnxruntime-node), ${chunkCount} chunks of ${Math.min(...tokenCounts)}–${Math.max(...tokenCounts)} tokens, batches of up to ${batchSize} texts and ${batchTokens} padded tokens, on ${embedders.int8.threads} single-threaded workers.

| measure | fp32 | int8 |
| --- | ---: | ---: |
| chunks/s at 128 tokens, median of ${runs} | ${fmt(median(speed.fp32))} | ${fmt(median(speed.int8))} |
| chunks/s, all runs | ${speed.fp32.map((v) => fmt(v, 0)).join(' ')} | ${speed.int8.map((v) => fmt(v, 0)).join(' ')} |
| recall@1, ${questions.length} questions among ${corpus.length} sentences | ${fmt(recall('fp32', 1), 3)} | ${fmt(recall('int8', 1), 3)} |
| recall@5 | ${fmt(recall('fp32', 5), 3)} | ${fmt(recall('int8', 5), 3)} |

int8 against fp32:
- cosine over ${sentences.length} sentences: mean ${fmt(mean(cosines), 4)}, min ${fmt(Math.min(...cosines), 4)}
- top-5 agreement with fp32 (share of the same 5 results): ${fmt(agreement, 3)}; same first result: ${fmt(sameFirst, 3)}
- the same text embedded alone vs in a batch (int8 scales are per batch): mean cosine ${fmt(mean(batchDrift), 5)}, min ${fmt(Math.min(...batchDrift), 5)}
- making the int8 model from the fp32 one: ${fmt(quantizeMs, 0)} ms (once, then cached beside the model)
`;
console.log(report);
if (args.out) await writeFile(args.out, report);
await embedders.fp32.release();
await embedders.int8.release();
