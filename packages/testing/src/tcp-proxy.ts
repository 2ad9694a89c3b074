import net from 'node:net';

export interface TcpProxy {
  port: number;
  url: (scheme: string) => string;
  /** Cuts every open connection and refuses new ones, as if the server were down. */
  cut: () => void;
  /** Lets connections through again. */
  restore: () => void;
  /**
   * The next time the server sends bytes containing `marker` (e.g. `COMMIT`, the tag of a
   * transaction's CommandComplete), drops them and cuts that connection: the server did the
   * work, the client never hears it — an answer lost after the commit. New connections pass.
   */
  loseNextAnswerWith: (marker: string) => Promise<void>;
  /**
   * Stops listening, so that connecting is refused at once (`cut` accepts and drops, which a
   * client retries with back-off for half a minute); `listen` takes the same port again.
   */
  refuse: () => Promise<void>;
  listen: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A loopback TCP proxy for fault injection: tests point a client at it and "unplug" the
 * server behind it without touching the real server other tests share.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let isCut = false;
  const sockets = new Set<net.Socket>();
  let trap: { marker: Buffer; sprung: () => void } | null = null;
  const server = net.createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (trap && chunk.includes(trap.marker)) {
        const { sprung } = trap;
        trap = null;
        client.destroy();
        upstream.destroy();
        sprung();
        return;
      }
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      isCut = false;
    },
    loseNextAnswerWith: (marker) =>
      new Promise<void>((resolve) => {
        trap = { marker: Buffer.from(marker), sprung: resolve };
      }),
    refuse: () => new Promise<void>((resolve) => server.close(() => resolve())),
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
