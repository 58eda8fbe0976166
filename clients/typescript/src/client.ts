import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, parse, print, type DocumentNode } from 'graphql';

/**
 * What went wrong, as the server classifies it: `extensions.classification` of a GraphQL error, or
 * `classification` of a REST error body. The server's own: FORBIDDEN (the message says what the
 * caller may ask instead), NOT_FOUND, BAD_REQUEST, TIMEOUT, TOO_MANY_REQUESTS, UNAUTHORIZED,
 * SERVICE_UNAVAILABLE, PAYLOAD_TOO_LARGE, INTERNAL_ERROR; graphql-java's InvalidSyntax and
 * ValidationError for a document that does not parse or does not fit the schema. HTTP_ERROR when
 * the answer carried no classification, NETWORK_ERROR when there was no answer.
 */
export type ErrorClassification =
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'TIMEOUT'
  | 'TOO_MANY_REQUESTS'
  | 'UNAUTHORIZED'
  | 'SERVICE_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_ERROR'
  | 'InvalidSyntax'
  | 'ValidationError'
  | 'HTTP_ERROR'
  | 'NETWORK_ERROR'
  | (string & {});

/** One entry of a GraphQL response's `errors`. */
export interface GraphQlError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: { classification?: string; [key: string]: unknown };
}

/** A refused or failed request: what the server said, with the HTTP status and any Retry-After. */
export class SightlineError extends Error {
  override readonly name = 'SightlineError';

