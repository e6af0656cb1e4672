export { createDocumentKnowledge, type DocumentKnowledgeDeps } from './document-knowledge.ts';
export {
  createIngestionActivities,
  type IngestionActivities,
  type IngestionActivityDeps,
} from './ingestion-activities.ts';
