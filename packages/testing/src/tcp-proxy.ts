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
    upstream.on('data', (d: Buffer) => (isHung ? pair.toClient.push(d) : client.write(d)));
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
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        server.close(() => resolve());
      }),
  };
}
