/** Fetches a document's JSON text, turning every way a request can fail into one issue. */
import { rootIssue, type GkIssue } from '@gongkai/core';

/** `bytes` are exactly those received (a signature check hashes them); `text` is their UTF-8 reading, as response.text() gives it. */
export type FetchTextResult =
  { ok: true; text: string; bytes: Uint8Array<ArrayBuffer>; headers: Headers } | { ok: false; issue: GkIssue };

/**
 * `reload` bypasses the HTTP cache: a retry after a failure must ask the server
 * again, not replay a cached error page.
 */
export async function fetchText(
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
  reload = false,
): Promise<FetchTextResult> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onAbort = () => timeout.abort();
  signal.addEventListener('abort', onAbort);
  const label = shortUrl(url);
  try {
    const response = await fetch(url, {
      signal: timeout.signal,
      credentials: 'same-origin',
      cache: reload ? 'reload' : 'default',
      headers: { Accept: 'application/json, */*;q=0.1' },
    });
    if (!response.ok) {
      if (response.status === 404) return { ok: false, issue: rootIssue('load.http404', { url: label }) };
      // A document withdrawn by its publisher (gongkai-server's 410) says why.
      if (response.status === 410) {
        const reason = await response
          .json()
          .then((body: { error?: { reason?: unknown } }) =>
            typeof body?.error?.reason === 'string' ? body.error.reason : '',
          )
          .catch(() => '');
        return { ok: false, issue: rootIssue('load.withdrawn', { url: label, reason: reason || 'HTTP 410' }) };
      }
      const statusText = response.statusText ? ` ${response.statusText}` : '';
      return { ok: false, issue: rootIssue('load.http', { status: response.status, statusText, url: label }) };
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const type = response.headers.get('content-type') ?? '';
    if (/text\/html|application\/xhtml/i.test(type) || /^\s*</.test(text)) {
      return { ok: false, issue: rootIssue('load.notJson', { url: label }) };
    }
    return { ok: true, text, bytes, headers: response.headers };
  } catch {
    if (signal.aborted) return { ok: false, issue: rootIssue('load.network', { url: label }) };
    if (timeout.signal.aborted) {
      return { ok: false, issue: rootIssue('load.timeout', { seconds: Math.round(timeoutMs / 100) / 10, url: label }) };
    }
    return { ok: false, issue: rootIssue('load.network', { url: label }) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** The address as the reader should see it: the path without the page's own origin. */
export function shortUrl(url: string): string {
  try {
    const resolved = new URL(url, document.baseURI);
    return resolved.origin === location.origin ? resolved.pathname + resolved.search : resolved.href;
  } catch {
    return url;
  }
}
