import type { PrismaClient } from '@botflow/db';
import { DocumentGone, storeFetchedContent } from '@botflow/knowledge/ingestion';
import { BlockedDestination, FetchFailed, safeFetch, type AllowList } from '@botflow/safe-fetch';
import { ApplicationFailure } from '@temporalio/common';

export interface FetchSourceDeps {
  db: PrismaClient;
  /** Non-public destinations allowed anyway (SAFE_FETCH_ALLOW): a local test server, an intranet wiki. */
  allowHosts: AllowList;
  maxBytes: number;
  timeoutMs?: number;
}

/**
 * A URL document's first step: fetches the page or file through the SSRF guard and stores it for parsing. Does
 * nothing for uploads, or when an earlier attempt already stored the content.
 */
export async function fetchDocumentSource(deps: FetchSourceDeps, documentId: string): Promise<void> {
  const document = await deps.db.document.findUnique({
    where: { id: documentId },
    select: { url: true, file: { select: { documentId: true } } },
  });
  if (!document) throw new DocumentGone(documentId);
  if (document.file || !document.url) return;
  await deps.db.document.update({ where: { id: documentId }, data: { status: 'processing', stage: 'fetching' } });

  let response;
  try {
    response = await safeFetch(document.url, {
      allowHosts: deps.allowHosts,
      maxBytes: deps.maxBytes,
      timeoutMs: deps.timeoutMs ?? 30_000,
      headers: { accept: 'text/html, application/pdf, text/markdown, text/plain, text/csv, */*;q=0.5' },
    });
  } catch (error) {
    if (error instanceof BlockedDestination) throw ApplicationFailure.nonRetryable(error.message, 'BlockedDestination');
    if (error instanceof FetchFailed && error.kind === 'redirect') {
      throw ApplicationFailure.nonRetryable(`${error.message}: give the page's final address`, 'DocumentRejected');
    }
    if (error instanceof FetchFailed && error.kind === 'too-large') {
      throw ApplicationFailure.nonRetryable(
        `${document.url} is larger than ${Math.round(deps.maxBytes / 1024 / 1024)} MB: upload a smaller file instead`,
        'DocumentRejected',
      );
    }
    throw error;
  }
  if (!response.ok) {
    const message = `${document.url} answered HTTP ${response.status}`;
    // A missing or forbidden page stays so; a server error may pass.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      throw ApplicationFailure.nonRetryable(`${message}: check the address`, 'DocumentRejected');
    }
    throw new Error(message);
  }
  await storeFetchedContent(deps.db, documentId, {
    bytes: response.body,
    ...(response.contentType ? { mimeType: response.contentType } : {}),
    ...(fileNameOf(response.finalUrl) ? { filename: fileNameOf(response.finalUrl) } : {}),
  });
}

/** The last path segment when it names a file ("menu.pdf"), so parsing can use its extension. */
function fileNameOf(url: string): string | undefined {
  const last = new URL(url).pathname.split('/').at(-1) ?? '';
  if (!/\.[a-z0-9]{2,5}$/i.test(last)) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a stray % in the address: the name as written still has its extension
  }
}
