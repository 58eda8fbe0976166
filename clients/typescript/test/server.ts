/** The running Sightline server the tests talk to: SIGHTLINE_URL, e.g. http://localhost:8080 (the demo). */
export const SERVER = (() => {
  const url = process.env['SIGHTLINE_URL'];
  if (!url) {
    throw new Error('set SIGHTLINE_URL to a running Sightline demo server, e.g. SIGHTLINE_URL=http://localhost:8080 npm test');
  }
  return url.replace(/\/+$/, '');
})();

export const GRAPHQL = `${SERVER}/graphql`;

/** A GraphQL request by hand, as any HTTP client would send it: the whole parsed response. */
export async function rawGraphQl(query: string, variables: Record<string, unknown>, apiKey?: string): Promise<any> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (apiKey) {
    headers['X-API-Key'] = apiKey;
  }
  const response = await fetch(GRAPHQL, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return response.json();
}
