// The one door to the service: same-origin fetch with the session cookie, the CSRF double-submit token on every
// state change, the interface's language as Accept-Language (the service answers problems in it), and problem+json
// failures turned into a typed ApiError the forms can place next to their fields.
import { language, t } from './i18n';

export interface FieldProblem { field: string; message: string }

export class ApiError extends Error {
  /** For uploaded spreadsheets: each bad row by its number (problem+json `rows`), and how many rows had problems. */
  rows?: Array<{ row: number; message: string }>;
  rowsWithProblems?: number;
  constructor(readonly status: number, readonly title: string, readonly detail: string,
    readonly type: string, readonly errors: FieldProblem[], readonly extra: Record<string, unknown> = {}) {
    super(detail || title);
  }
  get slug(): string { return this.type.replace('urn:cairn:problem:', ''); }
}

function csrfToken(): string | undefined {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : undefined;
}

/** Reads the XSRF-TOKEN cookie, asking the service for one first when the browser holds none yet. */
async function ensureCsrf(): Promise<string | undefined> {
  if (!csrfToken()) await fetch('/api/v1/auth/providers', { credentials: 'same-origin' }).catch(() => undefined);
  return csrfToken();
}

async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = await res.json();
      const err = new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', p.type ?? '',
        Array.isArray(p.errors) ? p.errors : [], p);
      if (Array.isArray(p.rows)) { err.rows = p.rows; err.rowsWithProblems = p.rowsWithProblems; }
      return err;
    } catch { /* fall through to a generic message */ }
  }
  return new ApiError(res.status, res.statusText || t('http.requestFailed'),
    res.status >= 500 ? t('http.serverFailed') : '', '', []);
}

export type Body = unknown;

export async function request<T>(method: string, url: string, body?: Body,
  headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language(), ...headers };
  let payload: BodyInit | undefined;
  if (body instanceof Blob || body instanceof FormData || typeof body === 'string') payload = body as BodyInit;
  else if (body !== undefined) { payload = JSON.stringify(body); h['Content-Type'] = 'application/json'; }
  if (method !== 'GET') {
    const token = await ensureCsrf();
    if (token) h['X-XSRF-TOKEN'] = token;
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers: h, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, t('http.networkTitle'), t('http.network'), '', []);
  }
  if (res.status === 401 && !url.startsWith('/api/v1/auth/')) {
    window.dispatchEvent(new CustomEvent('cairn:signed-out'));
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: Body, headers?: Record<string, string>) => request<T>('POST', url, body ?? {}, headers),
  put: <T>(url: string, body?: Body) => request<T>('PUT', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
};

/**
 * Uploads a file with progress (fetch has no upload progress), retrying cut-off transfers: the service replaces a
 * draft file of the same name, so sending it again is safe.
 */
export async function upload<T>(url: string, file: Blob, onProgress: (fraction: number) => void,
  attempts = 3): Promise<T> {
  const token = await ensureCsrf();
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Promise<T>((ok, fail) => {
        const xhr = new XMLHttpRequest();
        xhr.open('PUT', url);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('Accept-Language', language());
        xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
        xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
        xhr.onload = async () => {
          const res = new Response(xhr.responseText || null, {
            status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
          });
          if (res.ok) { onProgress(1); ok(JSON.parse(xhr.responseText) as T); } else fail(await toError(res));
        };
        xhr.onerror = () => fail(new ApiError(0, t('http.uploadInterrupted'), t('http.connectionDropped'), 'network', []));
        xhr.send(file);
      });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0 || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** Fetches a file the service generates (CSV, PDF …) so a failure can be shown in words instead of failing silently. */
export async function download(url: string): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language() } });
  } catch {
    throw new ApiError(0, t('http.networkTitle'), t('http.network'), '', []);
  }
  if (!res.ok) throw await toError(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = disposition.match(/filename="?([^";]+)"?/)?.[1] ?? url.split('/').pop()!.split('?')[0];
  return { blob: await res.blob(), filename };
}

/** Hands a downloaded file to the browser's download. */
export function saveFile(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
