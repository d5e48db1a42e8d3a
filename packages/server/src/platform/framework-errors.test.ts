import http from 'node:http';
import net from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkErrorOptions } from './framework-errors.ts';

// A request that arrives too slowly is refused by Node itself (requestTimeout / headersTimeout);
// our clientErrorHandler still answers problem+json. The test's own server has a short timeout and a
// fast check interval, so it waits well under a second instead of five minutes.
const app = Fastify({
  ...frameworkErrorOptions(),
  serverFactory: (handler) => http.createServer({ connectionsCheckingInterval: 50, requestTimeout: 300, headersTimeout: 300 }, handler),
});
app.get('/', async () => 'ok');
let port = 0;
beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await app.close();
});

describe('request timeout', () => {
  it('answers 408 problem+json to a request whose headers never finish', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n'));
      let text = '';
      socket.on('data', (c) => {
        text += String(c);
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 408, code: 'request_timeout' });
  });
});
