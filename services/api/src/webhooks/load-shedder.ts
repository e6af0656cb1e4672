import type { RequestHandler } from 'express';

/**
 * Admission control for webhooks. Past the cap of webhooks in progress, or while customers already wait longer than
 * allowed for replies, answering 503 at once (Meta retries) keeps acknowledgements fast and nothing accepted is
 * ever lost, where accepting more than the workers can answer would only make every answer late.
 */
export class LoadShedder {
  private inFlight = 0;
  private readonly max: number;
  private readonly overloaded: () => boolean;
  shed = 0;
  constructor(max: number, overloaded: () => boolean = () => false) {
    this.max = max;
    this.overloaded = overloaded;
  }

  middleware(): RequestHandler {
    return (_req, res, next) => {
      if (this.inFlight >= this.max || this.overloaded()) {
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
