/**
 * core's published.ts and diff.ts in the browser: addresses of published documents, the
 * history parser, the signature check with WebCrypto Ed25519 (each verdict made for real:
 * a key pair made here, real signatures), and the changes between two versions.
 */
import '../src/translations/en.js';
import { expect } from '@open-wc/testing';
import { documentChanges } from '../src/diff.js';
import { keyIdOf, parseHistory, publishedAddress, verifyPublished, type PublishedHistory } from '../src/published.js';

const encode = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const hex = async (bytes: Uint8Array<ArrayBuffer>) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

async function signed(text: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const bytes = encode(text);
  const keyId = (await keyIdOf(raw))!;
  const sha256 = await hex(bytes);
  const signature = b64(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes));
  const history = parseHistory({
    slug: 'budget-2018',
    publisher: '平罗县卫生健康局',
    office: '医政科',
    latest: 1,
    versions: [{ version: 1, publishedAt: '2026-03-01T02:00:00.000Z', major: true, changeNote: '首次发布', sha256, reviewed: true, reviewer: '办公室', signature: { format: 'gongkai-signature/1', alg: 'Ed25519', keyId, sha256, signature } }],
  })!;
  return { bytes, history, publicKey: b64(raw), keyId, keys: async () => [{ keyId, alg: 'Ed25519', publicKey: b64(raw) }] };
}

describe('published documents: addresses and history', () => {
  it('recognises /d/<slug>.json and /d/<slug>/v<n>.json under any prefix', () => {
    expect(publishedAddress('/d/budget-2018.json', 'https://x.gov.cn/page')).to.deep.include({ slug: 'budget-2018', base: '', history: 'https://x.gov.cn/d/budget-2018/history.json' });
    expect(publishedAddress('https://gk.example/t/pingluo/d/budget-2018/v3.json', 'https://x.gov.cn/')).to.deep.include({ slug: 'budget-2018', base: '/t/pingluo', version: 3 });
    expect(publishedAddress('/data/budget-2018.json', 'https://x.gov.cn/')).to.equal(undefined);
    expect(publishedAddress('javascript:alert(1)//d/a.json', 'https://x.gov.cn/')).to.equal(undefined);
  });

  it('parseHistory accepts the server\'s history and refuses anything else', () => {
    expect(parseHistory({ slug: 'a', versions: [{ version: 1 }] })).to.equal(undefined);
    expect(parseHistory('<html>')).to.equal(undefined);
    const h = parseHistory({ slug: 'a', versions: [{ version: 1, publishedAt: 't1', sha256: 'AB' }, { version: 2, publishedAt: 't2', sha256: 'cd', major: false }] })!;
    expect(h.versions.map((v) => v.version)).to.deep.equal([2, 1]);
    expect(h.versions[1]!.sha256).to.equal('ab');
    expect(h.latest).to.equal(2);
  });
});

