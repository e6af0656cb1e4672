import type { RequestHandler } from 'express';

/**
 * Meta's subscription handshake: echo `hub.challenge` when the verify token is the deployment's or, for a business's
 * own Meta app, the one stored with one of its channels; 403 otherwise.
 */
export function verifyHandshake(
  verifyToken: string,
  isChannelVerifyToken: (token: string) => Promise<boolean> = () => Promise.resolve(false),
): RequestHandler {
  return async (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode !== 'subscribe' || typeof challenge !== 'string') {
      res.status(400).json({ error: 'expected hub.mode=subscribe with hub.verify_token and hub.challenge' });
      return;
    }
    if (token !== verifyToken && !(typeof token === 'string' && (await isChannelVerifyToken(token)))) {
      res.status(403).json({ error: "hub.verify_token matches neither the deployment's nor a channel's verify token" });
      return;
    }
    res.type('text/plain').send(challenge);
  };
}
