import net from 'node:net';

export interface TcpProxy {
  port: number;
  url: (scheme: string) => string;
  /** Cuts every open connection and refuses new ones, as if the server were down. */
  cut: () => void;
  /**
   * Stops forwarding bytes either way without closing anything, and accepts new connections
   * that go nowhere: what a server that stopped answering (Redis under `CLIENT PAUSE`, a
   * Postgres stuck on a lock) looks like to a client. What was sent meanwhile is delivered on
   * `restore`, as a paused server answers late rather than never.
   */
  hang: () => void;
  /** Lets connections through again (after `cut` or `hang`). */
  restore: () => void;
  close: () => Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
}

const flow = ({ client, upstream }: Pair) => {
  client.pipe(upstream);
  upstream.pipe(client);
};

const stall = ({ client, upstream }: Pair) => {
  client.unpipe(upstream);
  upstream.unpipe(client);
  client.pause();
  upstream.pause();
};

/**
 * A loopback TCP proxy for fault injection: tests point a client at it and "unplug" the
 * server behind it without touching the real server other tests share.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let isCut = false;
  let isHung = false;
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const pair: Pair = { client, upstream: net.connect(target.port, target.host) };
    pairs.add(pair);
    for (const s of [pair.client, pair.upstream]) {
      s.on('close', () => pairs.delete(pair));
      s.on('error', () => {
        pair.client.destroy();
        pair.upstream.destroy();
      });
    }
    if (isHung) stall(pair);
    else flow(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const destroyAll = () => {
    for (const p of pairs) {
      p.client.destroy();
      p.upstream.destroy();
    }
  };
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      destroyAll();
    },
    hang() {
      if (isHung) return;
      isHung = true;
      for (const p of pairs) stall(p);
    },
    restore() {
      isCut = false;
      if (!isHung) return;
      isHung = false;
      for (const p of pairs) flow(p);
    },
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        server.close(() => resolve());
      }),
  };
}