describe('verifyPublished', () => {
  const text = '{\n  "kind": "budget",\n  "amount": 12000\n}\n';

  it('verified: the exact bytes, signed by a key the publisher publishes, or by the pinned key', async () => {
    const s = await signed(text);
    expect((await verifyPublished({ bytes: s.bytes, history: s.history, loadKeys: s.keys })).status).to.equal('verified');
    const pinned = await verifyPublished({ bytes: s.bytes, history: s.history, pinnedKey: s.publicKey, loadKeys: async () => [] });
    expect(pinned).to.include({ status: 'verified', pinned: true, keyId: s.keyId });
  });

  it('tampered: one byte changed', async () => {
    const s = await signed(text);
    const bytes = encode(text.replace('12000', '12900'));
    expect((await verifyPublished({ bytes, history: s.history, loadKeys: s.keys })).status).to.equal('tampered');
  });

  it('wrong-key: another pinned key, or a key the publisher does not publish', async () => {
    const s = await signed(text);
    const other = await signed(text);
    expect((await verifyPublished({ bytes: s.bytes, history: s.history, pinnedKey: other.publicKey, loadKeys: s.keys })).status).to.equal('wrong-key');
    expect((await verifyPublished({ bytes: s.bytes, history: s.history, loadKeys: other.keys })).status).to.equal('wrong-key');
  });

  it('bad-signature: the digest fits but the signature is not over these bytes', async () => {
    const s = await signed(text);
    const other = await signed('{"kind": "budget"}');
    const history: PublishedHistory = { ...s.history, versions: [{ ...s.history.versions[0]!, signature: { ...s.history.versions[0]!.signature!, signature: other.history.versions[0]!.signature!.signature } }] };
    expect((await verifyPublished({ bytes: s.bytes, history, loadKeys: s.keys })).status).to.equal('bad-signature');
  });

  it('unsigned, and an algorithm this page cannot check: never verified', async () => {
    const s = await signed(text);
    const unsigned: PublishedHistory = { ...s.history, versions: [{ ...s.history.versions[0]!, signature: null }] };
    expect((await verifyPublished({ bytes: s.bytes, history: unsigned, loadKeys: s.keys })).status).to.equal('unsigned');
    const sm2: PublishedHistory = { ...s.history, versions: [{ ...s.history.versions[0]!, signature: { ...s.history.versions[0]!.signature!, alg: 'SM2' } }] };
    expect(await verifyPublished({ bytes: s.bytes, history: sm2, loadKeys: s.keys })).to.include({ status: 'unsupported-alg', alg: 'SM2' });
  });

  it('unsupported: a browser whose WebCrypto refuses Ed25519', async () => {
    const s = await signed(text);
    const original = crypto.subtle.importKey;
    crypto.subtle.importKey = (() => Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))) as typeof original;
    try {
      expect((await verifyPublished({ bytes: s.bytes, history: s.history, loadKeys: s.keys })).status).to.equal('unsupported');
      // A changed byte is still named: the digest needs no Ed25519.
      expect((await verifyPublished({ bytes: encode(text.replace('1', '2')), history: s.history, loadKeys: s.keys })).status).to.equal('tampered');
    } finally {
      crypto.subtle.importKey = original;
    }
  });
});

describe('documentChanges', () => {
  const budget = (amount: number, extra = {}) => ({
    kind: 'budget',
    unit: '万元',
    title: '2018年部门预算',
    functional: [{ code: '210', name: '卫生健康支出', values: [{ year: 2018, budget: amount }], children: [{ code: '21001', name: '卫生健康管理事务', values: [{ year: 2018, budget: 100 }] }] }],
    ...extra,
  });

  it('a budget: amounts by code, year and measure, in the document\'s unit; then other fields', () => {
    expect(documentChanges(budget(12000), budget(13000))).to.deep.equal([{ label: '2018年预算数 210 卫生健康支出', before: '1.2亿元', after: '1.3亿元' }]);
    expect(documentChanges(budget(12000), budget(12000, { title: '2018年部门预算（更正）' }))).to.deep.equal([{ label: 'title', before: '2018年部门预算', after: '2018年部门预算（更正）' }]);
    expect(documentChanges(budget(12000), budget(13000), 'en')[0]).to.deep.equal({ label: 'budget 2018 210 卫生健康支出', before: '120 million yuan', after: '130 million yuan' });
  });

  it('a catalogue: items added, removed and changed, by id', () => {
    const catalogue = (items: object[]) => ({ kind: 'catalogue', columns: [{ key: 'office', label: '责任科室' }], items });
    const changes = documentChanges(catalogue([{ id: 'a', title: '机构职能', office: '办公室' }, { id: 'b', title: '财政预算' }]), catalogue([{ id: 'a', title: '机构职能', office: '医政科' }, { id: 'c', title: '重大项目' }]));
    expect(changes).to.deep.equal([
      { label: '机构职能 · 责任科室', before: '办公室', after: '医政科' },
      { label: '新增 重大项目', before: '', after: '重大项目' },
      { label: '删除 财政预算', before: '财政预算', after: '' },
    ]);
  });

  it('any other kind: field by field, by path', () => {
    expect(documentChanges({ kind: 'document', title: 'a', attachments: [{ name: 'x' }] }, { kind: 'document', title: 'a', attachments: [{ name: 'y' }] })).to.deep.equal([{ label: 'attachments[0].name', before: 'x', after: 'y' }]);
  });
});
