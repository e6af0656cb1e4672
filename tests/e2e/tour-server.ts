import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, startRecordingServer, type ReceivedRequest } from '../../activities/src/effects/test-server.ts';

/** What the tour bot's action nodes call: a price API, a webhook receiver and an iCal calendar, on 127.0.0.1. */

export interface WebhookDelivery {
  event: string;
  deliveryId: string;
  signatureValid: boolean;
  payload: unknown;
}

export interface TourServer {
  /** host:port, for addresses such as http://{{bot.api_host}}/quote. */
  host: string;
  requests: ReceivedRequest[];
  webhooks: WebhookDelivery[];
  close(): Promise<void>;
}

/** The calendar has a guided tour on 7 January 2031 from 09:30 to 10:30 UTC. */
export const TOUR_CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//BotFlow//e2e tour//EN',
  'BEGIN:VEVENT',
  'UID:guided-tour@e2e',
  'DTSTAMP:20300101T000000Z',
  'DTSTART:20310107T093000Z',
  'DTEND:20310107T103000Z',
  'SUMMARY:Guided tour',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

export async function startTourServer(webhookSecret: string): Promise<TourServer> {
  const webhooks: WebhookDelivery[] = [];

  const respond = (request: ReceivedRequest, res: ServerResponse): void => {
    const url = new URL(request.url, 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/quote') {
      const guests = Number(url.searchParams.get('guests'));
      const perNight = url.searchParams.get('plan') === 'premium' ? 250 : 100;
      return sendJson(res, 200, { total: guests * perNight, currency: 'ZAR' });
    }
    if (request.method === 'POST' && url.pathname === '/hooks') {
      webhooks.push({
        event: String(request.headers['x-botflow-event']),
        deliveryId: String(request.headers['x-botflow-delivery']),
        signatureValid: signedWith(webhookSecret, request),
        payload: JSON.parse(request.body) as unknown,
      });
      return sendJson(res, 200, { received: true });
    }
    if (request.method === 'GET' && url.pathname === '/calendar.ics') {
      res.writeHead(200, { 'content-type': 'text/calendar' }).end(TOUR_CALENDAR);
      return;
    }
    sendJson(res, 404, { error: `nothing at ${request.method} ${url.pathname}` });
  };

  const server = await startRecordingServer(respond);
  return { host: new URL(server.url).host, requests: server.received, webhooks, close: () => server.close() };
}

/** What a receiver does: recompute the HMAC-SHA256 of the raw body and compare in constant time. */
function signedWith(secret: string, request: ReceivedRequest): boolean {
  const header = request.headers['x-botflow-signature-256'];
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(request.body, 'utf8').digest('hex'));
  const given = Buffer.from(header.slice('sha256='.length));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
