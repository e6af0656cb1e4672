export type RejectionReason = 'unsupported_type' | 'too_large' | 'empty' | 'unreadable' | 'no_text';

export const SUPPORTED_TYPES_HINT = 'upload PDF, DOCX, TXT, Markdown, HTML or CSV';

/** The upload can't become part of a knowledge base; the message is written for the bot's owner. */
export class DocumentRejected extends Error {
  readonly reason: RejectionReason;

  constructor(reason: RejectionReason, message: string) {
    super(message);
    this.name = 'DocumentRejected';
    this.reason = reason;
  }
}

/** `"menu.pdf"` when the upload has a name, `This file` otherwise. */
export function describeUpload(filename: string | undefined): string {
  return filename ? `"${filename}"` : 'This file';
}
