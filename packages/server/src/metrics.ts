/**
 * What a platform collects from each instance: one JSON line per request on stdout
 * (time, level, org, method, route, status, ms), errors as JSON lines too, and
 * GET /metrics in Prometheus' text format (version 0.0.4):
 *
 *   gongkai_requests_total{org,route,status}           requests answered
 *   gongkai_request_duration_seconds{route}            latency histogram
 *   gongkai_submissions_total{org,outcome}             submissions stored (created) or replayed (Idempotency-Key)
 *   gongkai_storage_errors_total                       requests answered 503 because the database could not be used
 *
 * `route` is a kind of URL (submit, status, feed, staff, documents, …), never the URL
 * itself, so the series stay few. /metrics answers only the addresses in
 * config.metrics.allow, and never a request that came through a proxy (X-Forwarded-For).
 */
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './errors.js';

/** Upper bounds in seconds: from a cached read (ms) to a slow write under load. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The kind of URL a path is, for labels and logs (the tenant's path: without /t/<org>). */
export function routeKind(method: string, path: string): string {
  if (path === '/healthz') return 'health';
  if (path === '/metrics') return 'metrics';
  if (/^\/api\/forms\/[^/]+\/status\/?$/.test(path)) return 'status';
  if (/^\/api\/forms\/[^/]+\/(replies|report|adoption|annual-report)\/?$/.test(path)) return 'feed';
  if (/^\/api\/forms\/[^/]+\/?$/.test(path)) return method === 'POST' ? 'submit' : 'form';
  if (path.startsWith('/d/') || path === '/.well-known/gongkai-keys.json' || path === '/api/documents/catalogue')
    return 'documents';
  if (path.startsWith('/staff/api/')) return 'staff.api';
  if (path === '/staff' || path.startsWith('/staff/')) return 'staff.page';
  if (path === '/studio' || path.startsWith('/studio/')) return 'studio';
  return 'other';
}

const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly submissions = new Map<string, number>();
  private readonly durations = new Map<string, { buckets: number[]; sum: number; count: number }>();
  private storageErrors = 0;

  /** Counts one answered request. */
  request(org: string, route: string, status: number, seconds: number, replayed: boolean): void {
    const key = `org="${label(org)}",route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let histogram = this.durations.get(route);
    if (!histogram) this.durations.set(route, (histogram = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram!.buckets[i]!++;
    });
    histogram.sum += seconds;
    histogram.count++;
    if (route === 'submit' && status === 201) {
      const outcome = `org="${label(org)}",outcome="${replayed ? 'replayed' : 'created'}"`;
      this.submissions.set(outcome, (this.submissions.get(outcome) ?? 0) + 1);
    }
    if (status === 503) this.storageErrors++;
  }

  /** The text exposition format. */
  text(): string {
    const lines: string[] = [];
    lines.push(
      '# HELP gongkai_requests_total Requests answered, by organisation, kind of URL and status.',
      '# TYPE gongkai_requests_total counter',
    );
    for (const [key, n] of this.requests) lines.push(`gongkai_requests_total{${key}} ${n}`);
    lines.push(
      '# HELP gongkai_request_duration_seconds Time from the request to the end of the answer.',
      '# TYPE gongkai_request_duration_seconds histogram',
    );
    for (const [route, h] of this.durations) {
      BUCKETS.forEach((bound, i) =>
        lines.push(`gongkai_request_duration_seconds_bucket{route="${route}",le="${bound}"} ${h.buckets[i]}`),
      );
      lines.push(`gongkai_request_duration_seconds_bucket{route="${route}",le="+Inf"} ${h.count}`);
      lines.push(
        `gongkai_request_duration_seconds_sum{route="${route}"} ${h.sum}`,
        `gongkai_request_duration_seconds_count{route="${route}"} ${h.count}`,
      );
    }
    lines.push(
      '# HELP gongkai_submissions_total Submissions stored (created) and retries answered with the stored one (replayed).',
      '# TYPE gongkai_submissions_total counter',
    );
    for (const [key, n] of this.submissions) lines.push(`gongkai_submissions_total{${key}} ${n}`);
    lines.push(
      '# HELP gongkai_storage_errors_total Requests answered 503 because the database could not be used.',
      '# TYPE gongkai_storage_errors_total counter',
    );
    lines.push(`gongkai_storage_errors_total ${this.storageErrors}`);
    return `${lines.join('\n')}\n`;
  }
}

/** The addresses and networks allowed to read /metrics. */
export function metricsGate(allow: readonly string[]): (req: IncomingMessage) => boolean {
  const list = new BlockList();
  for (const entry of allow) {
    const [address, bits] = entry.split('/');
    const family = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(bits), family);
  }
  return (req) => {
    if (req.headers['x-forwarded-for'] !== undefined) return false;
    let address = req.socket.remoteAddress ?? '';
    if (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** GET /metrics: the text for an allowed address, else 404 (as if there were nothing). */
export function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: Metrics,
  allowed: (req: IncomingMessage) => boolean,
): void {
  if (!allowed(req)) throw new HttpError(404, 'not_found');
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', { method: req.method ?? '' }, { Allow: 'GET' });
  const text = metrics.text();
  res.writeHead(200, {
    'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/** One JSON line on stdout (requests) or stderr (errors). */
export function logLine(entry: { level: 'info' | 'error'; [key: string]: unknown }): void {
  const line = `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`;
  (entry.level === 'error' ? process.stderr : process.stdout).write(line);
}
