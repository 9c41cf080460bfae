// HTTP to /api on the page's own origin. Errors come back as ApiError with the status and the
// body's `code` (domain errors carry one) so pages can turn them into friendly text.

export class ApiError extends Error {
  constructor(status, body) {
    super(
      typeof body?.message === 'string'
        ? body.message
        : Array.isArray(body?.message)
          ? body.message.join('; ')
          : `HTTP ${status}`,
    );
    this.status = status; // 0: no connection
    this.code = body?.code ?? null;
    this.body = body;
  }
}

export async function api(path, { method = 'GET', body, token, accept = 'application/json', raw = false } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    let errorBody = null;
    try {
      errorBody = await response.json();
    } catch {
      /* not JSON */
    }
    if (response.status === 401 && token) onUnauthorized?.();
    throw new ApiError(response.status, errorBody);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

// ---- staff session: the access token lives in this tab's sessionStorage (see docs/WEB.md) ----
const STAFF_KEY = 'hs.staff';
let onUnauthorized = null;

export function staffSession() {
  try {
    const value = JSON.parse(sessionStorage.getItem(STAFF_KEY) ?? 'null');
    return value && typeof value.accessToken === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function saveStaffSession(session) {
  sessionStorage.setItem(STAFF_KEY, JSON.stringify({ accessToken: session.accessToken, user: session.user }));
}

export function clearStaffSession() {
  sessionStorage.removeItem(STAFF_KEY);
}

function toLogin() {
  const next = location.pathname + location.search;
  location.assign(`/login?next=${encodeURIComponent(next)}`);
}

/**
 * The signed-in staff member, or a redirect to /login (which comes back here). A token that the API
 * refuses later (expired) also leads back to the sign-in.
 */
export function requireStaff() {
  const session = staffSession();
  if (!session) {
    toLogin();
    return null;
  }
  onUnauthorized = () => {
    clearStaffSession();
    toLogin();
  };
  return session;
}

/** Roles that read the policy pages only: the analyst, and the people at the table (their own municipalities). */
export function readsPolicyOnly(role) {
  return role === 'analyst' || role === 'tenant_org' || role === 'municipality';
}

export function homeFor(role) {
  return readsPolicyOnly(role) ? '/policy' : '/facilitate';
}

/** Saves a response body (CSV, PDF) under a file name: downloads need the Bearer token, so no plain link. */
export async function download(path, token, filename) {
  const response = await api(path, { token, accept: '*/*', raw: true });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
