import type { PrismaClient } from '@botflow/db';
import type { GraphApiError } from '@botflow/whatsapp';

/** How often a healthy number's `last_send_at` (and a repeated send error) is written at most. */
export const SEND_HEALTH_RESOLUTION_SECONDS = 5;

const REPLACE_TOKEN = 'replace it with PATCH /api/channels/<id> {"accessToken": …}';
const TOKEN_REFUSED = `Meta refused the access token: it has expired, was revoked or is not valid — ${REPLACE_TOKEN}`;
const NOT_PERMITTED =
  'the access token may not send for this number: give its system user the whatsapp_business_messaging ' +
  `permission on this WhatsApp Business Account, or ${REPLACE_TOKEN}`;

/** Meta's codes that say the number itself cannot send, whoever the customer is: only the owner can fix them. */
function reasonForCode(code: number): string | undefined {
  if (code === 190 || code === 102 || code === 0) return TOKEN_REFUSED;
  if (code === 3 || code === 10 || (code >= 200 && code <= 299) || code === 131005) return NOT_PERMITTED;
  if (code === 131031) return 'Meta has locked this WhatsApp Business Account: see Business Support Home';
  if (code === 368) return 'Meta has temporarily blocked this number for policy violations: see Business Support Home';
  if (code === 133010) {
    return 'this phone number is not registered with the Cloud API: register it (POST /<phone-number-id>/register)';
  }
  if (code === 131042)
    return 'Meta refuses to send because of a payment problem: check the payment method in WhatsApp Manager';
  return undefined;
}

/**
 * Why no message can leave this number until its owner acts, or null when the failure concerns one message or
 * customer (a closed window, a bad parameter) or may pass (rate limits, Meta unreachable).
 */
export function channelProblem(err: GraphApiError): string | null {
  let reason = err.code === undefined ? undefined : reasonForCode(err.code);
  if (!reason && (err.kind === 'auth' || err.httpStatus === 401)) reason = TOKEN_REFUSED;
  if (!reason && err.httpStatus === 403) reason = NOT_PERMITTED;
  if (!reason) return null;
  return `${reason} (Meta answered ${err.code === undefined ? `HTTP ${err.httpStatus}` : `code ${err.code}`}: ${err.message})`;
}

const lastSuccessWrite = new Map<string, number>();

/**
 * Meta accepted a message from this number: it can send, so it is healthy. Written at most every few seconds
 * while it stays healthy, so a busy number costs one indexed read per send, not one row write.
 */
export async function recordSendSuccess(db: PrismaClient, phoneNumberId: string): Promise<void> {
  // This process wrote it a moment ago: skip even the read (another process's failure heals at the next write).
  const now = Date.now();
  if (now - (lastSuccessWrite.get(phoneNumberId) ?? 0) < SEND_HEALTH_RESOLUTION_SECONDS * 1000) return;
  lastSuccessWrite.set(phoneNumberId, now);
  await db.$executeRaw`
    UPDATE whatsapp_channels SET last_send_at = now(), health = 'healthy', health_reason = NULL
    WHERE phone_number_id = ${phoneNumberId}
      AND (health <> 'healthy' OR last_send_at IS NULL
           OR last_send_at < now() - make_interval(secs => ${SEND_HEALTH_RESOLUTION_SECONDS}))`;
}

/**
 * Meta refused a message (or could not be reached): keeps the error for the owner to see, and marks the number
 * unhealthy with a reason that says what to do when the fault is the number's (token, permissions, account).
 */
export async function recordSendFailure(db: PrismaClient, phoneNumberId: string, err: GraphApiError): Promise<void> {
  lastSuccessWrite.delete(phoneNumberId);
  const reason = channelProblem(err);
  await db.$executeRaw`
    UPDATE whatsapp_channels
    SET last_send_error = ${err.message}, last_send_error_code = ${err.code ?? null}::int, last_send_error_at = now(),
        health = CASE WHEN ${reason}::text IS NULL THEN health ELSE 'unhealthy' END,
        health_reason = CASE WHEN ${reason}::text IS NULL THEN health_reason ELSE ${reason}::text END
    WHERE phone_number_id = ${phoneNumberId}
      AND ((${reason}::text IS NOT NULL AND (health <> 'unhealthy' OR health_reason IS DISTINCT FROM ${reason}::text))
           OR last_send_error_at IS NULL
           OR last_send_error_at < now() - make_interval(secs => ${SEND_HEALTH_RESOLUTION_SECONDS}))`;
}
