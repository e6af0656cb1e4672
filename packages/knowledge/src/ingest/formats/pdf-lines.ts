import type { TextItem } from 'pdfjs-dist/types/src/display/api.d.ts';

export interface PdfLine {
  /** Cells of the line: more than one when wide gaps split it into columns. */
  cells: string[];
  size: number;
  y: number;
}

// A gap wider than this many font sizes separates columns rather than words.
const COLUMN_GAP = 1.5;

/** pdf.js gives positioned text runs; runs on one baseline make a line. */
export function linesOf(items: TextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: { runs: TextItem[]; y: number } | undefined;
  for (const item of items) {
    const y = item.transform[5] as number;
    const size = fontSize(item);
    if (current && Math.abs(current.y - y) > Math.max(size, 1) * 0.5) {
      lines.push(toLine(current.runs, current.y));
      current = undefined;
    }
    if (item.str.trim() === '' && !current) continue;
    current ??= { runs: [], y };
    current.runs.push(item);
    if (item.hasEOL) {
      lines.push(toLine(current.runs, current.y));
      current = undefined;
    }
  }
  if (current) lines.push(toLine(current.runs, current.y));
  return lines.filter((l) => l.cells.some((c) => c.trim()));
}

function fontSize(item: TextItem): number {
  return Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height;
}

function toLine(runs: TextItem[], y: number): PdfLine {
  const cells: string[] = [''];
  let size = 0;
  let end: number | undefined;
  for (const run of runs) {
    const x = run.transform[4] as number;
    const runSize = fontSize(run);
    if (run.str.trim()) {
      if (end !== undefined && x - end > COLUMN_GAP * runSize) cells.push('');
      size = Math.max(size, runSize);
      end = x + run.width;
    }
    cells[cells.length - 1] += run.str;
  }
  return { cells: cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean), size, y };
}
