/**
 * Many organisations on one server (集约化): each is served by its own app (http.ts) —
 * its forms, origins, code prefix, publisher name, public contacts and signing keys,
 * and its view of the database (server-storage.ts), so nothing a request for one
 * organisation runs can read another's rows. A request is for:
 *
 *   /t/<org>/…                       the organisation <org>, whatever the host;
 *   a host name in its `hosts`       that organisation, at the root URLs;
 *   anything else                    the default organisation (the top-level settings),
 *                                    at the root URLs, as a server of one organisation.
 *
 * Around them: /healthz and /metrics for the whole server, and one JSON log line and
 * the metrics of every request (metrics.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_ORG, organisationsOf, type ServerConfig } from './config.js';
import { HttpError, StorageUnavailableError } from './errors.js';
import { loadForms, type ServedForm } from './forms.js';
import { createApp } from './http.js';
import { sendJson } from './http-common.js';
import { KeyRing } from './documents/signing.js';
import { logLine, metricsGate, routeKind, serveMetrics, type Metrics } from './metrics.js';
import type { ServerStorage } from './storage/server-storage.js';
import { GroupCommit, Submissions } from './submissions.js';

export interface Tenant {
  id: string;
  /** "" at the root URLs (the default organisation), /t/<id> for the others. */
  base: string;
  config: ServerConfig;
  forms: Map<string, ServedForm>;
  keys: KeyRing;
  submissions: Submissions;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

const TENANT_PATH = /^\/t\/([^/?]*)(\/[^?]*)?(\?.*)?$/;

export function createServerHandler({
  config,
  storage,
  metrics,
}: {
  config: ServerConfig;
  storage: ServerStorage;
  metrics: Metrics;
}) {
  const writer = new GroupCommit(storage);
  const tenants = new Map<string, Tenant>();
  const byHost = new Map<string, Tenant>();
  for (const org of organisationsOf(config)) {
    const base = org.id === DEFAULT_ORG ? '' : `/t/${org.id}`;
    const forms = loadForms(org.config.forms);
    const keys = KeyRing.load(org.config.signingKeys);
    const view = storage.forOrg(org.id);
    const submissions = new Submissions(view, org.config, writer);
    const handle = createApp({
      config: org.config,
      forms,
      submissions,
      storage: view,
      keys,
      base,
      log: (message) => logLine({ level: 'error', org: org.id, message }),
    });
    const tenant: Tenant = { id: org.id, base, config: org.config, forms, keys, submissions, handle };
    tenants.set(org.id, tenant);
    for (const host of org.hosts) byHost.set(host, tenant);
  }
  const fallback = tenants.get(DEFAULT_ORG);
  const metricsAllowed = metricsGate(config.metrics.allow);

  /** The host the client asked for (behind a trusted proxy, X-Forwarded-Host), lower case. */
  function hostOf(req: IncomingMessage): string {
    const forwarded = config.trustProxy
      ? String(req.headers['x-forwarded-host'] ?? '')
          .split(',')[0]!
          .trim()
      : '';
    return (forwarded || String(req.headers.host ?? '')).toLowerCase();
  }

  /** The organisation a request is for, with the URL it has there; undefined: none. */
  function tenantFor(req: IncomingMessage): { tenant: Tenant | undefined; org: string } {
    const match = TENANT_PATH.exec(req.url ?? '/');
    if (match) {
      const tenant = match[1] === DEFAULT_ORG ? undefined : tenants.get(match[1]!);
      if (tenant) req.url = `${match[2] ?? '/'}${match[3] ?? ''}`;
      return { tenant, org: match[1]!.slice(0, 32) };
    }
    const tenant = byHost.get(hostOf(req)) ?? fallback;
    return { tenant, org: tenant?.id ?? '' };
  }

  async function health(res: ServerResponse): Promise<void> {
    try {
      await storage.ping();
      sendJson(res, 200, { ok: true });
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) logLine({ level: 'error', message: String(error) });
      sendJson(res, 503, new HttpError(503, 'storage_unavailable').body(), { 'Retry-After': '5' });
    }
  }

  return {
    tenants,
    handler(req: IncomingMessage, res: ServerResponse): void {
      const started = process.hrtime.bigint();
      const path = (req.url ?? '/').split('?')[0]!;
      let org = '';
      let route = routeKind(req.method ?? 'GET', path);
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.request(org, route, res.statusCode, seconds, res.getHeader('Idempotent-Replayed') === 'true');
        if (config.log.requests && route !== 'metrics')
          logLine({
            level: 'info',
            org,
            method: req.method,
            route,
            status: res.statusCode,
            ms: Math.round(seconds * 10_000) / 10,
          });
      });
      try {
        if (path === '/metrics') return serveMetrics(req, res, metrics, metricsAllowed);
        // A server without a default organisation still answers its health check at the root.
        if (path === '/healthz' && !fallback && !byHost.has(hostOf(req))) return void health(res);
        const found = tenantFor(req);
        // Only a real organisation becomes a label: /t/<anything>/ must not grow the metrics without end.
        org = found.tenant?.id ?? '';
        if (!found.tenant) throw new HttpError(404, 'unknown_organisation', { org: found.org });
        route = routeKind(req.method ?? 'GET', (req.url ?? '/').split('?')[0]!);
        found.tenant.handle(req, res);
      } catch (error) {
        const httpError = error instanceof HttpError ? error : new HttpError(500, 'internal');
        sendJson(res, httpError.status, httpError.body(), httpError.headers);
      }
    },
  };
}
