/**
 * core's published.ts and diff.ts in the browser: addresses of published documents, the
 * history parser, the signature check with WebCrypto Ed25519 (each verdict made for real:
 * a key pair made here, real signatures), and the changes between two versions.
 */
import '../src/translations/en.js';
import { expect } from '@open-wc/testing';
import { documentChanges } from '../src/diff.js';
import {
  keyIdOf,
  parseHistory,
  publishedAddress,
  verifyPublished,
  type PublicationStatement,
  type PublishedHistory,
  type PublishedVersion,
  type SignatureEnvelope,
} from '../src/published.js';

const encode = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const hex = async (bytes: Uint8Array<ArrayBuffer>) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/** A publisher with a real Ed25519 key pair made here: it signs versions as gongkai-server does. */
async function publisher() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = (await keyIdOf(raw))!;
  const sign = async (bytes: Uint8Array<ArrayBuffer>) =>
    b64(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes));
  /** Version `version` of budget-2018 with these bytes, its statement signed (gongkai-signature/2). */
  async function version(version: number, text: string, statement: Partial<PublicationStatement> = {}) {
    const sha256 = await hex(encode(text));
    const body: PublicationStatement = {
      type: 'gongkai-publication/1',
      slug: 'budget-2018',
      version,
      sha256,
      kind: 'budget',
      publisher: '平罗县卫生健康局',
      office: '医政科',
      reviewed: true,
      reviewer: '办公室',
      unreviewedReason: null,
      publishedAt: `2026-03-0${version}T02:00:00.000Z`,
      major: true,
      changeNote: version === 1 ? '首次发布' : '更正',
      ...statement,
    };
    const statementText = JSON.stringify(body);
    const signature: SignatureEnvelope = {
      format: 'gongkai-signature/2',
      alg: 'Ed25519',
      keyId,
      statement: statementText,
      signature: await sign(encode(statementText)),
    };
    return {
      version,
      publishedAt: body.publishedAt,
      major: true,
      changeNote: body.changeNote,
      sha256,
      reviewed: body.reviewed,
      reviewer: body.reviewer,
      unreviewedReason: body.unreviewedReason,
      signature,
    };
  }
  /** The first envelope format: a signature over the document bytes alone. */
  async function bytesVersion(version: number, text: string) {
    const sha256 = await hex(encode(text));
    return {
      version,
      publishedAt: '2026-03-01T02:00:00.000Z',
      major: true,
      changeNote: null,
      sha256,
      reviewed: true,
      reviewer: '办公室',
      unreviewedReason: null,
      signature: { format: 'gongkai-signature/1', alg: 'Ed25519', keyId, sha256, signature: await sign(encode(text)) },
    };
  }
  const history = (versions: unknown[]) =>
    parseHistory({ slug: 'budget-2018', publisher: 'history.json 的发布单位', office: '医政科', versions })!;
  return {
    keyId,
    publicKey: b64(raw),
    keys: async () => [{ keyId, alg: 'Ed25519', publicKey: b64(raw) }],
    version,
    bytesVersion,
    history,
  };
}

/** A history whose one entry is changed by `change`. */
const withEntry = (
  history: PublishedHistory,
  number: number,
  change: (v: PublishedVersion) => PublishedVersion,
): PublishedHistory => ({
  ...history,
  versions: history.versions.map((v) => (v.version === number ? change(v) : v)),
});

describe('published documents: addresses and history', () => {
  it('recognises /d/<slug>.json and /d/<slug>/v<n>.json under any prefix', () => {
    expect(publishedAddress('/d/budget-2018.json', 'https://x.gov.cn/page')).to.deep.include({
      slug: 'budget-2018',
      base: '',
      history: 'https://x.gov.cn/d/budget-2018/history.json',
    });
    expect(publishedAddress('https://gk.example/t/pingluo/d/budget-2018/v3.json', 'https://x.gov.cn/')).to.deep.include(
      { slug: 'budget-2018', base: '/t/pingluo', version: 3 },
    );
    expect(publishedAddress('/data/budget-2018.json', 'https://x.gov.cn/')).to.equal(undefined);
    expect(publishedAddress('javascript:alert(1)//d/a.json', 'https://x.gov.cn/')).to.equal(undefined);
  });

  it("parseHistory accepts the server's history and refuses anything else", () => {
    expect(parseHistory({ slug: 'a', versions: [{ version: 1 }] })).to.equal(undefined);
    expect(parseHistory('<html>')).to.equal(undefined);
    const h = parseHistory({
      slug: 'a',
      versions: [
        { version: 1, publishedAt: 't1', sha256: 'AB' },
        { version: 2, publishedAt: 't2', sha256: 'cd', major: false },
      ],
    })!;
    expect(h.versions.map((v) => v.version)).to.deep.equal([2, 1]);
    expect(h.versions[1]!.sha256).to.equal('ab');
    expect(h.latest).to.equal(2);
  });
});

