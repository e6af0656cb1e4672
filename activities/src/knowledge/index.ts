export { ChatAnswerModel, type ChatAnswerModelOptions } from './chat-answer-model.ts';
export { createDocumentKnowledge, type DocumentKnowledgeDeps } from './document-knowledge.ts';
export {
  createIngestionActivities,
  type IngestionActivities,
  type IngestionActivityDeps,
} from './ingestion-activities.ts';
