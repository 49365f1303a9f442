/**
 * `"kind": "explainer"` — a plain-language interpretation of a policy (政策解读),
 * written by the office that drafted it (谁起草、谁解读): sections of text, key
 * figures, charts, steps, Q&A, before/after, images, audio/video, "what this
 * means for you" and contacts, with a glossary. Shown by <gk-explainer>.
 *
 * Accessibility is part of the contract: an image without alt text, or audio or
 * video without a transcript or captions, is a validation error.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { addMessages } from '../i18n.js';
import { explainerZh } from '../messages/explainer.js';
import { docNumber, header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';

addMessages('zh-CN', explainerZh);

export const SECTION_TYPES = [
  'text',
  'figures',
  'chart',
  'steps',
  'qa',
  'compare',
  'image',
  'media',
  'impact',
  'contact',
] as const;
export type SectionType = (typeof SECTION_TYPES)[number];

/** Section ids end up in the URL (#section-id), so they are short slugs. */
const SECTION_ID = /^[a-z][a-z0-9-]{0,40}$/;

const sectionBase = () => ({
  id: z.optional(z.string().check(z.regex(SECTION_ID, { error: 'expect.sectionId' }))),
  title: text(),
});

export const textSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ type: z.literal('text'), ...sectionBase(), body: text() }),
);

export const figuresSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('figures'),
    ...sectionBase(),
    items: z
      .array(
        z.strictObject({
          value: z.number(),
          unit: z.optional(text()),
          label: text(),
          compare: z.optional(z.strictObject({ label: text(), changePercent: z.number() })),
        }),
      )
      .check(z.minLength(1)),
  }),
);

export const chartSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('chart'),
    ...sectionBase(),
    chart: z.enum(['bars', 'lines']),
    unit: z.optional(text()),
    labels: z.array(text()).check(z.minLength(1)),
    series: z.array(z.strictObject({ name: text(), values: z.array(z.number()) })).check(z.minLength(1)),
    source: z.optional(text()),
  }),
);

export const stepsSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('steps'),
    ...sectionBase(),
    items: z
      .array(
        z.strictObject({
          when: z.optional(text()),
          title: text(),
          body: z.optional(z.string()),
          who: z.optional(text()),
        }),
      )
      .check(z.minLength(1)),
  }),
);

export const qaSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('qa'),
    ...sectionBase(),
    items: z.array(z.strictObject({ question: text(), answer: text() })).check(z.minLength(1)),
  }),
);

export const compareSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('compare'),
    ...sectionBase(),
    beforeLabel: z.optional(text()),
    afterLabel: z.optional(text()),
    rows: z.array(z.strictObject({ aspect: text(), before: text(), after: text() })).check(z.minLength(1)),
  }),
);

export const imageSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('image'),
    ...sectionBase(),
    src: safeUrl(),
    alt: z.string().check(z.trim(), z.minLength(1, { error: 'expect.alt' })),
    caption: text(),
    longDescription: z.optional(z.string()),
  }),
);

export const mediaSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('media'),
    ...sectionBase(),
    kind: z.enum(['audio', 'video']),
    src: safeUrl(),
    poster: z.optional(safeUrl()),
    captions: z.optional(safeUrl()),
    transcript: z.optional(z.string()),
  }),
);

export const impactSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('impact'),
    ...sectionBase(),
    who: z.array(text()).check(z.minLength(1)),
    what: z.array(text()).check(z.minLength(1)),
    where: z.optional(
      z.array(
        z.strictObject({
          name: text(),
          address: z.optional(text()),
          phone: z.optional(text()),
          url: z.optional(safeUrl()),
        }),
      ),
    ),
    deadlines: z.optional(z.array(z.strictObject({ date: isoDate(), what: text() }))),
  }),
);

export const contactSectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('contact'),
    ...sectionBase(),
    items: z.array(z.strictObject({ label: text(), value: text(), url: z.optional(safeUrl()) })).check(z.minLength(1)),
  }),
);

export const sectionSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('type', [
    textSectionSchema,
    figuresSectionSchema,
    chartSectionSchema,
    stepsSectionSchema,
    qaSectionSchema,
    compareSectionSchema,
    imageSectionSchema,
    mediaSectionSchema,
    impactSectionSchema,
    contactSectionSchema,
  ]),
);

export const explainerFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('explainer'),
    title: text(),
    summary: text(),
    policy: z.strictObject({
      title: text(),
      number: z.optional(docNumber()),
      issuer: z.optional(text()),
      date: z.optional(isoDate()),
      url: z.optional(safeUrl()),
      document: z.optional(safeUrl()),
    }),
    interpreter: z.strictObject({
      office: text(),
      firstInterpreter: z.optional(z.strictObject({ name: text(), title: text() })),
      date: isoDate(),
      contact: z.optional(text()),
    }),
    sections: z.array(sectionSchema).check(z.minLength(1)),
    glossary: z.optional(z.array(z.strictObject({ term: text(), definition: text() }))),
  }),
);

