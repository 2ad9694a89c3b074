import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/** Collects what a socket receives; `next(n)` waits for n more bytes, or times out with null. */
function reader(socket: net.Socket) {
  let got = '';
  socket.on('data', (d: Buffer) => (got += d.toString()));
  return {
    text: () => got,
    next: (waitMs: number) =>
      new Promise<string>((resolve) => {
        const before = got.length;
        setTimeout(() => resolve(got.slice(before)), waitMs);
      }),
  };
}

describe('the fault-injection TCP proxy', () => {
  let echo: net.Server;
  let proxy: TcpProxy;
  beforeAll(async () => {
    echo = net.createServer((s) => s.pipe(s));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    proxy = await startTcpProxy({
      host: '127.0.0.1',
      port: (echo.address() as net.AddressInfo).port,
    });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  const connect = async () => {
    const socket = net.connect(proxy.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    return socket;
  };

  it('hung, holds every byte without closing, and delivers them on resume', async () => {
    const open = await connect();
    const fromOpen = reader(open);
    open.write('a');
    expect(await fromOpen.next(150)).toBe('a');

    proxy.hang();
    open.write('b');
    // A connection made while hung is accepted, and answered no more than the others.
    const late = await connect();
    const fromLate = reader(late);
    late.write('c');
    expect(await fromOpen.next(300)).toBe('');
    expect(fromLate.text()).toBe('');
    expect(open.destroyed || late.destroyed).toBe(false);

    proxy.resume();
    expect(await fromOpen.next(300)).toBe('b');
    expect(fromLate.text()).toBe('c');
    open.destroy();
    late.destroy();
  });

  it('cut, closes open connections and refuses new ones until restored', async () => {
    const open = await connect();
    const closed = new Promise((resolve) => open.once('close', resolve));
    proxy.cut();
    await closed;
    const refused = net.connect(proxy.port, '127.0.0.1');
    const fromRefused = reader(refused);
    await new Promise((resolve) => refused.once('close', resolve));
    expect(fromRefused.text()).toBe('');

    proxy.restore();
    const again = await connect();
    const fromAgain = reader(again);
    again.write('d');
    expect(await fromAgain.next(150)).toBe('d');
    again.destroy();
  });
});
