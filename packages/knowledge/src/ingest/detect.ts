import { fileTypeFromBuffer } from 'file-type';
import { DocumentRejected, SUPPORTED_TYPES_HINT, describeUpload } from './rejected.ts';
import type { DocumentFormat } from './types.ts';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  csv: 'csv',
  tsv: 'csv',
};

const BY_MIME_TYPE: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
};

// Types that file-type finds in text files, where the name or the content says more.
const TEXTUAL_DETECTIONS = new Set(['xml', 'svg']);

export interface Upload {
  bytes: Uint8Array;
  filename?: string;
  mimeType?: string;
}

/** What the bytes are, by their signature first (a PDF named .txt is a PDF), then the file's name, type and content. */
export async function detectFormat(upload: Upload, text: () => string): Promise<DocumentFormat> {
  const extension = extensionOf(upload.filename);
  const detected = await fileTypeFromBuffer(upload.bytes);
  if (detected && !TEXTUAL_DETECTIONS.has(detected.ext)) {
    if (detected.ext === 'pdf' || detected.ext === 'docx') return detected.ext;
    throw unsupported(upload.filename, detected.ext === 'cfb' && extension ? extension : detected.ext);
  }
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  const mimeType = upload.mimeType?.split(';')[0]?.trim().toLowerCase();
  if (mimeType && BY_MIME_TYPE[mimeType] && BY_MIME_TYPE[mimeType] !== 'pdf' && BY_MIME_TYPE[mimeType] !== 'docx') {
    return BY_MIME_TYPE[mimeType];
  }
  if (extension) throw unsupported(upload.filename, extension);
  return sniffText(text());
}

function sniffText(text: string): DocumentFormat {
  const start = text.trimStart().slice(0, 500).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(body|head)[\s>]/.test(start)) return 'html';
  if (/^#{1,6} \S/m.test(text) || /^\|.+\|\s*\n\|[\s:|-]+\|/m.test(text)) return 'markdown';
  return 'text';
}

function extensionOf(filename: string | undefined): string | undefined {
  const match = filename ? /\.([a-z0-9]{1,10})$/i.exec(filename.trim()) : null;
  return match?.[1]?.toLowerCase();
}

function unsupported(filename: string | undefined, extension: string): DocumentRejected {
  return new DocumentRejected(
    'unsupported_type',
    `${describeUpload(filename)} is a .${extension} file: ${SUPPORTED_TYPES_HINT}.`,
  );
}
