import { DocumentRejected, describeUpload } from './rejected.ts';

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; otherwise Windows-1252, as older spreadsheet exports are. */
export function decodeText(bytes: Uint8Array, filename: string | undefined): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new DocumentRejected('unreadable', `${describeUpload(filename)} is not a text document we can read.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
