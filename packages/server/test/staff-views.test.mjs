// The staff page's view models and builders (src/staff/views.ts): pure functions,
// tested here without a server or a database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentActionForms, staffViews } from '../dist/gongkai-server.mjs';
import { validateDocument } from '../support/harness.mjs';

const {
  submissionQuery,
  submissionScope,
  canSeeSubmission,
  submissionSummary,
  labelledFields,
  actionForms,
  submissionCatalogue,
} = staffViews;

const record = (extra = {}) => ({
  id: 7,
  trackingCode: 'PL2026-7KQ4-MX2P',
  form: 'mailbox',
  kind: 'form',
  data: {
    name: '张三',
    subject: '门诊排队时间',
    body: '门诊排队时间太长，希望增加挂号窗口。',
    topic: 'advice',
    consent: true,
    old: 3,
  },
  receivedAt: '2026-03-02T01:02:03.000Z',
  receivedOn: '2026-03-02',
  deadline: '2026-03-09',
  step: 'received',
  repliedOn: null,
  outcome: null,
  outcomeDetail: null,
  reason: null,
  office: null,
  reply: null,
  publish: false,
  adoption: null,
  adoptionReason: null,
  extended: false,
  updatedAt: null,
  ...extra,
});
const titles = (name) => ({ mailbox: '局长信箱' })[name] ?? name;

test('submissionQuery reads the filters and names every bad one at once', () => {
  const q = submissionQuery(
    new URLSearchParams('form=mailbox&step=replied&q=%20门诊%20&from=2026-03-01&page=2&pageSize=50'),
    100,
    20,
  );
  assert.deepEqual(q, { form: 'mailbox', step: 'replied', text: '门诊', from: '2026-03-01', page: 2, pageSize: 50 });
  assert.deepEqual(submissionQuery(new URLSearchParams(''), 100, 20), { page: 1, pageSize: 20 });
  try {
    submissionQuery(new URLSearchParams('step=done&from=3.1&page=0&pageSize=101'), 100, 20);
    assert.fail('should refuse');
  } catch (error) {
    assert.equal(error.status, 422);
    assert.deepEqual(
      error.issues.map((i) => i.path),
      ['step', 'from', 'page', 'pageSize'],
    );
    assert.match(error.issues[3].message, /1–100/);
  }
});

test('an admin sees every submission, another account only those forwarded to its office', () => {
  const admin = { id: 1, name: 'a', office: '办公室', role: 'admin', disabled: false, createdAt: '' };
  const officer = { id: 2, name: 'b', office: '医政科', role: 'editor', disabled: false, createdAt: '' };
  assert.equal(submissionScope(admin), undefined);
  assert.equal(submissionScope(officer), '医政科');
  assert.equal(canSeeSubmission(officer, record()), false);
  assert.equal(canSeeSubmission(officer, record({ office: '医政科' })), true);
  assert.equal(canSeeSubmission(admin, record({ office: '医政科' })), true);
});

test('submissionSummary: the step in words, the sender, a subject cut at 60 characters', () => {
  const s = submissionSummary(record(), titles);
  assert.equal(s.formTitle, '局长信箱');
  assert.equal(s.stepLabel, '待受理');
  assert.equal(s.sender, '张三');
  assert.equal(s.subject, '门诊排队时间');
  const long = submissionSummary(record({ data: { body: '长'.repeat(70) } }), titles);
  assert.equal(long.subject, `${'长'.repeat(60)}…`);
  assert.equal(long.sender, null);
});

test('labelledFields labels values as the form does and keeps fields it no longer has', () => {
  const served = {
    form: {
      kind: 'form',
      sections: [
        {
          fields: [
            { name: 'topic', label: '类别', type: 'radio', options: [{ value: 'advice', label: '建议' }] },
            { name: 'consent', label: '同意', type: 'checkbox' },
          ],
        },
      ],
    },
  };
  const shown = labelledFields(record({ data: { topic: 'advice', consent: true, old: 3 } }), served);
  assert.deepEqual(shown, [
    { name: 'topic', label: '类别', value: '建议' },
    { name: 'consent', label: '同意', value: '是' },
    { name: 'old', label: 'old', value: '3' },
  ]);
});

test('actionForms: one valid <gk-form> document per action open now, posting to the staff API', async () => {
  const forms = actionForms(record());
  assert.deepEqual(Object.keys(forms).sort(), ['forward', 'register', 'reply'].sort());
  assert.equal(forms.forward.action, '/staff/api/submissions/7/forward');
  for (const doc of Object.values(forms)) {
    const checked = await validateDocument(doc);
    assert.ok(checked.ok, checked.output);
  }
  assert.deepEqual(Object.keys(actionForms(record({ step: 'replied', reply: '已答复' }))), ['publish']);
});

test('submissionCatalogue is a valid catalogue with a link per submission', async () => {
  const doc = submissionCatalogue(
    [record(), record({ id: 8, trackingCode: 'PL2026-AAAA-BBBB', office: '医政科' })],
    5,
    { owner: '平罗县卫生健康局', today: '2026-03-03', formTitle: titles },
  );
  assert.equal(doc.items.length, 2);
  assert.equal(doc.items[1].url, '#s=8');
  assert.equal(doc.items[1].office, '医政科');
  assert.match(doc.description, /共 5 件，显示最新的 2 件/);
  const checked = await validateDocument(doc);
  assert.ok(checked.ok, checked.output);
});

test('documentActionForms: a valid <gk-form> per step shown, posting to the documents API', async () => {
  const open = { id: 4, state: 'submitted' };
  const forms = documentActionForms('budget-2018', open, ['approve', 'return', 'publish', 'withdraw', 'save']);
  assert.deepEqual(Object.keys(forms), ['approve', 'return', 'publish', 'withdraw']);
  assert.equal(forms.approve.action, '/staff/api/documents/budget-2018/revisions/4/approve');
  assert.equal(forms.withdraw.action, '/staff/api/documents/budget-2018/withdraw');
  assert.ok(forms.return.sections[0].fields.find((f) => f.name === 'reason').required, 'a return needs its reason');
  for (const doc of Object.values(forms)) {
    const checked = await validateDocument(doc);
    assert.ok(checked.ok, checked.output);
  }
  assert.deepEqual(documentActionForms('a', undefined, ['approve', 'withdraw']).approve, undefined);
});
