/** The document was deleted while it was being ingested: the ingestion stops, nothing is left behind. */
export class DocumentGone extends Error {
  constructor(documentId: string) {
    super(`document ${documentId} no longer exists`);
    this.name = 'DocumentGone';
  }
}
