/**
 * The ids of the customer's most recent messages. Meta may re-deliver a message at any time; the API filters most
 * duplicates, and this catches the rest (concurrent deliveries, an evicted cache). Bounded so it stays cheap to carry
 * across continue-as-new.
 */
export class SeenMessageIds {
  static readonly LIMIT = 500;
  private readonly ids: Set<string>;

  constructor(initial: string[] = []) {
    this.ids = new Set(initial.slice(-SeenMessageIds.LIMIT));
  }

  /** Returns false when the id was seen before. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > SeenMessageIds.LIMIT) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }

  toArray(): string[] {
    return [...this.ids];
  }
}
