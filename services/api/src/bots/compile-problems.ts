import type { ErrorRequestHandler } from 'express';
import type { BotDefinition } from '@botflow/graph';
import { compileGraph, type Problem } from '@botflow/graph/catalogue';

/** A graph that does not compile: answered 422 with every problem, so the editor can show them all at once. */
export class CompileProblemsError extends Error {
  override name = 'CompileProblemsError';
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[]) {
    super(message);
    this.problems = problems;
  }
}

export function compileOrThrow(graph: unknown, what: string): BotDefinition {
  const result = compileGraph(graph);
  if (result.ok) return result.definition;
  const count = result.problems.length;
  throw new CompileProblemsError(
    `${what} has ${count} problem${count === 1 ? '' : 's'}: fix them first`,
    result.problems,
  );
}

/** `{ error, problems }` with 422; any other error goes on to the service's error handler. */
export const compileProblemsHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (!(err instanceof CompileProblemsError)) {
    next(err);
    return;
  }
  res.status(422).json({ error: err.message, problems: err.problems });
};
