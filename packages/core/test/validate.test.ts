import { expect } from '@open-wc/testing';
import '../src/translations/en.js';
import { documentSchema } from '../src/schemas/document.js';
import { formatIssue, validate, validateText } from '../src/validate.js';
import { formatPath, locateJsonPaths, parseJson } from '../src/json-source.js';
import { DESCRIPTIONS, SCHEMAS, KINDS } from '../src/kinds.js';
import { applyDescriptions, undescribedFields } from '../src/describe.js';
import { jsonSchemaFor } from '../src/json-schema.js';

const valid = {
  kind: 'document',
  version: 1,
  title: '关于印发《2018年政务公开工作要点》的通知',
  number: '平卫计发〔2018〕45号',
  issuer: '平罗县卫生和计划生育局',
  issued: '2018-04-20',
  status: '现行有效',
  attachments: [{ name: '工作要点', format: 'pdf', size: 245760, url: '/files/a.pdf' }],
};

describe('document schema', () => {
  it('accepts a valid document and infers its type', () => {
    const result = validate(documentSchema, valid);
    expect(result.ok).to.be.true;
    if (result.ok) expect(result.value.attachments![0]!.size).to.equal(245760);
  });

  it('accepts $schema so IDEs can check the file', () => {
    expect(validate(documentSchema, { $schema: '../schemas/document.schema.json', ...valid }).ok).to.be.true;
  });

  it('rejects unknown fields, with a suggestion for typos', () => {
    const result = validate(documentSchema, { ...valid, issuerr: 'x', foo: 1 });
    expect(result.ok).to.be.false;
    if (result.ok) return;
    const lines = result.issues.map((issue) => formatIssue(issue, 'zh-CN'));
    expect(lines).to.include('issuerr：不认识的字段“issuerr”，是不是“issuer”？');
    expect(lines).to.include('foo：不认识的字段“foo”');
  });

  it('keys named like Object.prototype members are unknown fields, in both languages', () => {
    const doc = {
      ...valid,
      toString: 1,
      constructor: { name: 'x' },
      attachments: [{ ...valid.attachments[0], hasOwnProperty: true }],
    };
    const result = validate(documentSchema, doc);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.pathText)).to.deep.equal([
      'attachments[0].hasOwnProperty',
      'toString',
      'constructor',
    ]);
    expect(result.issues.map((issue) => formatIssue(issue, 'zh-CN'))).to.deep.equal([
      'attachments[0].hasOwnProperty：不认识的字段“hasOwnProperty”',
      'toString：不认识的字段“toString”',
      'constructor：不认识的字段“constructor”',
    ]);
    expect(formatIssue(result.issues[1]!, 'en')).to.contain('toString');
  });

  it('names nested paths and what was expected', () => {
    const result = validate(documentSchema, {
      ...valid,
      attachments: [
        valid.attachments[0],
        valid.attachments[0],
        { name: 'x', format: 'PDF', size: -1, url: 'data:text/html,x' },
      ],
    });
    expect(result.ok).to.be.false;
    if (result.ok) return;
    const byPath = Object.fromEntries(result.issues.map((issue) => [issue.pathText, formatIssue(issue, 'en')]));
    expect(Object.keys(byPath).sort()).to.deep.equal([
      'attachments[2].format',
      'attachments[2].size',
      'attachments[2].url',
    ]);
    expect(byPath['attachments[2].size']).to.equal('attachments[2].size: must not be less than 0');
    expect(byPath['attachments[2].format']).to.contain('expected one of: "pdf", "ofd"');
    expect(byPath['attachments[2].url']).to.contain('javascript: and data: are not allowed');
  });

  it('checks kind and version', () => {
    const result = validate(documentSchema, { ...valid, kind: 'budget', version: 2 });
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.issues.map((issue) => formatIssue(issue, 'zh-CN'))).to.deep.equal([
      'kind：应为 "document"',
      'version：应为 1',
    ]);
  });

  it('says once that a date is written wrong, and separately that a day does not exist', () => {
    const wrong = validate(documentSchema, { ...valid, issued: '2018/07/11' });
    const missing = validate(documentSchema, { ...valid, issued: '2018-06-31' });
    if (wrong.ok || missing.ok) throw new Error('expected both to fail');
    expect(wrong.issues.map((issue) => formatIssue(issue, 'zh-CN'))).to.deep.equal([
      'issued：应为日期，格式为 YYYY-MM-DD（如 2018-07-04），实际为“2018/07/11”',
    ]);
    expect(missing.issues.map((issue) => formatIssue(issue, 'zh-CN'))).to.deep.equal([
      'issued：应为真实存在的日期（请核对月份和日期），实际为“2018-06-31”',
    ]);
  });

  it('rejects dates that are not on the calendar and dates out of order', () => {
    const bad = validate(documentSchema, { ...valid, issued: '2018-02-30' });
    expect(bad.ok).to.be.false;
    const order = validate(documentSchema, { ...valid, effective: '2018-05-01', expires: '2018-04-01' });
    expect(order.ok).to.be.false;
    if (order.ok) return;
    expect(formatIssue(order.issues[0]!, 'zh-CN')).to.equal('expires：失效日期不能早于成文日期（2018-04-20）');
    expect(order.issues.map((issue) => issue.pathText)).to.deep.equal(['expires', 'expires']);
  });

  it('validates document numbers in every common spelling', () => {
    for (const number of ['平政发[2017]1号', '平政发（2017）1号', '平政发〔2017〕第1号']) {
      expect(validate(documentSchema, { ...valid, number }).ok, number).to.be.true;
    }
    expect(validate(documentSchema, { ...valid, number: '平政发2017年1号' }).ok).to.be.false;
  });

  it('every field of every kind has a Chinese and English description', () => {
    for (const kind of KINDS) {
      applyDescriptions(SCHEMAS[kind], DESCRIPTIONS[kind]());
      expect(undescribedFields(SCHEMAS[kind]), kind).to.deep.equal([]);
      const schema = jsonSchemaFor(kind) as { description: string; additionalProperties: boolean };
      expect(schema.description, kind).to.match(/[\u4e00-\u9fff].* — [A-Z]/);
      expect(schema.additionalProperties, kind).to.equal(false);
    }
  });

  it('a description for a field that does not exist is an error', () => {
    expect(() => applyDescriptions(SCHEMAS.document, { titel: ['标题', 'Title'] })).to.throw('titel');
  });

  it('every kind is registered', () => {
    expect(KINDS).to.include('document');
    expect(SCHEMAS.document).to.equal(documentSchema);
  });
});

