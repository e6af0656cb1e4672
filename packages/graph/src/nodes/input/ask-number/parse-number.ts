/**
 * Reads a number the way people type it: "42", "-3.5", "1 200", "1,200,000", "1 200,50", "1,200.50", "1.200,50".
 * A single comma or dot is the decimal separator ("1,5" is 1.5, and so "1,200" is 1.2: the South African and
 * European reading); a separator that repeats, or comes before the other kind, groups thousands. Any other text in
 * the message makes it not a number.
 */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const plain = /^[+-]?\d*[.,]?\d+$/.exec(t);
  if (plain) return Number(t.replace(',', '.'));
  const grouped = /^([+-]?\d{1,3})((?:([ ,.])\d{3})(?:\3\d{3})*)(?:([.,])(\d+))?$/.exec(t);
  if (!grouped) return null;
  const [, head, groups, groupSeparator, decimalSeparator, decimals] = grouped;
  if (decimalSeparator === groupSeparator) return null;
  const whole = `${head}${(groups ?? '').replaceAll(groupSeparator ?? '', '')}`;
  return Number(decimals === undefined ? whole : `${whole}.${decimals}`);
}
