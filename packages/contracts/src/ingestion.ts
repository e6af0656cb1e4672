/** Registered name of the document ingestion workflow (the API starts it by name). */
export const INGEST_DOCUMENT_WORKFLOW = 'ingestDocument';

/** One ingestion workflow per document: starting it again while it runs joins the running one. */
export function ingestionWorkflowId(documentId: string): string {
  return `ingest:${documentId}`;
}

export interface IngestDocumentInput {
  documentId: string;
}

export type IngestDocumentResult = 'ready' | 'failed' | 'deleted';