describe('validateText: lines and columns', () => {
  const text = `{
  "kind": "document",
  "version": 1,
  "title": "标题",
  "issuer": "平罗县卫生和计划生育局",
  "issued": "2018-04-20",
  "status": "现行有效",
  "attachments": [
    { "name": "a", "format": "pdf", "size": 1, "url": "/a.pdf" },
    { "name": "b", "format": "pdf", "size": "12", "url": "/b.pdf" }
  ],
  "titel": "typo"
}`;

  it('locates each problem in the source text', () => {
    const result = validateText(documentSchema, text);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.pathText, issue.line, issue.col])).to.deep.equal([
      ['attachments[1].size', 10, 45],
      ['titel', 12, 3],
    ]);
  });

  it('reports a missing field at the object that lacks it', () => {
    const result = validateText(documentSchema, '{\n  "kind": "document",\n  "version": 1\n}');
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.issues[0]).to.include({ pathText: 'title', line: 1, col: 1 });
    expect(formatIssue(result.issues[0]!, 'zh-CN')).to.equal('title：缺少必填字段（第 1 行第 1 列）');
  });

  it('reports syntax errors with their position', () => {
    const cases: Array<[string, number, number, string]> = [
      ['{\n  "a": 1,\n}', 3, 1, '结束括号前多了一个逗号'],
      ['{\n  "a": 1\n  "b": 2\n}', 3, 3, '应为逗号“,”或结束括号“}”'],
      ['{\n  "a": [1, 2\n', 3, 1, '文件意外结束'],
      ["{\n  'a': 1\n}", 2, 3, '应为用双引号括起的属性名'],
      ['{"a": 01}', 1, 8, '数字格式不正确'],
      ['{"a": 1} x', 1, 10, 'JSON 结束后还有多余内容'],
    ];
    for (const [source, line, col, words] of cases) {
      const result = validateText(documentSchema, source);
      expect(result.ok, source).to.be.false;
      if (result.ok) continue;
      const issue = result.issues[0]!;
      expect([issue.line, issue.col], source).to.deep.equal([line, col]);
      expect(formatIssue(issue, 'zh-CN'), source).to.contain(words);
    }
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(parseJson('\ufeff{"a": 1}')).to.deep.equal({ ok: true, value: { a: 1 } });
  });

  it('says an empty text is empty', () => {
    const result = validateText(documentSchema, '  \n');
    expect(result.ok).to.be.false;
    if (!result.ok) expect(formatIssue(result.issues[0]!, 'en')).to.contain('The data is empty');
  });
});

