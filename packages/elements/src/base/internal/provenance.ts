/**
 * Under a document whose `src` is published by gongkai-server (/d/<slug>.json): when it
 * was published and updated, its revision list (修订记录), what the latest major change
 * altered in words and figures, and whether the bytes received are those the publisher
 * signed (已核验 / 未能核验 / 无法核验). Loaded on demand by the base element, only for
 * such addresses; everything here fails quietly: the document itself always renders.
 *
 * The logic without a DOM is core's (published.ts: addresses, history, the check;
 * diff.ts: the changes); this module fetches, keeps the state and renders it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
// core by module, never its index: this module is loaded on demand, and a bundler cannot trim an index there.
import { documentChanges, type DocumentChange } from '@gongkai/core/diff';
import { formatDate } from '@gongkai/core/format';
import { t, type Lang, type MessageKey, type MessageParams } from '@gongkai/core/i18n';
import {
  keysAddress,
  parseHistory,
  parseKeys,
  publishedAddress,
  verifyPublished,
  versionAddress,
  type PublishedAddress,
  type PublishedHistory,
  type PublishedVersion,
  type Verdict,
} from '@gongkai/core/published';
import type { FetchTextResult } from './fetch-text.js';
import { adoptLightStyles, LIGHT_DOM_ATTRIBUTE } from './light-dom.js';
import { provenanceStyles } from './provenance.styles.js';

/** What the element received for a published address: the exact bytes, their text and the response's headers. */
export type Loaded = Pick<Extract<FetchTextResult, { ok: true }>, 'text' | 'bytes' | 'headers'>;

/** The most changes listed under an update; the rest are counted. */
const MAX_CHANGES = 12;
let nextId = 0;

export interface ProvenanceHost extends ReactiveControllerHost, HTMLElement {
  readonly language: Lang;
  timeout: number;
}

/** A county calendar day from an ISO time (the publishing office's day, not UTC's). */
function countyDay(iso: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/**
 * The history and the keys, with a timeout that works on kernels without AbortSignal.any/timeout too (a timer and
 * our own controller). Not through fetch-text.ts: that would bring its messages into this on-demand file.
 */
async function fetchJson(url: string, timeoutMs: number, signal: AbortSignal): Promise<unknown> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal.aborted) abort();
  signal.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

export class Provenance {
  private history?: PublishedHistory;
  private verdict?: Verdict;
  private changes?: { version: PublishedVersion; list: DocumentChange[] };
  private open = false;
  private readonly id = `gk-revisions-${++nextId}`;
  private readonly controller = new AbortController();

