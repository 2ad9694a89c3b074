import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SmsMessage } from '@hotline/core';
import { HttpSmsProvider } from './http-sms-provider.js';
import { SmtpEmailProvider } from './smtp-email-provider.js';

const sms: SmsMessage = {
  notificationId: '6f1c1f8e-3a52-4c59-9d7e-2f0d1f1f1f1f',
  template: 'citizen_receipt',
  to: '+84912345678',
  text: 'Phan anh cua ban da duoc tiep nhan, ma tra cuu K7QM-4RX9.',
  encoding: 'GSM-7',
  segments: 1,
};

const servers: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function listen(server: Server | ReturnType<typeof createHttpServer>) {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (d: Buffer) => (s += d.toString()));
    req.on('end', () => resolve(s));
  });

describe('HttpSmsProvider', () => {
  it('POSTs { to, text } as JSON with the bearer token and keeps the message id', async () => {
    const seen: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    const port = await listen(
      createHttpServer((req, res) => {
        void bodyOf(req).then((body) => {
          seen.push({ headers: req.headers, body });
          res.writeHead(202, { 'content-type': 'application/json' }).end('{"messageId":"gw-42"}');
        });
      }),
    );
    const provider = new HttpSmsProvider({ url: `http://127.0.0.1:${port}/sms`, token: 'secret' });
    expect(await provider.send(sms)).toEqual({ providerMessageId: 'gw-42' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ to: sms.to, text: sms.text });
    expect(seen[0]!.headers.authorization).toBe('Bearer secret');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['idempotency-key']).toBe(sms.notificationId);
    // The gateway drops a repeat of the key: a try whose outcome was lost may go again.
    expect(provider.idempotencyKey).toEqual({ keptMs: 24 * 3600_000 });
  });

  it('fails on a non-2xx answer, naming only the status', async () => {
    const port = await listen(
      createHttpServer((_req, res) => res.writeHead(500).end(`bad number ${sms.to}`)),
    );
    const provider = new HttpSmsProvider({ url: `http://127.0.0.1:${port}/`, token: 't' });
    await expect(provider.send(sms)).rejects.toThrow(/^SMS gateway answered 500$/);
  });

  it('fails when the gateway does not answer in time', async () => {
    const port = await listen(createHttpServer(() => {}));
    const provider = new HttpSmsProvider({
      url: `http://127.0.0.1:${port}/`,
      token: 't',
      timeoutMs: 200,
    });
    // The gateway never answers: only the provider's own timeout ends the call.
    await expect(provider.send(sms)).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('SmtpEmailProvider', () => {
  it('hands the message to an SMTP server and keeps its message id', async () => {
    let data = '';
    const port = await listen(
      createTcpServer((socket) => {
        let inData = false;
        socket.write('220 test ESMTP\r\n');
        socket.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\r\n')) {
            if (inData) {
              if (line === '.') {
                inData = false;
                socket.write('250 OK queued\r\n');
              } else data += `${line}\n`;
            } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
            else if (/^(MAIL|RCPT)/i.test(line)) socket.write('250 OK\r\n');
            else if (/^DATA/i.test(line)) {
              inData = true;
              socket.write('354 go on\r\n');
            } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
          }
        });
      }),
    );
    const provider = new SmtpEmailProvider({
      url: `smtp://127.0.0.1:${port}`,
      from: 'Hotline <no-reply@hotline.test>',
    });
    try {
      const receipt = await provider.send({
        notificationId: sms.notificationId,
        template: 'citizen_receipt',
        to: 'dan@mail.vn',
        subject: 'Đã tiếp nhận phản ánh K7QM-4RX9',
        text: 'Mã tra cứu: K7QM-4RX9.',
      });
      expect(receipt.providerMessageId).toMatch(/^<.+>$/);
      expect(data).toContain('To: dan@mail.vn');
      expect(data).toContain('From: Hotline <no-reply@hotline.test>');
      expect(data).toContain(`X-Hotline-Notification: ${sms.notificationId}`);
      // SMTP cannot take a message back: a try whose outcome was lost is never repeated.
      expect(provider.idempotencyKey).toBeNull();
    } finally {
      provider.close();
    }
  });
});
