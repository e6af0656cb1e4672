/** How a URL appears in messages: without its query, which may carry keys. */
export function described(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * A destination this server refuses to fetch: not http(s), a cloud metadata host, or an address that is not on the
 * public internet. Retrying cannot help; the message is written for the bot owner who gave the URL.
 */
export class BlockedDestination extends Error {
  override name = 'BlockedDestination';
  /** The address the name resolved to, when an address was the reason. */
  readonly address: string | undefined;
  constructor(message: string, address?: string) {
    super(message);
    this.address = address;
  }
}

export type FetchFailureKind = 'timeout' | 'unreachable' | 'too-large' | 'redirect';

/** The fetch did not complete: the server, the network or its answer failed it. Often worth another attempt. */
export class FetchFailed extends Error {
  override name = 'FetchFailed';
  readonly kind: FetchFailureKind;
  constructor(kind: FetchFailureKind, message: string, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
  }
}
