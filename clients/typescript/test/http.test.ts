import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SightlineClient, SightlineError, indicatorsQuery } from '@sightline/client';
import { GRAPHQL, SERVER } from './server.js';

interface Exchange {
  status: number;
  etag: string | null;
  ifNoneMatch: string | null;
}

/** The global fetch, recording each exchange: what a browser's network panel would show. */
function recordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    exchanges.push({ status: response.status, etag: response.headers.get('ETag'), ifNoneMatch: headers.get('If-None-Match') });
    return response;
  };
}

describe('GET with ETag revalidation', () => {
  test('the public repeat of a GET query is a 304, answered from the client copy', async () => {
    const exchanges: Exchange[] = [];
    const client = new SightlineClient({ url: GRAPHQL, useGet: true, fetch: recordingFetch(exchanges) });
    const first = await client.request(indicatorsQuery, { first: 3 });
    const again = await client.request(indicatorsQuery, { first: 3 });
    assert.equal(exchanges.length, 2);
    assert.equal(exchanges[0]!.status, 200);
    assert.ok(exchanges[0]!.etag, 'the public answer carries an ETag');
    assert.equal(exchanges[0]!.ifNoneMatch, null);
    assert.equal(exchanges[1]!.ifNoneMatch, exchanges[0]!.etag);
    assert.equal(exchanges[1]!.status, 304);
    assert.deepEqual(again, first);
    assert.equal(first.indicators.edges.length, 3);

    // Another question is another URL: no validator is sent for it.
    await client.request(indicatorsQuery, { first: 2 });
    assert.equal(exchanges[2]!.ifNoneMatch, null);
    assert.equal(exchanges[2]!.status, 200);
  });

  test('answers to a caller with a key carry no validator, so every GET is answered in full', async () => {
    const exchanges: Exchange[] = [];
    const client = new SightlineClient({ url: GRAPHQL, apiKey: 'demo-partner', useGet: true, fetch: recordingFetch(exchanges) });
    const first = await client.request(indicatorsQuery, { first: 3 });
    const again = await client.request(indicatorsQuery, { first: 3 });
    assert.deepEqual(exchanges.map((e) => [e.status, e.etag, e.ifNoneMatch]), [[200, null, null], [200, null, null]]);
    assert.deepEqual(again, first);
  });
});

describe('retries on 429 and 503', () => {
  // A proxy in front of the server that refuses the first `refusals` requests as the rate limiter does.
  let refusals = 0;
  let retryAfter = '1';
  let seen = 0;
  let proxyUrl = '';
  const proxy = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen++;
    if (refusals > 0) {
      refusals--;
      response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': retryAfter });
      response.end(JSON.stringify({ classification: 'TOO_MANY_REQUESTS', message: 'slow down', errors: [] }));
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = new Headers();
      for (const name of ['content-type', 'accept', 'x-api-key']) {
        const value = request.headers[name];
        if (typeof value === 'string') {
          headers.set(name, value);
        }
      }
      const init: RequestInit = { method: request.method ?? 'GET', headers };
      if (chunks.length > 0) {
        init.body = Buffer.concat(chunks);
      }
      fetch(SERVER + request.url, init).then(async (answer) => {
        response.writeHead(answer.status, { 'Content-Type': answer.headers.get('Content-Type') ?? 'application/json' });
        response.end(Buffer.from(await answer.arrayBuffer()));
      }, (e: Error) => {
        response.writeHead(502);
        response.end(e.message);
      });
    });
  });

  before(async () => {
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  });
  after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  test('a 429 is retried after its Retry-After and the answer returned', async () => {
    refusals = 1;
    retryAfter = '1';
    seen = 0;
    const started = performance.now();
    const answer = await new SightlineClient({ url: proxyUrl }).request(indicatorsQuery, { first: 1 });
    assert.equal(answer.indicators.edges.length, 1);
    assert.equal(seen, 2);
    assert.ok(performance.now() - started >= 950, 'waited the second the server asked for');
  });

  test('past the retries, or past the longest wait, the 429 is thrown with its Retry-After', async () => {
    refusals = 5;
    retryAfter = '1';
    seen = 0;
    const tooMany = new SightlineClient({ url: proxyUrl, retries: 1 }).request(indicatorsQuery, {});
    await assert.rejects(tooMany, (e: unknown) => e instanceof SightlineError && e.classification === 'TOO_MANY_REQUESTS'
      && e.status === 429 && e.retryAfter === 1 && e.message === 'slow down');
    assert.equal(seen, 2, 'one request and one retry');

    refusals = 1;
    retryAfter = '3600';
    seen = 0;
    const started = performance.now();
    const longWait = new SightlineClient({ url: proxyUrl, maxRetryAfterSeconds: 30 }).request(indicatorsQuery, {});
    await assert.rejects(longWait, (e: unknown) => e instanceof SightlineError && e.retryAfter === 3600);
    assert.equal(seen, 1);
    assert.ok(performance.now() - started < 900, 'an hour is not waited for');
    refusals = 0;
  });
});
