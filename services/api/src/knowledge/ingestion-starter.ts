import { WorkflowIdConflictPolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { INGEST_DOCUMENT_WORKFLOW, ingestionWorkflowId, type IngestDocumentInput } from '@botflow/contracts';

/** Starts and stops documents' ingestion workflows (`ingest:<document-id>`) on the ingestion task queue. */
export class IngestionStarter {
  readonly #temporal: Client;
  readonly #taskQueue: string;

  constructor(temporal: Client, taskQueue: string) {
    this.#temporal = temporal;
    this.#taskQueue = taskQueue;
  }

  /** Starts ingestion, or joins the one already running for the document (a repeated request starts nothing). */
  start(documentId: string): Promise<void> {
    return this.#start(documentId, WorkflowIdConflictPolicy.USE_EXISTING);
  }

  /**
   * Starts ingestion afresh, ending a run that may be closing without having seen the latest change (a model switch,
   * a retry). Safe at any point: every step of the workflow picks up where the stored state is.
   */
  restart(documentId: string): Promise<void> {
    return this.#start(documentId, WorkflowIdConflictPolicy.TERMINATE_EXISTING);
  }

  async #start(documentId: string, workflowIdConflictPolicy: WorkflowIdConflictPolicy): Promise<void> {
    const input: IngestDocumentInput = { documentId };
    await this.#temporal.workflow.start(INGEST_DOCUMENT_WORKFLOW, {
      workflowId: ingestionWorkflowId(documentId),
      taskQueue: this.#taskQueue,
      args: [input],
      workflowIdConflictPolicy,
    });
  }

  /** Stops a running ingestion (the document is being deleted); nothing to do when none runs. */
  async stop(documentId: string, reason: string): Promise<void> {
    try {
      await this.#temporal.workflow.getHandle(ingestionWorkflowId(documentId)).terminate(reason);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
  }
}
