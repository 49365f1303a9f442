/**
 * The bureau's 主动公开 listing from the real workflow: a `"kind": "catalogue"` document
 * of every published (not withdrawn) document, for <gk-catalogue src="/api/documents/catalogue">.
 * Its statutory 审核程序 column says what actually happened to the latest version —
 * who wrote it, which office reviewed it and when, or that an admin published it
 * without review and why — rather than a procedure typed by hand. Pure; checked with
 * core's schema before it is sent.
 */
import { KINDS } from '../../../core/src/kinds.js';
import { catalogueSchema, type CatalogueItem, type GkCatalogue } from '../../../core/src/schemas/catalogue.js';
import { checked } from '../publish.js';
import type { DocumentRecord, RevisionRecord } from '../storage/document-types.js';

/** 条例第二十六条: within 20 working days of being made or changed. */
export const DEFAULT_TIME_LIMIT = '自形成或者变更之日起20个工作日内';

const KIND_LABELS: Record<string, string> = {
  document: '政策文件',
  budget: '预决算',
  explainer: '政策解读',
  catalogue: '目录',
  form: '表单',
  consultation: '意见征集',
  'disclosure-request': '依申请公开',
  'annual-report': '年度报告',
};

/** A county calendar day from an ISO time. */
function day(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** What the 审核程序 column says of one published version. */
export function reviewProcedure(document: DocumentRecord, version: RevisionRecord, timeZone: string): string {
  const when = version.publishedAt ? day(version.publishedAt, timeZone) : '';
  if (version.reviewer)
    return `${document.office}拟稿，${version.reviewerOffice ?? ''}审核后发布（${when}，第${version.version}版）`;
  return `未经第二人审核，由管理员发布（${when}，第${version.version}版；理由：${version.unreviewedReason ?? ''}）`;
}

export function publishedCatalogue(
  published: ReadonlyArray<{ document: DocumentRecord; latest: RevisionRecord }>,
  {
    publisher,
    today,
    timeZone,
    platform = '本单位政府网站',
    base = '',
  }: { publisher: string; today: string; timeZone: string; platform?: string; base?: string },
): GkCatalogue {
  const items = published.map(({ document, latest }): CatalogueItem => ({
    id: document.slug,
    title: document.title || document.slug,
    date: day(latest.publishedAt!, timeZone),
    url: `${base}/d/${document.slug}.json`,
    category: document.kind,
    office: document.office,
    timeLimit: DEFAULT_TIME_LIMIT,
    review: reviewProcedure(document, latest, timeZone),
    platform,
    version: `第${latest.version}版`,
  }));
  const doc: GkCatalogue = {
    kind: 'catalogue',
    version: 1,
    title: `${publisher}主动公开信息（经审核发布）`,
    owner: publisher,
    type: '主动公开',
    updated: today,
    description: `本目录由信息审核发布系统生成：每条信息均写明撰写科室、审核科室和发布日期；共 ${items.length} 条。`,
    categories: KINDS.filter((kind) => items.some((item) => item.category === kind)).map((kind) => ({
      id: kind,
      name: KIND_LABELS[kind] ?? kind,
    })),
    columns: [
      { key: 'office', label: '责任科室', type: 'text', facet: true },
      { key: 'timeLimit', label: '公开时限', type: 'text' },
      { key: 'review', label: '审核程序', type: 'text' },
      { key: 'platform', label: '发布平台', type: 'text' },
      { key: 'version', label: '版本', type: 'text' },
    ],
    items,
  };
  return checked(catalogueSchema, doc, 'the published catalogue');
}
