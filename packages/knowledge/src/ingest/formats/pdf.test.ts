import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from './pdf.ts';

async function chapters(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([400, 400]);
    page.drawText(`Chapter ${p}`, { x: 40, y: 360, size: 16, font: bold });
    page.drawText(`Body text of chapter ${p} that goes on for a while.`, { x: 40, y: 330, size: 10, font });
    page.drawText(`Breaking a word across lines is hyphen-`, { x: 40, y: 318, size: 10, font });
    page.drawText(`ated in print.`, { x: 40, y: 306, size: 10, font });
    page.drawText(`${p}`, { x: 200, y: 20, size: 9, font });
    page.drawText(`Rosa's Bakery handbook, page ${p} of ${pages}`, { x: 40, y: 35, size: 8, font });
  }
  return pdf.save();
}

describe('readPdf', () => {
  it('keeps chapter headings that open every page and drops page numbers and running footers', async () => {
    const { sections, pages } = await readPdf(await chapters(3));
    expect(pages).toBe(3);
    expect(sections.map((s) => s.headingPath)).toEqual([['Chapter 1'], ['Chapter 2'], ['Chapter 3']]);
    expect(sections[0]!.blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Body text of chapter 1 that goes on for a while. Breaking a word across lines is hyphenated in print.',
      },
    ]);
  });
});