export type GkExplainer = z.infer<typeof explainerFields>;
export type ExplainerSection = GkExplainer['sections'][number];

type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** Checks across fields: ids and terms once each, chart series as long as the labels, media with a text alternative. */
export function explainerConsistencyIssues(doc: GkExplainer): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  doc.sections.forEach((section, i) => {
    if (section.id !== undefined) {
      if (ids.has(section.id))
        issues.push({ path: ['sections', i, 'id'], message: 'explainer.idRepeat', params: { id: section.id } });
      ids.add(section.id);
    }
    if (section.type === 'chart') {
      section.series.forEach((series, s) => {
        if (series.values.length !== section.labels.length) {
          issues.push({
            path: ['sections', i, 'series', s, 'values'],
            message: 'explainer.seriesLength',
            params: { count: series.values.length, labels: section.labels.length },
          });
        }
      });
    }
    if (section.type === 'media' && !section.captions && !section.transcript?.trim()) {
      issues.push({
        path: ['sections', i, 'transcript'],
        message: 'explainer.mediaText',
        params: { kind: `explainer.kind.${section.kind}` },
      });
    }
  });
  const terms = new Set<string>();
  doc.glossary?.forEach((entry, i) => {
    if (terms.has(entry.term))
      issues.push({ path: ['glossary', i, 'term'], message: 'explainer.termRepeat', params: { term: entry.term } });
    terms.add(entry.term);
  });
  return issues;
}

export const explainerSchema = /* @__PURE__ */ lazySchema(() =>
  explainerFields.check(
    z.superRefine((doc, ctx) => {
      for (const issue of explainerConsistencyIssues(doc as GkExplainer))
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
    }),
  ),
);

/** The id a section is linked by: its own, or its position. */
export function sectionId(section: ExplainerSection, index: number): string {
  return section.id ?? `section-${index + 1}`;
}

