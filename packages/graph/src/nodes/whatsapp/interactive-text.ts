import type { NodeContext } from '../../node-runtime.ts';

/** Header and footer, filled in; left out when empty, since WhatsApp refuses an empty one. */
export function headerAndFooter(
  ctx: NodeContext,
  { header, footer }: { header?: string; footer?: string },
): { header?: string; footer?: string } {
  const filledHeader = header ? ctx.interpolate(header) : '';
  const filledFooter = footer ? ctx.interpolate(footer) : '';
  return { ...(filledHeader ? { header: filledHeader } : {}), ...(filledFooter ? { footer: filledFooter } : {}) };
}
