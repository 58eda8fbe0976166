/*
 * Talking to Sightline from the page: GraphQL at /graphql and the CSV export, on this server only.
 * The caller's API key (if any) is kept in sessionStorage - for this tab, gone when it closes - and
 * sent as X-API-Key; without one the page reads as the public.
 */

const KEY_STORAGE = 'sightline.apiKey';

export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || '';
  } catch (e) {
    return '';
  }
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
  } else {
    sessionStorage.removeItem(KEY_STORAGE);
  }
}

function headers(extra) {
  const h = Object.assign({}, extra);
  const key = apiKey();
  if (key) {
    h['X-API-Key'] = key;
  }
  return h;
}

/** An answer the page cannot use: an HTTP refusal (401, 429...) or GraphQL errors. */
export class ApiError extends Error {
  constructor(message, classification, status) {
    super(message);
    this.classification = classification || 'ERROR';
    this.status = status;
  }
}

/**
 * Sends a GraphQL operation; resolves to its data, or rejects with an ApiError carrying the
 * service's own message (e.g. "your role (PUBLIC) may query it at ward level or coarser").
 */
export async function graphql(query, variables) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
      body: JSON.stringify({ query, variables: variables || {} })
    });
  } catch (e) {
    throw new ApiError('Sightline could not be reached: ' + e.message, 'UNAVAILABLE', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  const graphqlErrors = body && Array.isArray(body.errors) && body.errors.length ? body.errors : null;
  if (!response.ok && !graphqlErrors) {
    if (response.status === 401) {
      throw new ApiError('The API key was not accepted (' + ((body && body.message) || 'unknown or revoked key')
        + '). Forget it to read as the public.', 'UNAUTHORIZED', 401);
    }
    if (response.status === 429) {
      throw new ApiError('Too many requests: wait a minute and try again.', 'RATE_LIMITED', 429);
    }
    throw new ApiError((body && body.message) || ('Sightline answered ' + response.status), body && body.classification,
      response.status);
  }
  if (graphqlErrors) {
    const first = graphqlErrors[0];
    throw new ApiError(first.message, first.extensions && first.extensions.classification, response.status);
  }
  if (!body || !body.data) {
    throw new ApiError('Sightline gave no answer (' + response.status + ')', 'ERROR', response.status);
  }
  return body.data;
}

/** The CSV export's address for the same question as the map. */
export function csvUrl(question) {
  const params = new URLSearchParams();
  params.set('indicator', question.indicator);
  params.set('within', question.within);
  params.set('level', question.level);
  if (question.period) {
    params.set('periods', question.period);
  }
  if (question.method) {
    params.set('comparison', question.method);
  }
  if (question.benchmark) {
    params.set('benchmark', question.benchmark);
  }
  return '/api/v1/observations.csv?' + params.toString();
}

/**
 * Downloads the CSV with the caller's key (a plain link cannot send a header): fetched, then saved
 * from a blob URL under the file name the server gives.
 */
export async function downloadWithKey(url) {
  const response = await fetch(url, { headers: headers({ Accept: 'text/csv' }) });
  if (!response.ok) {
    let message = 'The download was refused (' + response.status + ')';
    try {
      const body = await response.json();
      if (body && body.message) {
        message = body.message;
      }
    } catch (e) {
      // not JSON
    }
    throw new ApiError(message, 'DOWNLOAD', response.status);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = match ? match[1] : 'sightline.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
