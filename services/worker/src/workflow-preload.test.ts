import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundleOptions } from './worker.ts';

/** The ids of the modules that one module of the bundle imports. */
function importsOf(code: string, id: string): string[] {
  const start = code.indexOf(`/***/ "${id}"`);
  if (start < 0) throw new Error(`${id} is not in the bundle`);
  const body = code.slice(start, code.indexOf('/***/ "', start + 1));
  return [...body.matchAll(/__webpack_require__\(\/\*! [^*]* \*\/ "([^"]+)"\)/g)].map((m) => m[1] ?? '');
}

describe('the workflow bundle', () => {
  it('preloads the very library modules the bot engine imports, not copies of them', async () => {
    const { code } = await bundleWorkflowCode({ ...workflowBundleOptions, logger: new DefaultLogger('WARN') });
    expect(code).toMatch(
      /function preloadModules\(\) \{\s*__webpack_require__\([^)]*"\.\/services\/worker\/src\/workflow-preload\.ts"\)/,
    );
    const used = [
      './packages/graph/src/nodes/input/ask-phone/runtime.ts',
      './packages/graph/src/expressions/expressions.ts',
    ].flatMap((id) => importsOf(code, id).filter((dep) => dep.startsWith('./node_modules/')));
    expect(used).toContain('./node_modules/@marcbachmann/cel-js/lib/index.js');
    expect(importsOf(code, './services/worker/src/workflow-preload.ts')).toEqual(expect.arrayContaining(used));
  }, 120_000);
});
