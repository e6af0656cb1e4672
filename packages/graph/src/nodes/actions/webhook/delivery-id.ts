/**
 * One id per visit of a webhook node, the same for every retry, so the receiver can drop duplicates. Hashed (two
 * FNV-1a lanes, 64 bits) so the customer's number does not travel in a header. Pure: it runs inside the workflow.
 */
export function webhookDeliveryId(nodeId: string, contactKey: string, now: number): string {
  const text = `${nodeId}\u0000${contactKey}\u0000${now}`;
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x050c5d1f)}`;
}

function fnv1a(text: string, seed: number): string {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
