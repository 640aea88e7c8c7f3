// The one place that talks HTTP: same-origin cookie auth, the CSRF header
// on every write, JSON in and out, and errors turned into ApiError.

import type { ErrorBody } from './types';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Per-field reasons from a 422 (`details.fields`), else empty. */
  readonly fields: FieldErrors;
  /** Seconds from a Retry-After header (429), else null. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, details: unknown, retryAfter: number | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = fieldsOf(details);
    this.retryAfter = retryAfter;
  }
}

/** Server messages are lower-case phrases ("wrong email or password"); show them as sentences. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function fieldsOf(details: unknown): FieldErrors {
  if (!details || typeof details !== 'object') return {};
  const fields = (details as { fields?: unknown }).fields;
  if (!fields || typeof fields !== 'object') return {};
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields as Record<string, unknown>)) {
    out[k] = sentence(typeof v === 'string' ? v : String(v));
  }
  return out;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with existing data.',
  413: 'The file is too large.',
  415: 'That file type is not supported.',
  422: 'Please correct the highlighted fields.',
  429: 'Too many attempts. Please wait and try again.',
  500: 'Something went wrong on the server.',
};

let unauthorizedHandler: (() => void) | null = null;

/** Called on any 401 (except from requests that opt out, like sign-in). */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  unauthorizedHandler = fn;
}

export interface RequestOptions {
  /** Do not treat a 401 as "session gone" (sign-in answers 401 for a wrong password). */
  noAuthRedirect?: boolean;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, Math.ceil(secs));
  const when = Date.parse(value);
  if (Number.isNaN(when)) return null;
  return Math.max(0, Math.ceil((when - Date.now()) / 1000));
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Requested-With'] = 'rxtrack';
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check the connection and try again.', null, null);
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const err = errorFrom(res.status, await res.text().catch(() => ''), res.headers.get('Retry-After'));
  if (res.status === 401 && !options.noAuthRedirect) notifyUnauthorized();
  throw err;
}

/** An ApiError from a failed answer's status, body text and Retry-After header. */
export function errorFrom(status: number, bodyText: string, retryAfter: string | null): ApiError {
  let code = `http_${status}`;
  let message = FALLBACK_MESSAGES[status] ?? `Request failed (${status}).`;
  let details: unknown = null;
  try {
    const parsed = JSON.parse(bodyText) as Partial<ErrorBody>;
    if (parsed && parsed.error) {
      code = parsed.error.code || code;
      message = parsed.error.message ? sentence(parsed.error.message) : message;
      details = parsed.error.details ?? null;
    }
  } catch {
    // body was not JSON; keep the fallback message
  }
  return new ApiError(status, code, message, details, parseRetryAfter(retryAfter));
}

/** Tells the app the session is gone (used by requests made outside `request`, e.g. uploads). */
export function notifyUnauthorized(): void {
  unauthorizedHandler?.();
}
