import { decodeText } from './decode-text.ts';
import { detectFormat, type Upload } from './detect.ts';
import { readCsv } from './formats/csv.ts';
import { readDocx } from './formats/docx.ts';
import type { FormatResult } from './formats/format-result.ts';
import { readHtml } from './formats/html.ts';
import { readMarkdown } from './formats/markdown.ts';
import { readPdf } from './formats/pdf.ts';
import { readPlainText } from './formats/plain-text.ts';
import { DocumentRejected, describeUpload } from './rejected.ts';
import { dropTitleLevel } from './section-builder.ts';
import { FORMAT_MIME_TYPES, type DocumentFormat, type ParsedDocument } from './types.ts';

export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface ParseInput extends Upload {
  /** Larger uploads are rejected before they are read; 20 MB unless set. */
  maxBytes?: number;
}

/** Reads an upload into titled sections of blocks, or throws DocumentRejected saying why it can't be used. */
export async function parseDocument(input: ParseInput): Promise<ParsedDocument> {
  const { bytes, filename } = input;
  const name = describeUpload(filename);
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new DocumentRejected(
      'too_large',
      `${name} is ${megabytes(bytes.byteLength)}: the limit is ${megabytes(maxBytes)}. Split it into smaller files.`,
    );
  }
  if (bytes.byteLength === 0) throw new DocumentRejected('empty', `${name} is empty.`);

  let text: string | undefined;
  const asText = () => (text ??= decodeText(bytes, filename));
  const format = await detectFormat(input, asText);
  let found: FormatResult;
  try {
    found = await read(format, bytes, asText);
  } catch (error) {
    if (error instanceof DocumentRejected) throw error;
    throw unreadable(format, name, error);
  }
  const sections = found.sections.filter((s) => s.blocks.length > 0);
  if (sections.length === 0) {
    const scanned = format === 'pdf' ? ' If it is a scan, it needs text recognition (OCR) first.' : '';
    throw new DocumentRejected('no_text', `${name} has no text to learn from.${scanned}`);
  }
  const title = found.title || found.firstHeading || titleFromFilename(filename) || 'Untitled document';
  return {
    title,
    mimeType: FORMAT_MIME_TYPES[format],
    sections: dropTitleLevel(sections, title),
    ...(found.pages === undefined ? {} : { pages: found.pages }),
  };
}

function read(format: DocumentFormat, bytes: Uint8Array, text: () => string): Promise<FormatResult> | FormatResult {
  switch (format) {
    case 'pdf':
      return readPdf(bytes);
    case 'docx':
      return readDocx(bytes);
    case 'html':
      return readHtml(text());
    case 'markdown':
      return readMarkdown(text());
    case 'csv':
      return readCsv(text());
    case 'text':
      return readPlainText(text());
  }
}

function unreadable(format: DocumentFormat, name: string, error: unknown): DocumentRejected {
  const passworded = error instanceof Error && error.name === 'PasswordException';
  const detail = passworded
    ? 'it is protected by a password. Save a copy without the password and upload that.'
    : `it may be damaged. Open it, save it again as ${format.toUpperCase()}, and upload the new file.`;
  return new DocumentRejected('unreadable', `${name} could not be read: ${detail}`);
}

function titleFromFilename(filename: string | undefined): string | undefined {
  const stem = filename?.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return stem?.replace(/[_-]+/g, ' ').trim() || undefined;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
