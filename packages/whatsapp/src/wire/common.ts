/** Unix time in seconds, as Meta writes it: a decimal string. */
export type UnixSecondsString = string;

/** The error object Meta puts in webhooks (`value.errors`, `messages[].errors`, `statuses[].errors`). */
export interface WebhookError {
  code: number;
  title: string;
  message?: string;
  error_data?: { details: string };
  href?: string;
}

export interface MediaReference {
  id?: string;
  link?: string;
}
