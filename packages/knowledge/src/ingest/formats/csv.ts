import type { Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { SectionBuilder } from '../section-builder.ts';
import type { FormatResult } from './format-result.ts';
import { tableRowTexts } from './table-rows.ts';

/** The first row names the columns; every other row becomes one `table_row` block. */
export function readCsv(text: string): FormatResult {
  const options: Options = {
    delimiter: guessDelimiter(text),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  };
  const records: string[][] = parse(text, options);
  const [header, ...rows] = records;
  const builder = new SectionBuilder();
  for (const row of tableRowTexts(header, rows)) builder.block('table_row', row);
  return { sections: builder.sections() };
}

/** Spreadsheets export with `,`, `;` (where the decimal mark is a comma) or tabs: the header line says which. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}
