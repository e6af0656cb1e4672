import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A dense handbook of `pageCount` A4 pages: a chapter heading, paragraphs of shop rules, a page footer. */
export async function generatedPdf(pageCount: number, title = 'Handbook'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const sentences = [
    'Orders above sixty euros are delivered free of charge within eight kilometres of the shop.',
    'Birthday cakes are made to order and need a deposit of one fifth of the price.',
    'The kitchen handles wheat, milk, eggs, nuts and sesame, so no product is free of traces.',
    'Deliveries leave at eleven and at four; we call thirty minutes before we arrive.',
    'Gift cards can be used in the shop and on WhatsApp orders for one year.',
  ];
  const sentence = (n: number) => sentences[n % sentences.length]!;
  for (let p = 0; p < pageCount; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Chapter ${p + 1}`, { x: 50, y: 790, size: 16, font: bold });
    for (let line = 0; line < 45; line++) {
      if (line % 6 === 5) continue; // a blank line ends a paragraph
      page.drawText(sentence(p + line), { x: 50, y: 760 - line * 15, size: 10.5, font });
    }
    page.drawText(`${title} - page ${p + 1}`, { x: 50, y: 30, size: 8, font });
  }
  return pdf.save();
}
