/**
 * The one-file bundle as a web team uses it: a plain page, no build step, only
 * the bundle, under `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { KINDS, camel } from '../../../scripts/entries.mjs';
import { openPage } from './open-page.js';

describe('the one-file bundle', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('is served with the strict CSP header (the test is meaningful)', async () => {
    const response = await fetch('/packages/gongkai/test/pages/csp.html');
    expect(response.headers.get('content-security-policy')).to.contain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).to.contain("style-src 'self'");
  });

  it('the probe sees a CSP violation when there is one (control: an eval attempt)', async () => {
    const win = await openPage('/packages/gongkai/test/pages/csp-control.html');
    await waitUntil(() => win.__gk.violations.length > 0, 'the eval attempt was not reported', { timeout: 5000 });
    expect(win.__gk.violations.join(' ')).to.contain('eval');
  });

  it('works under a strict CSP: inline JSON, src, the error state, no violations, nothing thrown', async () => {
    const win = await openPage('/packages/gongkai/test/pages/csp.html');
    await waitUntil(() => win.__gk.loaded === 2 && win.__gk.failed === 1, 'elements did not settle', {
      timeout: 10000,
    });
    const doc = win.document;
    const inline = doc.getElementById('inline')!.shadowRoot!;
    expect(inline.querySelector('h2')!.textContent).to.contain('严格内容安全策略');
    expect(inline.querySelector('dl')!.textContent).to.contain('平卫计发〔2018〕45号');
    // Styles apply (constructable stylesheets are allowed by style-src 'self').
    const card = inline.querySelector('article')!;
    expect(win.getComputedStyle(card).borderTopWidth).to.equal('4px');
    expect(inline.querySelector('.prose [style]')).to.be.null;
    expect(doc.getElementById('remote')!.shadowRoot!.querySelector('h2')!.textContent).to.contain('政务公开工作要点');
    const alert = doc.getElementById('broken')!.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('attachments[0].size');
    expect(win.__gk.violations).to.deep.equal([]);
    expect(win.__gk.errors).to.deep.equal([]);
  });

  it('makes no request to any other origin', async () => {
    const win = await openPage('/packages/gongkai/test/pages/csp.html');
    await waitUntil(() => win.__gk.loaded === 2, 'elements did not load', { timeout: 10000 });
    const origins = new Set(win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).origin));
    expect([...origins]).to.deep.equal([location.origin]);
  });

  it('two copies of the bundle (and a per-element entry) on one page do not throw', async () => {
    const win = await openPage('/packages/gongkai/test/pages/bundle-twice.html');
    await waitUntil(() => win.__gk.loaded === 1, 'element did not load', { timeout: 10000 });
    // The page's scripts exist (a missing module script would fail quietly).
    const scripts = [...win.document.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map(
      (script) => script.src,
    );
    for (const src of scripts) expect((await fetch(src)).status, src).to.equal(200);
    expect(win.__gk.errors).to.deep.equal([]);
    expect(win.customElements.get('gk-document')).to.exist;
  });

  it('an old cached gongkai.js and a new one: the first defines the elements, the second warns once naming both versions, nothing throws', async () => {
    const version = ((await (await fetch('/packages/gongkai/package.json')).json()) as { version: string }).version;
    const win = await openPage('/packages/gongkai/test/pages/bundle-versions.html');
    await waitUntil(() => win.__gk.loaded === 2, 'the elements did not load', { timeout: 15000 });
    expect(win.__gk.errors).to.deep.equal([]);
    expect((win.customElements.get('gk-document') as unknown as { gongkaiVersion: string }).gongkaiVersion).to.equal(
      '0.0.9',
    );
    expect((win.customElements.get('gk-budget') as unknown as { gongkaiVersion: string }).gongkaiVersion).to.equal(
      '0.0.9',
    );
    const warnings = win.__gk.warnings.filter((warning) => warning.includes('两份 gongkai'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.0.9').and.to.contain(version).and.to.contain('This page loads gongkai 0.0.9 and');
    expect(win.document.querySelector('gk-document')!.shadowRoot!.querySelector('h2')!.textContent).to.contain(
      '政务公开工作要点',
    );
  });

  it("has every message of core's tables in Chinese and in English, as written (the build ships English keyed by the Chinese tables)", async () => {
    const api = (await import('/packages/gongkai/dist/gongkai.js' as string)) as {
      formatIssue(issue: object, lang: string): string;
    };
    // The shared tables and every kind's, from the table of kinds.
    const tables: Array<[Record<string, string>, Record<string, string>]> = [];
    for (const name of ['common', 'chart', ...KINDS.map(({ kind }) => kind)]) {
      const module = (await import(`/packages/core/src/messages/${name}.ts` as string)) as Record<
        string,
        Record<string, string>
      >;
      tables.push([module[`${camel(name)}Zh`]!, module[`${camel(name)}En`]!]);
    }
    const wrong: string[] = [];
    let count = 0;
    for (const [zh, en] of tables) {
      for (const key of Object.keys(zh)) {
        count++;
        // With no params, a message comes back as written, after its path.
        const issue = { path: ['x'], pathText: 'x', key, params: {} };
        if (api.formatIssue(issue, 'zh-CN') !== `x：${zh[key]}`)
          wrong.push(`zh-CN ${key}: ${api.formatIssue(issue, 'zh-CN')}`);
        if (api.formatIssue(issue, 'en') !== `x: ${en[key]}`) wrong.push(`en ${key}: ${api.formatIssue(issue, 'en')}`);
      }
    }
    expect(wrong).to.deep.equal([]);
    expect(count).to.be.greaterThan(400);
  });

  it('exports the core API beside the elements', async () => {
    const api = (await import('/packages/gongkai/dist/gongkai.js' as string)) as Record<string, unknown>;
    expect(api.GkDocumentElement).to.be.a('function');
    expect((api.formatMoney as (n: number) => string)(123456789)).to.equal('1.23亿元');
  });
});
