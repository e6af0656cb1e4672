import { cleanText } from '../section-builder.ts';

/** One line per row, naming each value's column ("Size: Large; Price: 12"), so a row stands alone in a chunk. */
export function tableRowTexts(header: string[] | undefined, rows: string[][]): string[] {
  const names = header?.map(cleanText);
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const value = cleanText(cell);
          if (!value) return '';
          const name = names?.[i];
          return name ? `${name}: ${value}` : value;
        })
        .filter(Boolean)
        .join('; '),
    )
    .filter(Boolean);
}
