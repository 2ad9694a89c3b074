import net from 'node:net';

export interface TcpProxy {
  port: number;
  url: (scheme: string) => string;
  /** Cuts every open connection and refuses new ones, as if the server were down. */
  cut: () => void;
  /** Lets connections through again, after `cut` or `hang`. */
  restore: () => void;
  /**
   * Stops forwarding without closing anything, as a hung server looks: connections stay open
   * (new ones are accepted too) and every byte either way is held back until `resume`.
   */
  hang: () => void;
  /** Delivers what was held back and forwards again. */
  resume: () => void;
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

/** One accepted connection and its upstream, with what a hang holds back each way. */
interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  toUpstream: Buffer[];
  toClient: Buffer[];
}

/**
 * A loopback TCP proxy for fault injection: tests point a client at it and "unplug" the
 * server behind it without touching the real server other tests share. Bytes are forwarded
 * by hand rather than with pipe(): a hang must hold them back, and pipe() resumes a paused
 * socket on its own when the other side drains.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let isCut = false;
  let isHung = false;
  let trap: { marker: Buffer; sprung: () => void } | null = null;
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair: Pair = { client, upstream, toUpstream: [], toClient: [] };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('close', end);
      s.on('error', end);
    }
    client.on('data', (d: Buffer) => (isHung ? pair.toUpstream.push(d) : upstream.write(d)));
    upstream.on('data', (d: Buffer) => {
      if (trap && d.includes(trap.marker)) {
        const { sprung } = trap;
        trap = null;
        end();
        sprung();
        return;
      }
      if (isHung) pair.toClient.push(d);
      else client.write(d);
    });
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const destroyAll = () => {
    for (const p of pairs) {
      p.client.destroy();
      p.upstream.destroy();
    }
    pairs.clear();
  };
  const resume = () => {
    isHung = false;
    for (const p of pairs) {
      for (const d of p.toUpstream.splice(0)) p.upstream.write(d);
      for (const d of p.toClient.splice(0)) p.client.write(d);
    }
  };
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      destroyAll();
    },
    restore() {
      isCut = false;
      resume();
    },
    hang() {
      isHung = true;
    },
    resume,
    loseNextAnswerWith: (marker) =>
      new Promise<void>((resolve) => {
        trap = { marker: Buffer.from(marker), sprung: resolve };
      }),
    refuse: () => new Promise<void>((resolve) => server.close(() => resolve())),
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        server.close(() => resolve());
      }),
  };
}
