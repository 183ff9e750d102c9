// Calls to the service: the admin API with the bearer token, /health and /openapi.json without it.
// The token lives in sessionStorage only (never in a URL, a cookie or the page).

const TOKEN_KEY = 'aether-stats.admin-token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** The token was refused (401): the page goes back to the sign-in. */
export class Unauthorized extends Error {}
/** The database did not answer (503). */
export class Unavailable extends Error {}
/** Any other error answer, with the service's message. */
export class ApiFailure extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const OPTIONS = { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' };

export async function api(path, { method = 'GET', body, withToken = token.get() } = {}) {
  const headers = { Accept: 'application/json', Authorization: 'Bearer ' + (withToken || '') };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, { ...OPTIONS, method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => null);
  const message = data && data.message ? data.message : res.status + ' ' + res.statusText;
  if (res.status === 401) throw new Unauthorized(message);
  if (res.status === 503) throw new Unavailable(message);
  if (!res.ok) throw new ApiFailure(res.status, message);
  return data;
}

/** True when /health says the database answers. */
export async function databaseUp() {
  try {
    const res = await fetch('/health', OPTIONS);
    return res.ok;
  } catch (e) {
    return false;
  }
}

let routes;
/**
 * The operations this service serves ("GET /api/stats/hourly"), read once from its OpenAPI document, so
 * the page never asks for an endpoint this version does not have (a 404 would show as a console error).
 */
export async function servedOperations() {
  if (!routes) {
    routes = fetch('/openapi.json', OPTIONS)
      .then((res) => (res.ok ? res.json() : { paths: {} }))
      .then((doc) => {
        const ops = new Set();
        for (const [path, item] of Object.entries(doc.paths || {})) {
          for (const method of Object.keys(item)) ops.add(method.toUpperCase() + ' ' + path);
        }
        return ops;
      })
      .catch(() => { routes = undefined; return new Set(); });
  }
  return routes;
}

export function query(params) {
  return new URLSearchParams(params).toString();
}
