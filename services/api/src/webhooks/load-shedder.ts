import type { RequestHandler } from 'express';

/**
 * Caps webhooks in progress. Past the cap, answering 503 at once (Meta retries) keeps acknowledgements fast and
 * nothing accepted is ever lost, where queueing more than Temporal can take would only make every answer late.
 */
export class LoadShedder {
  private inFlight = 0;
  private readonly max: number;
  shed = 0;
  constructor(max: number) {
    this.max = max;
  }

  middleware(): RequestHandler {
    return (_req, res, next) => {
      if (this.inFlight >= this.max) {
        this.shed += 1;
        res.setHeader('Retry-After', '1');
        res.status(503).json({ error: 'busy: too many webhooks in progress; retry shortly' });
        return;
      }
      this.inFlight += 1;
      res.once('close', () => {
        this.inFlight -= 1;
      });
      next();
    };
  }
}