describe('verifyPublished', () => {
  const v1 = '{\n  "kind": "budget",\n  "amount": 12000\n}\n';
  const v2 = '{\n  "kind": "budget",\n  "amount": 13000\n}\n';
  const check = (
    p: Awaited<ReturnType<typeof publisher>>,
    bytes: Uint8Array<ArrayBuffer>,
    history: PublishedHistory,
    extra: {
      version?: number;
      slug?: string;
      pinnedKey?: string;
      loadKeys?: () => Promise<Array<{ keyId: string; alg: string; publicKey: string }>>;
    } = {},
  ) => verifyPublished({ bytes, history, slug: 'budget-2018', loadKeys: p.keys, ...extra });

  it('verified: the signed statement names this slug, this version and these bytes; publisher and reviewer come from it, not from history.json', async () => {
    const p = await publisher();
    const history = p.history([await p.version(1, v1), await p.version(2, v2)]);
    const latest = await check(p, encode(v2), history);
    expect(latest).to.deep.include({ status: 'verified', keyId: p.keyId, pinned: false });
    expect(latest.statement).to.deep.include({
      slug: 'budget-2018',
      version: 2,
      publisher: '平罗县卫生健康局',
      reviewed: true,
      reviewer: '办公室',
      major: true,
      changeNote: '更正',
    });
    expect((await check(p, encode(v1), history, { version: 1 })).statement?.version).to.equal(1);
    const pinned = await check(p, encode(v2), history, { pinnedKey: p.publicKey, loadKeys: async () => [] });
    expect(pinned).to.include({ status: 'verified', pinned: true, keyId: p.keyId });
    // Published without review: the statement says so, with the reason.
    const unreviewed = p.history([
      await p.version(1, v1, { reviewed: false, reviewer: null, unreviewedReason: '紧急更正' }),
    ]);
    expect((await check(p, encode(v1), unreviewed)).statement).to.deep.include({
      reviewed: false,
      reviewer: null,
      unreviewedReason: '紧急更正',
    });
  });

  it('verified-bytes: the first envelope format (over the bytes alone) stays readable, and names no one', async () => {
    const p = await publisher();
    const verdict = await check(p, encode(v1), p.history([await p.bytesVersion(1, v1)]));
    expect(verdict).to.include({ status: 'verified-bytes', keyId: p.keyId });
    expect(verdict.statement).to.equal(undefined);
    expect(
      (await check(p, encode(v1.replace('12000', '12900')), p.history([await p.bytesVersion(1, v1)]))).status,
    ).to.equal('tampered');
  });

  it('tampered: one byte changed (against the history and against the signed statement)', async () => {
    const p = await publisher();
    const history = p.history([await p.version(1, v1)]);
    expect((await check(p, encode(v1.replace('12000', '12900')), history)).status).to.equal('tampered');
    // history.json rewritten to the changed bytes' digest: the signed statement still names the original.
    const changed = encode(v1.replace('12000', '12900'));
    const digest = await hex(changed);
    const forged = withEntry(history, 1, (v) => ({ ...v, sha256: digest }));
    expect((await check(p, changed, forged)).status).to.equal('tampered');
  });

  it('mismatch: a signature for v1 served with v2, a statement for another document, a version the history lacks', async () => {
    const p = await publisher();
    const first = await p.version(1, v1);
    const history = p.history([first, await p.version(2, v2)]);
    const replayed = withEntry(history, 2, (v) => ({ ...v, signature: first.signature }));
    expect(await check(p, encode(v2), replayed)).to.deep.include({
      status: 'mismatch',
      claimed: { slug: 'budget-2018', version: 1 },
    });
    const other = p.history([await p.version(1, v1, { slug: 'budget-2019' })]);
    expect(await check(p, encode(v1), other)).to.deep.include({
      status: 'mismatch',
      claimed: { slug: 'budget-2019', version: 1 },
    });
    expect((await check(p, encode(v2), history, { version: 3 })).status).to.equal('mismatch');
    expect((await check(p, encode(v1), history, { slug: 'budget-2020' })).status).to.equal('mismatch');
  });

  it('wrong-key: another pinned key, or a key the publisher does not publish', async () => {
    const p = await publisher();
    const other = await publisher();
    const history = p.history([await p.version(1, v1)]);
    expect((await check(p, encode(v1), history, { pinnedKey: other.publicKey })).status).to.equal('wrong-key');
    expect((await check(p, encode(v1), history, { loadKeys: other.keys })).status).to.equal('wrong-key');
  });

  it('bad-signature: a statement changed after signing (another reviewer named), or one that cannot be read', async () => {
    const p = await publisher();
    const history = p.history([await p.version(1, v1)]);
    const forgeStatement = (statement: string) =>
      withEntry(history, 1, (v) => ({ ...v, signature: { ...v.signature!, statement } }));
    const statement = history.versions[0]!.signature!.statement!;
    expect(
      (await check(p, encode(v1), forgeStatement(statement.replace('"reviewer":"办公室"', '"reviewer":"财务科"'))))
        .status,
    ).to.equal('bad-signature');
    expect((await check(p, encode(v1), forgeStatement('{"type": "gongkai-publication/1"'))).status).to.equal(
      'bad-signature',
    );
  });

  it('unsigned, an algorithm or a format this page cannot check: never verified', async () => {
    const p = await publisher();
    const history = p.history([await p.version(1, v1)]);
    expect(
      (
        await check(
          p,
          encode(v1),
          withEntry(history, 1, (v) => ({ ...v, signature: null })),
        )
      ).status,
    ).to.equal('unsigned');
    expect(
      await check(
        p,
        encode(v1),
        withEntry(history, 1, (v) => ({ ...v, signature: { ...v.signature!, alg: 'SM2' } })),
      ),
    ).to.include({ status: 'unsupported-alg', alg: 'SM2' });
    expect(
      await check(
        p,
        encode(v1),
        withEntry(history, 1, (v) => ({ ...v, signature: { ...v.signature!, format: 'gongkai-signature/9' } })),
      ),
    ).to.include({ status: 'unsupported-alg', alg: 'gongkai-signature/9' });
  });

  it('unsupported: a browser whose WebCrypto refuses Ed25519', async () => {
    const p = await publisher();
    const history = p.history([await p.version(1, v1)]);
    const original = crypto.subtle.importKey;
    crypto.subtle.importKey = (() =>
      Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))) as typeof original;
    try {
      expect((await check(p, encode(v1), history)).status).to.equal('unsupported');
      // A changed byte is still named: the digest needs no Ed25519.
      expect((await check(p, encode(v1.replace('1', '2')), history)).status).to.equal('tampered');
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
    functional: [
      {
        code: '210',
        name: '卫生健康支出',
        values: [{ year: 2018, budget: amount }],
        children: [{ code: '21001', name: '卫生健康管理事务', values: [{ year: 2018, budget: 100 }] }],
      },
    ],
    ...extra,
  });

  it("a budget: amounts by code, year and measure, in the document's unit; then other fields", () => {
    expect(documentChanges(budget(12000), budget(13000))).to.deep.equal([
      { label: '2018年预算数 210 卫生健康支出', before: '1.2亿元', after: '1.3亿元' },
    ]);
    expect(documentChanges(budget(12000), budget(12000, { title: '2018年部门预算（更正）' }))).to.deep.equal([
      { label: 'title', before: '2018年部门预算', after: '2018年部门预算（更正）' },
    ]);
    expect(documentChanges(budget(12000), budget(13000), 'en')[0]).to.deep.equal({
      label: 'budget 2018 210 卫生健康支出',
      before: '120 million yuan',
      after: '130 million yuan',
    });
  });

  it('a catalogue: items added, removed and changed, by id', () => {
    const catalogue = (items: object[]) => ({
      kind: 'catalogue',
      columns: [{ key: 'office', label: '责任科室' }],
      items,
    });
    const changes = documentChanges(
      catalogue([
        { id: 'a', title: '机构职能', office: '办公室' },
        { id: 'b', title: '财政预算' },
      ]),
      catalogue([
        { id: 'a', title: '机构职能', office: '医政科' },
        { id: 'c', title: '重大项目' },
      ]),
    );
    expect(changes).to.deep.equal([
      { label: '机构职能 · 责任科室', before: '办公室', after: '医政科' },
      { label: '新增 重大项目', before: '', after: '重大项目' },
      { label: '删除 财政预算', before: '财政预算', after: '' },
    ]);
  });

  it('any other kind: field by field, by path', () => {
    expect(
      documentChanges(
        { kind: 'document', title: 'a', attachments: [{ name: 'x' }] },
        { kind: 'document', title: 'a', attachments: [{ name: 'y' }] },
      ),
    ).to.deep.equal([{ label: 'attachments[0].name', before: 'x', after: 'y' }]);
  });
});
