import express, { Router, type Request } from 'express';
import type { PrismaClient } from '@botflow/db';
import { detectFormat, DocumentRejected } from '@botflow/knowledge/ingest';
import { addDocument, type NewDocument } from '@botflow/knowledge/ingestion';
import { HttpError } from '@botflow/service-kit';
import { organisationOf } from '../auth/require-organisation.ts';
import { parseBody } from '../bots/request-input.ts';
import type { IngestionStarter } from './ingestion-starter.ts';
import { tags as tagsSchema, urlDocumentBody } from './knowledge-input.ts';
import { documentView, findDocument, findKnowledgeBase } from './knowledge-store.ts';

export interface DocumentRoutesDeps {
  db: PrismaClient;
  ingestion: IngestionStarter;
  maxDocumentBytes: number;
}

const DOCUMENTS = '/api/knowledge-bases/:knowledgeBaseId/documents';

/**
 * Documents of a knowledge base. POST takes the file itself as the body (its Content-Type, the name in `?filename=`
 * or Content-Disposition, tags in `?tags=a,b`) or JSON `{ "url": … }`; it answers 201 with the document, whose
 * ingestion then runs in the background, or 200 with the existing one when the file or URL is already there.
 */
export function documentRoutes({ db, ingestion, maxDocumentBytes }: DocumentRoutesDeps): Router {
  const router = Router();
  const readFile = express.raw({ type: (req) => !isJsonType(req.headers['content-type']), limit: maxDocumentBytes });

  router.post(DOCUMENTS, readFile, async (req, res) => {
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    const input = isJson(req) ? urlDocument(req) : await uploadedFile(req);
    const { document, created } = await addDocument(db, knowledgeBase.id, input);
    // Started on every add: a retry after a crash between the insert and the start picks the ingestion up.
    if (document.status !== 'ready' && document.status !== 'failed') await ingestion.start(document.id);
    res.status(created ? 201 : 200).json({ document: documentView(document), created });
  });

  router.get(DOCUMENTS, async (req, res) => {
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    const documents = await db.document.findMany({
      where: { knowledgeBaseId: knowledgeBase.id },
      orderBy: { createdAt: 'asc' },
    });
    res.json({ documents: documents.map(documentView) });
  });

  router.get(`${DOCUMENTS}/:documentId`, async (req, res) => {
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    res.json({ document: documentView(await findDocument(db, knowledgeBase.id, req.params.documentId)) });
  });

  /**
   * Ingests a document again: a failed one (after a fix on the other side: a site back up, a model installed), or one
   * whose ingestion an interruption left unfinished. A finished document has nothing to retry.
   */
  router.post(`${DOCUMENTS}/:documentId/retry`, async (req, res) => {
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    const document = await findDocument(db, knowledgeBase.id, req.params.documentId);
    if (document.status === 'ready' && document.stage === 'finished') {
      throw new HttpError(409, `document ${document.id} is ready: there is nothing to retry`);
    }
    const retried =
      document.status === 'failed'
        ? await db.document.update({ where: { id: document.id }, data: { status: 'pending', error: null } })
        : document;
    await ingestion.restart(document.id);
    res.status(202).json({ document: documentView(retried) });
  });

  /** The document and its chunks are gone at once; a running ingestion is stopped. */
  router.delete(`${DOCUMENTS}/:documentId`, async (req, res) => {
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    const document = await findDocument(db, knowledgeBase.id, req.params.documentId);
    await ingestion.stop(document.id, 'document deleted');
    await db.document.deleteMany({ where: { id: document.id } });
    res.status(204).end();
  });

  return router;
}

const isJsonType = (contentType: string | undefined) => /^application\/json\s*(;|$)/i.test(contentType ?? '');
const isJson = (req: Request) => isJsonType(req.get('content-type'));

function urlDocument(req: Request): NewDocument {
  const { url, tags } = parseBody(urlDocumentBody, req.body);
  return { kind: 'url', url, tags };
}

async function uploadedFile(req: Request): Promise<NewDocument> {
  const bytes: unknown = req.body;
  if (!Buffer.isBuffer(bytes) || bytes.byteLength === 0) {
    throw new HttpError(400, 'the request body is empty: send the file itself as the body, or JSON with a "url"');
  }
  const filename = filenameOf(req);
  const mimeType = req.get('content-type')?.split(';')[0]?.trim();
  try {
    await detectFormat({ bytes, ...(filename ? { filename } : {}), ...(mimeType ? { mimeType } : {}) }, () =>
      new TextDecoder().decode(bytes.subarray(0, 4096)),
    );
  } catch (error) {
    if (error instanceof DocumentRejected) throw new HttpError(415, error.message);
    throw error;
  }
  const tags = parseBody(tagsSchema, typeof req.query.tags === 'string' ? req.query.tags.split(',') : []);
  return {
    kind: 'upload',
    bytes,
    ...(filename ? { filename } : {}),
    ...(mimeType && mimeType !== 'application/octet-stream' ? { mimeType } : {}),
    tags,
  };
}

function filenameOf(req: Request): string | undefined {
  const fromQuery = typeof req.query.filename === 'string' ? req.query.filename : undefined;
  const disposition = req.get('content-disposition') ?? '';
  const fromHeader =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = fromQuery ?? (fromHeader ? decodedHeaderValue(fromHeader) : undefined);
  const base = name?.split(/[\\/]/).at(-1)?.trim();
  if (base && base.length > 255) throw new HttpError(400, 'the file name is longer than 255 characters');
  return base || undefined;
}

function decodedHeaderValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpError(400, 'the file name in Content-Disposition is not valid percent-encoding');
  }
}
