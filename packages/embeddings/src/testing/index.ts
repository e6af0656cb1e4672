export {
  startEmbeddingsEmulator,
  type EmbeddingsEmulator,
  type EmulatorOptions,
  type FailureOptions,
  type RecordedRequest,
} from './embeddings-emulator.ts';
export { fakeEmbedding } from './fake-vectors.ts';