  constructor(
    message: string,
    /** The first error's classification (see {@link ErrorClassification}). */
    readonly classification: ErrorClassification,
    /** The HTTP status of the answer (0 when there was none). */
    readonly status: number,
    /** Seconds the server asked the caller to wait before trying again (429, 503), if it said. */
    readonly retryAfter?: number,
    /** Every GraphQL error of the answer (empty for a REST error body). */
    readonly errors: readonly GraphQlError[] = [],
    /** Whatever data came with GraphQL errors (partial results), or undefined. */
    readonly data?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface SightlineClientOptions {
  /** The GraphQL endpoint, e.g. `https://stats.example.org/graphql`. */
  url: string;
  /** Sent as `X-API-Key` (partner systems). Never put a steward's or analyst's key in a public page. */
  apiKey?: string;
  /** Sent as `Authorization: Bearer <token>`; a function is asked before every request, so it can refresh. */
  token?: string | (() => string | Promise<string>);
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Send queries as `GET /graphql?query=...` (revalidated with ETags; see {@link RequestOptions.method}). Default false. */
  useGet?: boolean;
  /** How many times a 429 or 503 is retried after its Retry-After (default 2). */
  retries?: number;
  /** The longest Retry-After waited for, in seconds (default 30); a longer one is thrown at once. */
  maxRetryAfterSeconds?: number;
  /** How many GET answers are kept for revalidation (default 100, least recently used dropped). */
  cacheSize?: number;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  /**
   * GET sends the query in the URL: the server answers the public (no key, no token) with an ETag,
   * and the client sends it back as If-None-Match, so an unchanged answer costs a 304 (not counted
   * against the rate limit) and is returned from the client's copy. Only for queries.
   */
  method?: 'GET' | 'POST';
  signal?: AbortSignal;
  /** The operation to run when the document holds several. */
  operationName?: string;
}

type Variables = Record<string, unknown>;

/**
 * The arguments after the document: the variables may be left out exactly when the operation has
 * no required one (or the document is a plain string, whose variables are not known).
 */
type VariablesArgs<V> = string extends keyof V
  ? [variables?: V, options?: RequestOptions]
  : object extends V
    ? [variables?: V, options?: RequestOptions]
    : [variables: V, options?: RequestOptions];

interface CachedAnswer {
  etag: string;
  body: GraphQlResponse;
}

interface GraphQlResponse {
  data?: unknown;
  errors?: GraphQlError[];
}

interface Answer {
  status: number;
  body: GraphQlResponse;
  retryAfter?: number | undefined;
}

const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';
const RETRIED_STATUSES = new Set([429, 503]);

/**
 * A small fetch-based client for Sightline's GraphQL endpoint. `request` takes a typed document
 * (from `graphql(...)` / src/queries.ts) and returns its typed `data`, or throws a
 * {@link SightlineError}.
 */
export class SightlineClient {
  private readonly options: SightlineClientOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly cache = new Map<string, CachedAnswer>();
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(options: SightlineClientOptions) {
    if (!options.url) {
      throw new TypeError('SightlineClient needs the url of the GraphQL endpoint');
    }
    this.options = options;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (!fetchImpl) {
      throw new TypeError('no fetch: pass one as the fetch option');
    }
    this.fetchImpl = fetchImpl;
  }

  /**
   * Runs a query or mutation and returns its data. Throws SightlineError for any GraphQL error
   * (with the partial data, if any) and for any HTTP error.
   */
  async request<R, V extends Variables>(
    document: TypedDocumentNode<R, V> | string,
    ...[variables, options = {}]: VariablesArgs<V>
  ): Promise<R> {
    const query = typeof document === 'string' ? document : this.print(document);
    const operation = operationOf(typeof document === 'string' ? tryParse(document) : document, options.operationName);
    const method = options.method ?? (this.options.useGet && operation !== 'mutation' ? 'GET' : 'POST');
    if (method === 'GET' && operation === 'mutation') {
      throw new SightlineError('a mutation changes data, so it is sent with POST, not GET', 'BAD_REQUEST', 0);
    }
    const { status, body, retryAfter } = await this.send(method, query, variables, options, operation);
    if (body.errors && body.errors.length > 0) {
      const first = body.errors[0]!;
      const classification = first.extensions?.classification ?? (status >= 400 ? classificationOf(status) : 'INTERNAL_ERROR');
      throw new SightlineError(body.errors.map((e) => e.message).join('; '), classification, status, retryAfter, body.errors,
        body.data ?? undefined);
    }
    return body.data as R;
  }

  private async send(method: 'GET' | 'POST', query: string, variables: Variables | undefined,
                     options: RequestOptions, operation: string | undefined): Promise<Answer> {
    const headers: Record<string, string> = { Accept: ACCEPT, ...this.options.headers };
    if (this.options.apiKey) {
      headers['X-API-Key'] = this.options.apiKey;
    }
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    if (token) {
      headers['Authorization'] = `Bearer ${token}`;
    }
    let url = this.options.url;
    let init: RequestInit;
    if (method === 'GET') {
      const params = new URLSearchParams({ query });
      if (variables && Object.keys(variables).length > 0) {
        params.set('variables', JSON.stringify(variables));
      }
      if (options.operationName) {
        params.set('operationName', options.operationName);
      }
      url += (url.includes('?') ? '&' : '?') + params.toString();
      const cached = this.cache.get(url);
      if (cached) {
        headers['If-None-Match'] = cached.etag;
      }
      init = { method, headers };
    } else {
      headers['Content-Type'] = 'application/json';
      const payload: Record<string, unknown> = { query };
      if (variables) {
        payload['variables'] = variables;
      }
      if (options.operationName) {
        payload['operationName'] = options.operationName;
      }
      init = { method, headers, body: JSON.stringify(payload) };
    }
    if (options.signal) {
      init.signal = options.signal;
    }

    const retries = this.options.retries ?? 2;
    const maxWait = this.options.maxRetryAfterSeconds ?? 30;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, init);
      } catch (e) {
        if (options.signal?.aborted) {
          throw e;
        }
        throw new SightlineError(`no answer from ${this.options.url}: ${(e as Error).message}`, 'NETWORK_ERROR', 0,
          undefined, [], undefined, { cause: e });
      }
      if (response.status === 304 && method === 'GET') {
        const cached = this.cache.get(url);
        if (cached) {
          this.remember(url, cached); // now the most recently used
          return { status: 200, body: cached.body };
        }
      }
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      // A 429 was refused before anything ran; a 503 may have run part of a mutation, so only queries retry it.
      const retriable = response.status === 429 || (RETRIED_STATUSES.has(response.status) && operation !== 'mutation');
      if (retriable && attempt < retries) {
        const wait = retryAfter ?? Math.min(2 ** attempt, maxWait);
        if (wait <= maxWait) {
          await response.body?.cancel();
          await sleep(wait * 1000, options.signal);
          continue;
        }
      }
      return this.read(response, url, method, retryAfter);
    }
  }

  /** The GraphQL response in the answer, whatever its status; throws for an answer that holds none. */
  private async read(response: Response, url: string, method: string, retryAfter: number | undefined): Promise<Answer> {
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const object = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const graphQl = 'data' in object || (Array.isArray(object['errors']) && object['errors'].length > 0 && !('classification' in object));
    if (graphQl) {
      const etag = response.headers.get('ETag');
      if (method === 'GET' && response.ok && etag && !object['errors']) {
        this.remember(url, { etag, body: object as GraphQlResponse });
      }
      return { status: response.status, body: object as GraphQlResponse, retryAfter };
    }
    if (!response.ok) {
      // A REST error body, {classification, message}, or none at all.
      const classification = typeof object['classification'] === 'string' ? object['classification'] : classificationOf(response.status);
      const message = typeof object['message'] === 'string' ? object['message']
        : `${response.status} ${response.statusText}${text && body === undefined ? `: ${text.slice(0, 200)}` : ''}`;
      throw new SightlineError(message, classification, response.status, retryAfter);
    }
    throw new SightlineError(`not a GraphQL response (${response.status}, ${response.headers.get('Content-Type')})`,
      'HTTP_ERROR', response.status);
  }

  private remember(url: string, answer: CachedAnswer): void {
    this.cache.delete(url);
    this.cache.set(url, answer);
    const size = this.options.cacheSize ?? 100;
    while (this.cache.size > size) {
      this.cache.delete(this.cache.keys().next().value!);
    }
  }

  private print(document: DocumentNode): string {
    let text = this.printed.get(document);
    if (text === undefined) {
      text = print(document);
      this.printed.set(document, text);
    }
    return text;
  }
}

function tryParse(source: string): DocumentNode | undefined {
  try {
    return parse(source);
  } catch {
    return undefined; // the server reports the syntax error
  }
}

function operationOf(document: DocumentNode | undefined, operationName: string | undefined): string | undefined {
  return document ? getOperationAST(document, operationName)?.operation : undefined;
}

function classificationOf(status: number): ErrorClassification {
  switch (status) {
    case 400: return 'BAD_REQUEST';
    case 401: return 'UNAUTHORIZED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 429: return 'TOO_MANY_REQUESTS';
    case 503: return 'SERVICE_UNAVAILABLE';
    default: return 'HTTP_ERROR';
  }
}

/** Retry-After as seconds: delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
