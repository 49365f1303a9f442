import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GkDisclosureRequestElement } from './disclosure-request.js';
import { failOnHostPageErrors } from '../base/internal/test-support.js';

async function element(): Promise<GkDisclosureRequestElement> {
  const data = (await (await fetch(new URL('./examples/application.json', import.meta.url))).json()) as Record<
    string,
    unknown
  >;
  const el = await fixture<GkDisclosureRequestElement>(
    html`<gk-disclosure-request .data=${{ ...data, statusUrl: '/test-api/status' }}></gk-disclosure-request>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('article'), 'did not render');
  return el;
}

const root = (el: Element) => el.shadowRoot!;

async function lookUp(el: GkDisclosureRequestElement, code: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('input[name="code"]')!;
  input.focus();
  await sendKeys({ type: code });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => root(el).querySelector('[part="status"], .problem'), 'no answer');
}

failOnHostPageErrors();

describe('<gk-disclosure-request>', () => {
  it('offers the application form with the statutory fields and passes axe', async () => {
    const el = await element();
    const form = root(el).querySelector('gk-form')!;
    await waitUntil(() => form.shadowRoot?.querySelector('input[name="applicantType"]'), 'no application form');
    await expect(el).to.be.accessible();
  });

  it('a link above the long form takes who applied already to the lookup, focus in its field', async () => {
    const el = await element();
    const link = root(el).querySelector<HTMLAnchorElement>('.to-lookup a')!;
    expect(link.textContent).to.equal('已经申请过？查询办理进度');
    expect(
      link.compareDocumentPosition(root(el).querySelector('gk-form')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
    link.click();
    expect(root(el).activeElement).to.equal(root(el).querySelector('input[name="code"]'));
  });

  it('looks up an application by its tracking code: the steps, the current one, the legal deadline', async () => {
    const el = await element();
    await lookUp(el, 'PL2018-00012');
    const steps = [...root(el).querySelectorAll('.steps li')];
    expect(steps.map((step) => step.textContent!.trim().slice(0, 3))).to.deep.equal([
      '已收到',
      '已登记',
      '办理中',
      '已答复',
    ]);
    expect(steps[0]!.textContent).to.contain('2018年5月3日');
    expect(steps.map((step) => step.getAttribute('aria-current'))).to.deep.equal([null, null, 'step', null]);
    expect(steps.map((step) => step.classList.contains('done'))).to.deep.equal([true, true, false, false]);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain('法定答复期限：2018年5月24日前');
    await expect(el).to.be.accessible();
  });

  it('looks up an application stored by a real gongkai-server (the test server passes /api/ to it)', async () => {
    // An application as <gk-form> would send it, to the example's own action.
    const key = `req${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const application = {
      applicantType: 'person',
      name: '王五',
      idNumber: '11010519491231002X',
      phone: '13712345678',
      address: '平罗县城关镇解放街 1 号',
      description: '2018年平罗县卫生和计划生育局部门预算中公立医院补助的明细。',
      delivery: 'email',
      email: 'wangwu@example.com',
      format: ['electronic'],
      consent: true,
      _idempotencyKey: key,
    };
    const sent = await fetch('/api/forms/disclosure', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(application),
    });
    const answer = (await sent.json()) as { trackingCode?: string; error?: unknown };
    expect(sent.status, JSON.stringify(answer)).to.equal(201);
    const data = (await (await fetch(new URL('./examples/application.json', import.meta.url))).json()) as Record<
      string,
      unknown
    >;
    const el = await fixture<GkDisclosureRequestElement>(
      html`<gk-disclosure-request .data=${data}></gk-disclosure-request>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('article'), 'did not render');
    await lookUp(el, answer.trackingCode!);
    const status = root(el).querySelector('[part="status"]');
    expect(status, root(el).querySelector('.problem')?.textContent ?? '').to.exist;
    const steps = [...root(el).querySelectorAll('.steps li')];
    expect(steps.map((step) => step.getAttribute('aria-current'))).to.deep.equal(['step', null, null, null]);
    expect(status!.textContent).to.contain('法定答复期限');
    // Nothing personal comes back from the lookup.
    expect(root(el).textContent).not.to.contain('王五');
  });

  it('shows the outcome of a replied application in the annual report categories, with the reason', async () => {
    const el = await element();
    await lookUp(el, 'PL2018-00007');
    const outcome = root(el).querySelector('.outcome')!.textContent!;
    expect(outcome).to.contain('办理结果：部分公开');
    expect(outcome).to.contain('个人隐私');
  });

  it('an unknown code says so plainly', async () => {
    const el = await element();
    await lookUp(el, 'PL2018-99999');
    expect(root(el).querySelector('.problem')!.textContent).to.contain('没有找到查询码“PL2018-99999”');
  });
});