/** What each field means, for editors' IDEs (attached by describe.ts for the JSON Schema). */
export function explainerDescriptions(): FieldDescriptions {
  const section = (type: SectionType, zh: string, en: string, fields: FieldDescriptions): FieldDescriptions => {
    const path = `sections[]<${type}>`;
    const out: FieldDescriptions = {
      [`${path}.type`]: [`段落类型："${type}"（${zh}）`, `Section type: "${type}" (${en})`],
      [`${path}.id`]: [
        '段落标识（小写字母、数字和连字符），用于网址 #锚点',
        'Section id (lower-case letters, digits, hyphens), used in the URL #anchor',
      ],
      [`${path}.title`]: ['段落标题', 'Section title'],
    };
    for (const [field, description] of Object.entries(fields)) out[`${path}.${field}`] = description;
    return out;
  };
  const sections: FieldDescriptions = {
    ...section('text', '文字', 'text', { body: ['正文（Markdown）', 'Text (Markdown)'] }),
    ...section('figures', '关键数字', 'key figures', {
      items: ['数字列表', 'Figures'],
      'items[]': ['一个数字', 'One figure'],
      'items[].value': ['数值', 'Value'],
      'items[].unit': [
        '单位：元、万元、亿元（按金额格式显示）或其他（人、%、个……）',
        'Unit: 元/万元/亿元 are formatted as money; others (人, %, …) as given',
      ],
      'items[].label': ['说明这个数字是什么', 'What the figure is'],
      'items[].compare': ['对比', 'Comparison'],
      'items[].compare.label': ['对比对象，如“上年”', 'Compared with, e.g. 上年 (last year)'],
      'items[].compare.changePercent': ['增减百分比，如 5.2 表示增长 5.2%', 'Change in percent, e.g. 5.2 for +5.2%'],
    }),
    ...section('chart', '图表', 'chart', {
      chart: ['图表类型：bars 条形图、lines 折线图', 'Chart type: bars or lines'],
      unit: ['数值单位：元、万元、亿元按金额格式显示', 'Unit of the values'],
      labels: ['分类或年份标签', 'Category or year labels'],
      series: ['数据系列', 'Data series'],
      'series[]': ['一个系列', 'One series'],
      'series[].name': ['系列名称', 'Series name'],
      'series[].values': ['数值，个数与 labels 相同', 'Values, as many as labels'],
      source: ['数据来源', 'Source'],
    }),
    ...section('steps', '步骤 / 时间线', 'steps / timeline', {
      items: ['步骤', 'Steps'],
      'items[]': ['一个步骤', 'One step'],
      'items[].when': ['时间，如“2018年6月底前”', 'When, e.g. 2018年6月底前'],
      'items[].title': ['做什么', 'What happens'],
      'items[].body': ['说明（Markdown）', 'Details (Markdown)'],
      'items[].who': ['由谁负责 / 涉及谁', 'Who is responsible or concerned'],
    }),
    ...section('qa', '问答', 'Q&A', {
      items: ['问答', 'Questions and answers'],
      'items[]': ['一问一答', 'One question'],
      'items[].question': ['问题', 'Question'],
      'items[].answer': ['回答（Markdown）', 'Answer (Markdown)'],
    }),
    ...section('compare', '新旧对比', 'before / after', {
      beforeLabel: ['“旧”一栏的名称，默认“原规定”', 'Label of the before column'],
      afterLabel: ['“新”一栏的名称，默认“新规定”', 'Label of the after column'],
      rows: ['对比事项', 'Rows'],
      'rows[]': ['一项对比', 'One row'],
      'rows[].aspect': ['事项', 'Aspect'],
      'rows[].before': ['原来', 'Before'],
      'rows[].after': ['现在', 'After'],
    }),
    ...section('image', '图解', 'image', {
      src: ['图片地址', 'Image address'],
      alt: ['替代文字（必填）：向看不见图片的读者说明图中内容', 'Alternative text (required)'],
      caption: ['图片说明（必填）', 'Caption (required)'],
      longDescription: ['详细文字说明（Markdown），复杂图解建议提供', 'Long description (Markdown)'],
    }),
    ...section('media', '音视频', 'audio / video', {
      kind: ['audio 音频或 video 视频', 'audio or video'],
      src: ['本站的音视频文件地址（不会自动播放）', 'Address of the file on this site (never autoplays)'],
      poster: ['视频封面图', 'Video poster image'],
      captions: [
        '字幕文件（WebVTT）；与文字稿至少提供一个',
        'Captions file (WebVTT); this or a transcript is required',
      ],
      transcript: ['文字稿（Markdown）；与字幕至少提供一个', 'Transcript (Markdown); this or captions is required'],
    }),
    ...section('impact', '对您的影响', 'what this means for you', {
      who: ['哪些人受影响', 'Who is affected'],
      what: ['需要做什么', 'What to do'],
      where: ['到哪里办', 'Where to go'],
      'where[]': ['一个办理地点', 'One place'],
      'where[].name': ['名称', 'Name'],
      'where[].address': ['地址', 'Address'],
      'where[].phone': ['电话', 'Phone'],
      'where[].url': ['网址', 'Web address'],
      deadlines: ['重要时间', 'Deadlines'],
      'deadlines[]': ['一个时间', 'One deadline'],
      'deadlines[].date': ['日期（YYYY-MM-DD）', 'Date (YYYY-MM-DD)'],
      'deadlines[].what': ['事项', 'What'],
    }),
    ...section('contact', '联系方式', 'contact', {
      items: ['联系方式', 'Contacts'],
      'items[]': ['一条联系方式', 'One contact'],
      'items[].label': ['名称，如“咨询电话”', 'Label'],
      'items[].value': ['内容，如电话号码', 'Value'],
      'items[].url': ['链接（tel:、mailto: 或网址）', 'Link (tel:, mailto: or a web address)'],
    }),
  };
  return {
    '': ['政策解读（图解、问答、数据）', 'A policy interpretation'],
    ...headerDescriptions('explainer'),
    title: ['解读标题', 'Title of the interpretation'],
    summary: ['一句话概括这项政策', 'The policy in one sentence'],
    policy: ['所解读的政策文件', 'The policy interpreted'],
    'policy.title': ['文件标题', 'Document title'],
    'policy.number': ['发文字号', 'Document number'],
    'policy.issuer': ['发文机关', 'Issuing authority'],
    'policy.date': ['成文日期（YYYY-MM-DD）', 'Date (YYYY-MM-DD)'],
    'policy.url': ['原文链接', 'Link to the full text'],
    'policy.document': [
      '政策文件卡片的 JSON 地址（"kind": "document"），显示为 <gk-document>',
      'Address of the document card JSON, shown as <gk-document>',
    ],
    interpreter: ['解读人', 'Interpreter'],
    'interpreter.office': ['起草（解读）科室', 'Drafting office'],
    'interpreter.firstInterpreter': ['第一解读人', 'First interpreter (the lead official)'],
    'interpreter.firstInterpreter.name': ['姓名', 'Name'],
    'interpreter.firstInterpreter.title': ['职务', 'Position'],
    'interpreter.date': ['解读日期（YYYY-MM-DD）', 'Date of the interpretation (YYYY-MM-DD)'],
    'interpreter.contact': ['咨询电话或联系方式', 'Contact for questions'],
    sections: ['段落，依次显示', 'Sections, in order'],
    'sections[]': [
      '一个段落：text 文字、figures 数字、chart 图表、steps 步骤、qa 问答、compare 新旧对比、image 图解、media 音视频、impact 对您的影响、contact 联系方式',
      'One section, by its type',
    ],
    ...sections,
    glossary: ['名词解释：在正文中出现时可点击查看', 'Glossary: terms explained where they appear'],
    'glossary[]': ['一个名词', 'One term'],
    'glossary[].term': ['名词', 'Term'],
    'glossary[].definition': ['解释', 'Definition'],
  };
}
