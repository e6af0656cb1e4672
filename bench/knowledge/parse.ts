// Parsing and chunking speed: documents/s and chunks/s per fixture type, and pages/s on a generated multi-page PDF.
//   node bench/knowledge/parse.ts [--runs 50] [--pages 40] [--estimate]
// Chunks are counted with the all-MiniLM-L6-v2 tokenizer when the model is installed, unless --estimate.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultModelDir, hasModelFiles } from '@botflow/embeddings';
import {
  chunkDocument,
  estimateTokens,
  parseDocument,
  tokenCounter,
  type CountTokens,
} from '@botflow/knowledge/ingest';
import { generatedPdf } from './generated-pdf.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    pages: { type: 'string', default: '40' },
    estimate: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const fixtures = join(import.meta.dirname, '../../packages/knowledge/src/ingest/fixtures');
const modelDir = process.env.EMBEDDINGS_MODEL_DIR || defaultModelDir();

let countTokens: CountTokens = estimateTokens;
let counter = 'word-based estimate';
if (!args.estimate && hasModelFiles(modelDir)) {
  const { MiniLmTokenizer } = await import('@botflow/embeddings/local');
  countTokens = tokenCounter(await MiniLmTokenizer.fromFile(join(modelDir, 'tokenizer.json')));
  counter = 'all-MiniLM-L6-v2 tokenizer';
}

async function measure(name: string, bytes: Uint8Array, repeat: number): Promise<string> {
  let chunks = 0;
  let pages = 0;
  await parseDocument({ bytes, filename: name }); // warm-up: module loading and JIT
  const start = performance.now();
  for (let i = 0; i < repeat; i++) {
    const doc = await parseDocument({ bytes, filename: name });
    chunks += chunkDocument(doc, { countTokens }).length;
    pages += doc.pages ?? 0;
  }
  const seconds = (performance.now() - start) / 1000;
  const perSecond = (n: number) => Math.round(n / seconds).toLocaleString('en');
  const pageRate = pages ? ` | ${perSecond(pages)} pages/s` : '';
  return `| ${name} | ${(bytes.byteLength / 1024).toFixed(1)} KB | ${perSecond(repeat)} docs/s | ${perSecond(chunks)} chunks/s${pageRate} |`;
}

const rows = [];
for (const name of ['handbook.pdf', 'handbook.docx', 'handbook.html', 'handbook.md', 'handbook.txt', 'prices.csv']) {
  rows.push(await measure(name, await readFile(join(fixtures, name)), runs));
}
const pageCount = Number(args.pages);
rows.push(
  await measure(`generated-${pageCount}-pages.pdf`, await generatedPdf(pageCount), Math.max(3, Math.ceil(runs / 10))),
);
console.log(`Parse + chunk (maxTokens 200, overlap 30, ${counter}), ${runs} runs per fixture\n`);
console.log('| file | size | documents | chunks |\n|---|---|---|---|');
for (const row of rows) console.log(row);
