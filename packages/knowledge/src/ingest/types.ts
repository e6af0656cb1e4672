export type BlockKind = 'paragraph' | 'table_row' | 'list_item' | 'heading';

export interface Block {
  kind: BlockKind;
  text: string;
}

/** The blocks under one heading; headingPath is empty for text before the first heading. */
export interface Section {
  headingPath: string[];
  blocks: Block[];
}

export interface ParsedDocument {
  title: string;
  /** The canonical type of what was read, whatever the upload claimed. */
  mimeType: string;
  sections: Section[];
  /** PDFs only: pages read. */
  pages?: number;
}

export type DocumentFormat = 'pdf' | 'docx' | 'text' | 'markdown' | 'html' | 'csv';

export const FORMAT_MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  csv: 'text/csv',
};