describe('JSON paths', () => {
  it('formats paths as editors read them', () => {
    expect(formatPath([])).to.equal('');
    expect(formatPath(['attachments', 2, 'size'])).to.equal('attachments[2].size');
    expect(formatPath(['a b', 0])).to.equal('["a b"][0]');
    expect(formatPath(['三公经费'])).to.equal('三公经费');
  });

  it('maps every path to its line and column', () => {
    const map = locateJsonPaths('{\n  "a": [\n    {"b": true}\n  ]\n}');
    expect(map.get('a')!.value).to.include({ line: 2, col: 8 });
    expect(map.get('a')!.key).to.include({ line: 2, col: 3 });
    expect(map.get('a[0].b')!.value).to.include({ line: 3, col: 11 });
  });
});

describe('budget consistency', () => {
  const budget = (functional: unknown[]) => ({
    kind: 'budget',
    version: 1,
    title: '某局2018年部门预算',
    department: '某局',
    stage: '预算',
    year: 2018,
    years: [2018],
    unit: '万元',
    published: '2018-02-01',
    functional,
  });
  const leaf = (code: string, amount: number) => ({
    code,
    name: `科目${code}`,
    values: [{ year: 2018, budget: amount }],
  });

  it('names both places of a repeated code, in any branch', () => {
    const doc = budget([
      {
        code: '210',
        name: '卫生',
        values: [{ year: 2018, budget: 3 }],
        children: [leaf('21001', 1), leaf('21002', 2)],
      },
      { code: '208', name: '社保', values: [{ year: 2018, budget: 1 }], children: [leaf('21002', 1)] },
    ]);
    const result = validate(SCHEMAS.budget, doc);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    const lines = result.issues.map((issue) => formatIssue(issue, 'zh-CN'));
    expect(lines).to.include(
      'functional[1].children[0].code：科目编码 21002 重复（已在 functional[0].children[1] 出现）',
    );
    // 21002 under 208 does not nest either: a separate problem at the same place.
    expect(lines.some((line) => line.startsWith('functional[1].children[0].code：') && line.includes('208'))).to.be
      .true;
  });

  it('reports an unknown year on a one-row item and a repeated year on a two-row item', () => {
    const doc = budget([
      { code: '210', name: '卫生', values: [{ year: 2017, budget: 3 }] },
      {
        code: '208',
        name: '社保',
        values: [
          { year: 2018, budget: 1 },
          { year: 2018, budget: 1 },
        ],
      },
    ]);
    const result = validate(SCHEMAS.budget, doc);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.issues.map((issue) => `${issue.pathText} ${issue.key}`)).to.deep.equal([
      'functional[0].values[0].year budget.unknownYear',
      'functional[1].values[1].year budget.yearRepeat',
    ]);
  });
});
