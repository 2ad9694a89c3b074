import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the SMS gateway (SMS_PROVIDER=http) on loopback. It honours Idempotency-Key as
 * the gateways our HTTP provider is written for do (a repeated key answers the first answer and
 * delivers nothing: the provider counts on it to resend safely after a lost record), and counts
 * what it delivered per key, so a message the outside world would receive twice shows up here
 * even when our own tables say "sent" once.
 */
export interface SmsGateway {
  url: string;
  token: string;
  /** Messages delivered per Idempotency-Key. */
  deliveries: Map<string, number>;
  /** Requests that repeated a key already delivered (answered, not delivered again). */
  repeats: () => number;
  close: () => Promise<void>;
}

export async function startSmsGateway(): Promise<SmsGateway> {
  const token = 'fault-suite-sms-gateway-token';
  const deliveries = new Map<string, number>();
  const answers = new Map<string, string>();
  let next = 0;
  let repeats = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (req.headers.authorization !== `Bearer ${token}` || !key) {
        res.writeHead(401).end();
        return;
      }
      let answer = answers.get(key);
      if (answer) repeats++;
      else {
        answer = JSON.stringify({ id: `gw-${next++}` });
        answers.set(key, answer);
        deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    token,
    deliveries,
    repeats: () => repeats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
