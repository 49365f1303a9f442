import { expect } from '@open-wc/testing';
import '../src/translations/en.js';
import { compileSubmissionSchema, formSchema, type GkForm } from '../src/schemas/form.js';
import { formatIssue, validate } from '../src/validate.js';

/** A 领导信箱 message form. */
const mailbox: GkForm = {
  kind: 'form',
  version: 1,
  title: '局长信箱',
  action: '/api/forms/mailbox',
  privacy: '您提供的个人信息仅用于办理本次留言。',
  draft: true,
  sections: [
    {
      title: '您的信息',
      fields: [
        { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 20 },
        { name: 'phone', label: '手机号码', type: 'mobile', required: true, sensitive: true },
        { name: 'idNumber', label: '身份证号', type: 'idNumber', sensitive: true },
        {
          name: 'reply',
          label: '答复方式',
          type: 'radio',
          required: true,
          options: [
            { value: 'phone', label: '电话' },
            { value: 'email', label: '邮件' },
          ],
        },
        {
          name: 'email',
          label: '电子邮箱',
          type: 'email',
          required: true,
          showWhen: { field: 'reply', equals: 'email' },
        },
      ],
    },
    {
      title: '留言内容',
      fields: [
        { name: 'subject', label: '标题', type: 'text', required: true, minLength: 4 },
        { name: 'body', label: '内容', type: 'textarea', required: true, maxLength: 2000 },
        { name: 'consent', label: '隐私说明', type: 'consent', required: true },
      ],
    },
  ],
};

const good = {
  _idempotencyKey: 'a1b2c3d4e5f6',
  name: '张三',
  phone: '13812345678',
  reply: 'phone',
  subject: '医院收费咨询',
  body: '请问县医院的收费标准在哪里可以查到？',
  consent: true,
};

describe('form contract', () => {
  it('accepts a well-formed form and rejects a repeated field name and a showWhen that looks ahead', () => {
    expect(validate(formSchema, mailbox).ok).to.be.true;
    const bad = structuredClone(mailbox);
    bad.sections[0]!.fields[1]!.name = 'name';
    bad.sections[0]!.fields[0]!.showWhen = { field: 'reply', equals: 'email' };
    const result = validate(formSchema, bad);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    const lines = result.issues.map((issue) => formatIssue(issue, 'zh-CN'));
    expect(lines.some((line) => line.includes('字段名“name”重复'))).to.be.true;
    expect(lines.some((line) => line.includes('显示条件所依据的字段“reply”不在本字段之前'))).to.be.true;
  });
});

describe('compileSubmissionSchema (the same check in the browser and on the server)', () => {
  const schema = compileSubmissionSchema(mailbox);

  it('accepts a complete submission', () => {
    expect(validate(schema, good).ok).to.be.true;
  });

  it('names each problem by field, in Chinese and English', () => {
    const result = validate(schema, {
      ...good,
      name: '',
      phone: '1381234',
      subject: '咨询',
      consent: false,
      extra: 'x',
    });
    expect(result.ok).to.be.false;
    if (result.ok) return;
    const byField = Object.fromEntries(result.issues.map((issue) => [issue.pathText, formatIssue(issue, 'zh-CN')]));
    expect(byField.name).to.contain('请填写“姓名”');
    expect(byField.phone).to.contain('11 位手机号码');
    expect(byField.subject).to.contain('至少 4 个字符');
    expect(byField.consent).to.contain('请阅读并同意');
    expect(byField.extra).to.contain('不认识的字段');
    expect(
      formatIssue(
        result.issues.find((issue) => issue.pathText === 'phone')!,
        'en',
      ),
    ).to.contain('11-digit mobile number');
  });

  it('checks resident ID numbers by their check digit', () => {
    expect(validate(schema, { ...good, idNumber: '640221199001011231' }).ok).to.be.true;
    expect(validate(schema, { ...good, idNumber: '640221199001011232' }).ok).to.be.false;
  });

  it('requires a field only when it shows, and refuses values of hidden fields', () => {
    expect(validate(schema, { ...good, reply: 'email' }).ok).to.be.false; // email now required
    expect(validate(schema, { ...good, reply: 'email', email: 'zhang@example.cn' }).ok).to.be.true;
    expect(validate(schema, { ...good, email: 'zhang@example.cn' }).ok).to.be.false; // hidden when reply is phone
  });

  it('rejects a filled honeypot and a missing idempotency key', () => {
    expect(validate(schema, { ...good, _website: 'http://spam.example' }).ok).to.be.false;
    const { _idempotencyKey, ...withoutKey } = good;
    void _idempotencyKey;
    expect(validate(schema, withoutKey).ok).to.be.false;
  });
});
