import type { NodeRuntime } from '../../../node-runtime.ts';
import type { VarValue } from '../../../variables.ts';
import { effectStep, effectValue } from '../../effect-step.ts';
import { interpolateJson, looksLikeJson } from '../json-template.ts';
import { readResponse } from './response-path.ts';
import type { HttpRequestOptions } from './schema.ts';

/** Calls an HTTP API, then saves the values the owner mapped from its answer. */
export const httpRequestRuntime: NodeRuntime<HttpRequestOptions> = {
  enter(ctx, options) {
    const headers: Record<string, string> = {};
    for (const h of options.headers) headers[h.name] = ctx.interpolate(h.value);
    const input: Record<string, VarValue> = {
      method: options.method,
      url: ctx.interpolate(options.url),
      headers,
      timeoutSeconds: options.timeoutSeconds,
    };
    if (options.method !== 'GET' && options.body !== '') {
      const json = looksLikeJson(options.body);
      input['body'] = json ? interpolateJson(options.body, (path) => ctx.get(path)) : ctx.interpolate(options.body);
      input['contentType'] = json ? 'application/json' : 'text/plain; charset=utf-8';
    }
    return effectStep('http_request', input, options);
  },
  complete(ctx, { responseMapping }, result) {
    const response = effectValue(result);
    for (const m of responseMapping) ctx.set(m.variable, readResponse(response, m.path));
    return { kind: 'continue', port: 'next' };
  },
};
