export {
  searchKnowledge,
  DEFAULT_EF_SEARCH,
  type KnowledgeHit,
  type SearchKnowledgeInput,
} from './search-knowledge.ts';
export { DEFAULT_FUSION, fuse, fusedScore, type FusionWeights, type RankedCandidate } from './fusion.ts';
export { STOP_WORD_DICTIONARIES } from './lexical-query.ts';
export { retrieve, type Retrieval, type RetrieveInput, type RetrievedPassage } from './retrieve.ts';
export { SUPPORTED_DIMENSIONS } from './search-knowledge.ts';
