/** Cells and column names match regardless of case and surrounding spaces. */
export function cellKey(text: string): string {
  return text.trim().toLowerCase();
}

export function columnIndex(columns: string[], name: string): number {
  const wanted = cellKey(name);
  return columns.findIndex((c) => cellKey(c) === wanted);
}
