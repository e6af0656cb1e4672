import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';
import type { ParsedDocument } from './types.ts';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));
const parseFixture = async (name: string, mimeType?: string) =>
  parseDocument({ bytes: await fixture(name), filename: name, mimeType });

const outline = (doc: ParsedDocument) => doc.sections.map((s) => s.headingPath.join(' › '));
const blocksOf = (doc: ParsedDocument, kind: string) =>
  doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === kind).map((b) => b.text));

const HOURS_ROWS = [
  'Day: Monday to Friday; Opens: 07:00; Closes: 19:00',
  'Day: Saturday; Opens: 08:00; Closes: 18:00',
  'Day: Sunday; Opens: 08:00; Closes: 13:00',
];
const TITLE = "Rosa's Bakery customer handbook";

describe('parseDocument', () => {
  it.each([
    ['handbook.pdf', 'application/pdf'],
    ['handbook.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['handbook.html', 'text/html'],
    ['handbook.md', 'text/markdown'],
  ])('reads the headings, tables and lists of %s', async (name, mimeType) => {
    const doc = await parseFixture(name);
    expect(doc.title).toBe(TITLE);
    expect(doc.mimeType).toBe(mimeType);
    expect(outline(doc)).toEqual(['Opening hours', 'Ordering', 'Ordering › Delivery', 'Allergens']);
    expect(blocksOf(doc, 'table_row')).toEqual(HOURS_ROWS);
    expect(blocksOf(doc, 'list_item')).toContain('Pay a 20% deposit when you order.');
    expect(blocksOf(doc, 'paragraph')[0]).toBe(
      'The shop on Harbour Street opens every day except public holidays. Hours change in August.',
    );
  });

  it('counts PDF pages and drops the running footer', async () => {
    const doc = await parseFixture('handbook.pdf');
    expect(doc.pages).toBe(2);
    expect(JSON.stringify(doc)).not.toContain('page 1');
  });

  it('drops the navigation, header, footer, scripts, styles and table of contents of an HTML page', async () => {
    const text = JSON.stringify(await parseFixture('handbook.html'));
    for (const chrome of ['Home', 'Fresh bread', 'Privacy', 'analytics', 'font-family', 'Contents:', 'Related:']) {
      expect(text).not.toContain(chrome);
    }
    expect(text).toContain('5 euros');
  });

  it('reads nested list items and code of Markdown as their own blocks', async () => {
    const doc = await parseFixture('handbook.md');
    expect(blocksOf(doc, 'list_item')).toContain('Cash or card.');
    expect(blocksOf(doc, 'paragraph')).toContain('Allergen sheets: ask at the counter.');
  });

  it('reads plain text as paragraphs and bullet lists, titled by its file name', async () => {
    const doc = await parseFixture('handbook.txt');
    expect(doc.title).toBe('handbook');
    expect(doc.mimeType).toBe('text/plain');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]!.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'list_item',
      'list_item',
      'list_item',
      'paragraph',
    ]);
    expect(doc.sections[0]!.blocks[0]!.text).toBe(
      "Rosa's Bakery opens every day except public holidays. Hours change in August. The shop is on Harbour Street.",
    );
  });

  it('turns each CSV row into one block naming its columns, skipping empty cells', async () => {
    const doc = await parseFixture('prices.csv');
    expect(doc.mimeType).toBe('text/csv');
    expect(doc.sections[0]!.blocks).toEqual([
      { kind: 'table_row', text: 'Product: Sourdough loaf; Size: 800 g; Price (EUR): 4.50; Notes: Baked daily' },
      { kind: 'table_row', text: 'Product: Croissant; Price (EUR): 1.80; Notes: Butter, made in-house' },
      {
        kind: 'table_row',
        text: 'Product: Birthday cake; Size: 8 portions; Price (EUR): 32.00; Notes: Order three days ahead',
      },
      {
        kind: 'table_row',
        text: 'Product: Carrot cake; Size: 12 portions; Price (EUR): 38.00; Notes: Contains nuts; ask for the "nut-free" version',
      },
    ]);
  });

  it('reads semicolon-separated CSV in Windows-1252, as older spreadsheet exports are', async () => {
    const bytes = Uint8Array.from([...'Plat;Prix\nCrème brûlée;6\n'].map((c) => c.charCodeAt(0)));
    const doc = await parseDocument({ bytes, filename: 'carte.csv' });
    expect(doc.sections[0]!.blocks).toEqual([{ kind: 'table_row', text: 'Plat: Crème brûlée; Prix: 6' }]);
  });

  it('goes by the bytes before the name and by the content when there is neither name nor type', async () => {
    const pdf = await parseDocument({ bytes: await fixture('handbook.pdf'), filename: 'handbook.txt' });
    expect(pdf.mimeType).toBe('application/pdf');
    const html = await parseDocument({ bytes: new TextEncoder().encode('<!DOCTYPE html><p>Hello</p>') });
    expect(html.mimeType).toBe('text/html');
    const markdown = await parseDocument({ bytes: new TextEncoder().encode('# Menu\n\nBread') });
    expect(markdown).toMatchObject({ mimeType: 'text/markdown', title: 'Menu' });
    const byType = await parseDocument({
      bytes: new TextEncoder().encode('a,b\n1,2'),
      mimeType: 'text/csv; charset=utf-8',
    });
    expect(byType.sections[0]!.blocks[0]!.text).toBe('a: 1; b: 2');
  });
});