  constructor(private readonly host: ProvenanceHost) {
    // Its styles come with it (on demand too), adopted beside the element's own (scoped to the
    // element's tag in light-DOM mode); without constructable stylesheets (old browsers) the
    // block is plain, readable text.
    const root = host.shadowRoot;
    const sheet = provenanceStyles.styleSheet;
    if (!root) {
      if (host.hasAttribute(LIGHT_DOM_ATTRIBUTE)) adoptLightStyles(host, [provenanceStyles], 'provenance');
    } else if (sheet && Array.isArray(root.adoptedStyleSheets) && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Stops fetching (a new src, the element removed). */
  dispose(): void {
    this.controller.abort();
  }

  /** Reads the history, checks the bytes and, for a major change, what changed since the version before. */
  async check(src: string, loaded: Loaded): Promise<void> {
    const address = publishedAddress(src, document.baseURI);
    if (!address) return;
    const signal = this.controller.signal;
    try {
      const history = parseHistory(await fetchJson(address.history, this.host.timeout, signal));
      if (!history || signal.aborted) return;
      this.history = history;
      this.host.requestUpdate();
      const pinnedKey = this.host.getAttribute('signing-key') ?? undefined;
      // The version loaded: the address's, else the one the server says it served (Gk-Version), else the history's latest.
      const served = Number(loaded.headers.get('Gk-Version'));
      const version = address.version ?? (Number.isInteger(served) && served > 0 ? served : undefined);
      this.verdict = await verifyPublished({
        bytes: loaded.bytes,
        history,
        slug: address.slug,
        version,
        pinnedKey,
        loadKeys: async () => parseKeys(await fetchJson(keysAddress(address), this.host.timeout, signal)),
      });
      if (signal.aborted) return;
      this.host.requestUpdate();
      await this.loadChanges(address, history, version ?? history.latest, loaded.text, signal);
    } catch (error) {
      // No history (not ours after all, offline): the document shows as it is.
      if (!signal.aborted) console.warn('[gongkai] publication history:', error);
    }
  }

  private async loadChanges(
    address: PublishedAddress,
    history: PublishedHistory,
    loaded: number | null,
    text: string,
    signal: AbortSignal,
  ): Promise<void> {
    const shown = history.versions.find((v) => v.version === loaded);
    if (!shown || !shown.major || shown.version <= 1) return;
    const previous = history.versions.find((v) => v.version < shown.version);
    if (!previous) return;
    const before = await fetchJson(versionAddress(address, previous.version), this.host.timeout, signal);
    if (signal.aborted) return;
    this.changes = { version: shown, list: documentChanges(before, JSON.parse(text), this.host.language) };
    this.host.requestUpdate();
  }

  private t(key: MessageKey, params?: MessageParams): string {
    return t(this.host.language, key, params);
  }

  private toggle = () => {
    this.open = !this.open;
    this.host.requestUpdate();
  };

  render(): TemplateResult | typeof nothing {
    try {
      return this.history ? this.renderHistory(this.history) : nothing;
    } catch (error) {
      console.warn('[gongkai] publication history:', error);
      return nothing;
    }
  }

  private date(iso: string | null): string {
    return iso ? formatDate(countyDay(iso), this.host.language) : '';
  }

  private renderHistory(history: PublishedHistory): TemplateResult {
    const versions = history.versions;
    const shown = this.verdict?.version;
    const dates = [
      history.firstPublished ? this.t('provenance.published', { date: this.date(history.firstPublished) }) : '',
      history.updated && history.updated !== history.firstPublished
        ? this.t('provenance.updated', { date: this.date(history.updated) })
        : '',
      shown ? this.t('provenance.version', { version: shown.version }) : '',
    ].filter(Boolean);
    return html`<section class="provenance" part="provenance" aria-label=${this.t('provenance.label')}>
      <p class="dates">${dates.join(' · ')}</p>
      ${shown && history.latest !== null && shown.version < history.latest ? html`<p>${this.t('provenance.olderVersion', { version: shown.version, latest: history.latest })}</p>` : nothing}
      ${this.renderVerdict()} ${this.renderChanges()}
      <button type="button" class="history-toggle" part="history-toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.id} @click=${this.toggle}>
        ${this.t('provenance.showHistory', { count: versions.length })}
      </button>
      <ol id=${this.id} class="history" ?hidden=${!this.open}>
        ${versions.map(
          (v) => html`<li>
            <time datetime=${v.publishedAt}>${this.date(v.publishedAt)}</time> ${this.t('provenance.version', { version: v.version })} ·
            ${this.t(v.major ? 'provenance.major' : 'provenance.minor')}：${v.changeNote ?? this.t('provenance.noNote')}
            ${v.reviewed ? nothing : html`<br />${this.t('provenance.unreviewed', { reason: v.unreviewedReason ?? '' })}`}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  /** The check's message. Who published and who reviewed come from the verified statement only, never from history.json. */
  private verdictText(verdict: Verdict): string {
    switch (verdict.status) {
      case 'verified': {
        const statement = verdict.statement!;
        return statement.reviewed
          ? this.t('provenance.verified', { publisher: statement.publisher, reviewer: statement.reviewer ?? '' })
          : this.t('provenance.verifiedUnreviewed', {
              publisher: statement.publisher,
              reason: statement.unreviewedReason ?? '',
            });
      }
      case 'verified-bytes':
        return this.t('provenance.verifiedBytes');
      case 'tampered':
        return this.t('provenance.tampered');
      case 'mismatch':
        return verdict.claimed
          ? this.t('provenance.mismatch', {
              signed: this.t('provenance.versionOf', verdict.claimed),
              loaded: this.t('provenance.versionOf', {
                slug: this.history?.slug ?? '',
                version: verdict.version?.version ?? '',
              }),
            })
          : this.t('provenance.notInHistory');
      case 'wrong-key':
        return this.t('provenance.wrongKey', {
          expected: this.t(verdict.pinned ? 'provenance.expectedPinned' : 'provenance.expectedPublished'),
        });
      case 'bad-signature':
        return this.t('provenance.badSignature');
      case 'unsigned':
        return this.t('provenance.unsigned');
      case 'unsupported-alg':
        return this.t('provenance.unsupportedAlg', { alg: verdict.alg ?? '' });
      default:
        return this.t('provenance.unsupported');
    }
  }

  private renderVerdict(): TemplateResult {
    const verdict = this.verdict;
    if (!verdict) return html`<p class="verdict" role="status">${this.t('provenance.checking')}</p>`;
    const verified = verdict.status === 'verified' || verdict.status === 'verified-bytes';
    const failed = !verified && verdict.status !== 'unsupported' && verdict.status !== 'unsupported-alg';
    return html`<p class="verdict ${verified ? 'verdict-verified' : failed ? 'verdict-failed' : ''}" role="status" data-verdict=${verdict.status} part="verdict">
      ${this.verdictText(verdict)}
      ${
        verified && verdict.keyId
          ? html`<span class="key">${this.t('provenance.keyNote', { keyId: verdict.keyId, pinned: verdict.pinned ? this.t('provenance.pinned') : '' })}</span>`
          : nothing
      }
    </p>`;
  }

  private renderChanges(): TemplateResult | typeof nothing {
    const changes = this.changes;
    if (!changes) return nothing;
    const list = changes.list.slice(0, MAX_CHANGES);
    return html`<div class="changes" part="changes">
      <p>${this.t('provenance.changesTitle', { date: this.date(changes.version.publishedAt) })}</p>
      ${
        list.length === 0
          ? html`<p>${this.t('provenance.changesNone')}</p>`
          : html`<ul>
            ${list.map(
              (c) => html`<li>
                ${c.label}：<span class="figure">${c.before || this.t('provenance.empty')}</span> <span aria-hidden="true">→</span
                ><span class="visually-hidden">${this.host.language === 'en' ? ' changed to ' : '改为'}</span>
                <span class="figure">${c.after || this.t('provenance.empty')}</span>
              </li>`,
            )}
          </ul>`
      }
      ${changes.list.length > list.length ? html`<p>${this.t('provenance.changesMore', { count: changes.list.length - list.length })}</p>` : nothing}
    </div>`;
  }
}
