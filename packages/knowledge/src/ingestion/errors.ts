/** The document was deleted while it was being ingested: the ingestion stops, nothing is left behind. */
export class DocumentGone extends Error {
  constructor(documentId: string) {
    super(`document ${documentId} no longer exists`);
    this.name = 'DocumentGone';
  }
}

/** The knowledge base's model makes vectors of another length than the knowledge base holds: retrying cannot help. */
export class EmbeddingModelMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingModelMismatch';
  }
}
