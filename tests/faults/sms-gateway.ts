import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the SMS gateway (SMS_PROVIDER=http) on loopback: it accepts every message and
 * counts the deliveries of each notification (its Idempotency-Key), so a message the outside
 * world would receive twice shows up here even when our own tables say "sent" once.
 */
export interface SmsGateway {
  url: string;
  token: string;
  /** Deliveries per Idempotency-Key. */
  deliveries: Map<string, number>;
  close: () => Promise<void>;
}

export async function startSmsGateway(): Promise<SmsGateway> {
  const token = 'fault-suite-sms-gateway-token';
  const deliveries = new Map<string, number>();
  let next = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (req.headers.authorization !== `Bearer ${token}` || !key) {
        res.writeHead(401).end();
        return;
      }
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `gw-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    token,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
