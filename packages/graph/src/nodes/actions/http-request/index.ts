import { defineNodeType } from '../../../node-type.ts';
import { templateProblems, writableProblem } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { jsonTemplateProblem, looksLikeJson } from '../json-template.ts';
import { httpRequestRuntime } from './runtime.ts';
import { httpRequestOptions, type HttpRequestOptions } from './schema.ts';

export const httpRequest = defineNodeType({
  type: 'http_request',
  family: 'actions',
  label: 'HTTP request',
  description: 'Calls a web API and saves values from its answer; a failed call leaves through "Error".',
  options: httpRequestOptions,
  ports: () => [{ id: 'next', label: 'Success', required: false }, errorPort],
  waits: () => false,
  writes: (o) => o.responseMapping.map((m) => ({ path: m.variable, type: m.path === 'status' ? 'number' : 'json' })),
  check: (o, ctx) => [
    ...templateProblems(ctx, {
      url: o.url,
      body: o.body,
      ...Object.fromEntries(o.headers.map((h, i) => [`headers.${i}.value`, h.value])),
    }),
    ...bodyProblems(o),
    ...o.responseMapping.flatMap((m, i) => writableProblem(ctx, `responseMapping.${i}.variable`, m.variable)),
  ],
  runtime: httpRequestRuntime,
});

function bodyProblems({ method, body }: HttpRequestOptions) {
  if (body === '') return [];
  if (method === 'GET') return [{ field: 'body', message: 'a GET request sends no body: choose POST, PUT or PATCH' }];
  const problem = looksLikeJson(body) ? jsonTemplateProblem(body) : null;
  return problem === null ? [] : [{ field: 'body', message: problem }];
}
