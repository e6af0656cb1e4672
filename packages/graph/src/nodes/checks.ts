import type { CheckContext, OptionProblem } from '../node-type.ts';

/** Undefined-variable problems of several template options at once, keyed by option name. */
export function templateProblems(ctx: CheckContext, templates: Record<string, string | undefined>): OptionProblem[] {
  return Object.entries(templates).flatMap(([field, template]) =>
    template === undefined ? [] : ctx.checkTemplate(template).map((message) => ({ field, message })),
  );
}

export function expressionProblem(ctx: CheckContext, field: string, expression: string): OptionProblem[] {
  const problem = ctx.checkExpression(expression);
  return problem === null ? [] : [{ field, message: problem }];
}

export function writableProblem(ctx: CheckContext, field: string, path: string): OptionProblem[] {
  const problem = ctx.checkWritable(path);
  return problem === null ? [] : [{ field, message: problem }];
}

export function readableProblem(ctx: CheckContext, field: string, path: string): OptionProblem[] {
  const problem = ctx.checkReadable(path);
  return problem === null ? [] : [{ field, message: problem }];
}

/** Case ids become port names: they must be unique and must not shadow the fallback port. */
export function uniqueCaseIds(cases: { id: string }[], field = 'cases', fallback = 'default'): OptionProblem[] {
  const seen = new Set<string>();
  return cases.flatMap((c, i) => {
    if (c.id === fallback)
      return [{ field: `${field}.${i}.id`, message: `"${fallback}" is the port for anything else` }];
    if (seen.has(c.id)) return [{ field: `${field}.${i}.id`, message: `two cases are called "${c.id}"` }];
    seen.add(c.id);
    return [];
  });
}
