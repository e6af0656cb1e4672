import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';
import { DocumentRejected } from './rejected.ts';

const text = (s: string) => new TextEncoder().encode(s);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function rejection(input: Parameters<typeof parseDocument>[0]): Promise<DocumentRejected> {
  const error = await parseDocument(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentRejected);
  return error as DocumentRejected;
}

describe('parseDocument rejections', () => {
  it('names the type it found and the types it reads', async () => {
    const xlsx = await rejection({ bytes: text('not really a spreadsheet'), filename: 'prices.xlsx' });
    expect(xlsx.reason).toBe('unsupported_type');
    expect(xlsx.message).toBe('"prices.xlsx" is a .xlsx file: upload PDF, DOCX, TXT, Markdown, HTML or CSV.');
    const png = await rejection({ bytes: PNG, filename: 'menu.txt' });
    expect(png.message).toBe('"menu.txt" is a .png file: upload PDF, DOCX, TXT, Markdown, HTML or CSV.');
    const unnamed = await rejection({ bytes: PNG });
    expect(unnamed.message).toMatch(/^This file is a \.png file/);
  });

  it('rejects files above the size limit, 20 MB unless set', async () => {
    const big = await rejection({ bytes: new Uint8Array(21 * 1024 * 1024), filename: 'scan.pdf' });
    expect(big.reason).toBe('too_large');
    expect(big.message).toBe('"scan.pdf" is 21 MB: the limit is 20 MB. Split it into smaller files.');
    const small = await rejection({ bytes: text('hello world'), filename: 'a.txt', maxBytes: 5 });
    expect(small.reason).toBe('too_large');
  });

  it('rejects empty files and files without text', async () => {
    expect((await rejection({ bytes: new Uint8Array(), filename: 'a.txt' })).message).toBe('"a.txt" is empty.');
    const blank = await rejection({ bytes: text('  \n\n '), filename: 'a.txt' });
    expect(blank).toMatchObject({ reason: 'no_text', message: '"a.txt" has no text to learn from.' });
    const chromeOnly = await rejection({
      bytes: text('<html><body><nav>Home</nav><script>x()</script></body></html>'),
    });
    expect(chromeOnly.reason).toBe('no_text');
  });

  it('rejects damaged PDFs and DOCX files as unreadable', async () => {
    const pdf = await rejection({ bytes: text('%PDF-1.7\n garbage'), filename: 'menu.pdf' });
    expect(pdf.reason).toBe('unreadable');
    expect(pdf.message).toMatch(/^"menu\.pdf" could not be read: it may be damaged/);
    const docx = await rejection({ bytes: text('garbage'), filename: 'menu.docx', mimeType: 'application/pdf' });
    expect(docx.reason).toBe('unreadable');
  });

  it('rejects binary files it cannot name', async () => {
    const binary = await rejection({ bytes: Uint8Array.from([1, 0, 2, 0, 3]), filename: 'blob' });
    expect(binary.reason).toBe('unreadable');
  });
});
