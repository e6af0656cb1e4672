import type { RequestHandler } from 'express';

/** Meta's subscription handshake: echo `hub.challenge` when the verify token matches, 403 otherwise. */
export function verifyHandshake(verifyToken: string): RequestHandler {
  return (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode !== 'subscribe' || typeof challenge !== 'string') {
      res.status(400).json({ error: 'expected hub.mode=subscribe with hub.verify_token and hub.challenge' });
      return;
    }
    if (token !== verifyToken) {
      res.status(403).json({ error: 'hub.verify_token does not match the configured verify token' });
      return;
    }
    res.type('text/plain').send(challenge);
  };
}
