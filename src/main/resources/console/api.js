// Every call the console makes goes through here: the admin token from sessionStorage as a
// bearer token, JSON in and out, and SCIM errors turned into ScimError.
const TOKEN_KEY = 'switchboard.adminToken';
export const SCIM = '/scim/v2';

export class ScimError extends Error {
  constructor(status, scimType, detail) {
    super(detail || `The server answered ${status}`);
    this.status = status;
    this.scimType = scimType || null;
    this.detail = detail || this.message;
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A query string from an object; undefined, null and '' values are left out. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls the server. `path` is absolute ('/scim/v2/Users', '/admin/imports'). Returns the parsed
 * JSON body (or the text for non-JSON answers, null for 204). Throws ScimError on any error.
 */
export async function call(method, path, { body, params, contentType, headers } = {}) {
  const init = { method, headers: { Accept: 'application/scim+json, application/json', ...headers } };
  const bearer = token.get();
  if (bearer) init.headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) {
    const raw = typeof body === 'string' || body instanceof Blob;
    init.headers['Content-Type'] = contentType || 'application/scim+json';
    init.body = raw ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path + query(params), init);
  } catch (e) {
    throw new ScimError(0, null, 'The server cannot be reached. Is it running?');
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const detail = payload && typeof payload === 'object' ? payload.detail : null;
    throw new ScimError(response.status, payload && payload.scimType, detail);
  }
  return payload;
}

export const get = (path, params) => call('GET', path, { params });
export const post = (path, body, options) => call('POST', path, { body, ...options });
export const put = (path, body, options) => call('PUT', path, { body, ...options });
export const patch = (path, operations, options) =>
  call('PATCH', path, {
    body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations },
    ...options,
  });
export const del = (path, options) => call('DELETE', path, options);

/** SCIM string literal for a filter: quotes and backslashes escaped. */
export const literal = (value) => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Fetches a file the server makes (the CSV export) as a Blob. The token goes in the header, never
 * in a URL, so a plain <a href> cannot download it.
 */
export async function download(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token.get()}` } });
  } catch (e) {
    throw new ScimError(0, null, 'The server cannot be reached. Is it running?');
  }
  if (!response.ok) {
    const payload = await response.json().catch(() => null);
    throw new ScimError(response.status, payload && payload.scimType, payload && payload.detail);
  }
  return response.blob();
}
