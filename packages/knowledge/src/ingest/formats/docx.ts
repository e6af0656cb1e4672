import mammoth from 'mammoth';
import type { FormatResult } from './format-result.ts';
import { readHtml } from './html.ts';

// Word's Title style is the document's title; images are dropped (their bytes would be inlined as data URIs).
const STYLE_MAP = ["p[style-name='Title'] => h1.doc-title:fresh", "p[style-name='Subtitle'] => p:fresh"];
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** Mammoth turns the Word structure (heading styles, lists, tables) into HTML, which the HTML reader takes apart. */
export async function readDocx(bytes: Uint8Array): Promise<FormatResult> {
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false },
  );
  const { sections, firstHeading } = readHtml(`<body>${value}</body>`);
  return { sections, firstHeading };
}
