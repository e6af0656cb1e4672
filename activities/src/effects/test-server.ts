import type { ServerResponse } from 'node:http';
import { parseAllowList } from '@botflow/safe-fetch';
import type { OutboundPolicy } from './http.ts';

/** Effects reach only public addresses unless allowed: these servers listen on 127.0.0.1, which this opens. */
export const localServers: OutboundPolicy = { allowHosts: parseAllowList('127.0.0.1') };

/** For effect tests: a real HTTP server on a free local port, recording the requests it gets. */
export { startRecordingServer, type ReceivedRequest, type RecordingServer } from '@botflow/safe-fetch/testing';

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
