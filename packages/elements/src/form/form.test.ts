import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { GkForm } from '@gongkai/core';
import { GkFormElement } from './form.js';
import { failOnHostPageErrors } from '../base/internal/test-support.js';

function mailbox(action = '/test-api/submit', draft = false): GkForm {
  return {
    kind: 'form',
    version: 1,
    title: '局长信箱',
    action,
    privacy: '您提供的个人信息仅用于办理本次留言，依法保护。',
    draft,
    sections: [
      {
        title: '您的信息',
        fields: [
          { name: 'name', label: '姓名', type: 'text', required: true },
          { name: 'phone', label: '手机号码', type: 'mobile', required: true, sensitive: true },
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
          { name: 'body', label: '内容', type: 'textarea', required: true, maxLength: 500 },
          { name: 'consent', label: '我已阅读并同意隐私说明', type: 'consent', required: true },
        ],
      },
    ],
  };
}

async function form(data: GkForm): Promise<GkFormElement> {
  const el = await fixture<GkFormElement>(html`<gk-form .data=${data}></gk-form>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form, [role="alert"]'), 'form did not render');
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const control = (el: Element, name: string) => root(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!;

/** Fills the whole form with the keyboard only. */
async function fillByKeyboard(el: GkFormElement): Promise<void> {
  control(el, 'name').focus();
  await sendKeys({ type: '张三' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: '13812345678' });
  await sendKeys({ press: 'Tab' }); // to the radio group
  await sendKeys({ press: 'Space' }); // 电话
  control(el, 'body').focus();
  await sendKeys({ type: '请问县医院的收费标准在哪里可以查到？' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Space' }); // consent
  await el.updateComplete;
}

beforeEach(() => localStorage.clear());

failOnHostPageErrors();

describe('<gk-form>', () => {
  it('renders labelled controls for every field and passes axe', async () => {
    const el = await form(mailbox());
    for (const name of ['name', 'phone', 'body', 'consent']) {
      const input = control(el, name);
      expect(input, name).to.exist;
      expect(root(el).querySelector(`label[for="${input.id}"]`) ?? input.closest('label'), `${name} has a label`).to
        .exist;
    }
    expect(root(el).querySelector('fieldset legend')!.textContent).to.contain('您的信息');
    await expect(el).to.be.accessible();
  });

  it('shows a field only when its condition holds', async () => {
    const el = await form(mailbox());
    expect(control(el, 'email')).to.be.null;
    root(el).querySelector<HTMLInputElement>('input[name="reply"][value="email"]')!.click();
    await el.updateComplete;
    expect(control(el, 'email')).to.exist;
  });

  it('on sending an incomplete form: an error summary with links, messages beside fields, announced', async () => {
    const el = await form(mailbox());
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('[part="summary"]'));
    const summary = root(el).querySelector<HTMLElement>('[part="summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(root(el).activeElement).to.equal(summary);
    expect(summary.textContent).to.contain('请填写“姓名”');
    const name = control(el, 'name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(
      root(el).querySelector(`#${name.getAttribute('aria-describedby')!.split(' ').pop()}`)!.textContent,
    ).to.contain('请填写“姓名”');
    summary.querySelector('a')!.click();
    expect(root(el).activeElement).to.equal(name);
    await expect(el).to.be.accessible();
  });

  it('checks a field when the reader leaves it, not on every keystroke', async () => {
    const el = await form(mailbox());
    control(el, 'phone').focus();
    await sendKeys({ type: '138' });
    await el.updateComplete;
    expect(root(el).querySelector('.error')).to.be.null;
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root(el).querySelector('.error')!.textContent).to.contain('11 位手机号码');
  });

  it('is completed and sent with the keyboard alone; the tracking code is shown and the draft cleared', async () => {
    const el = await form(mailbox('/test-api/submit', true));
    await fillByKeyboard(el);
    const sent = oneEvent(el, 'gk-submit');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const event = (await sent) as CustomEvent<{ trackingCode: string }>;
    await el.updateComplete;
    expect(event.detail.trackingCode).to.match(/^PL2018-\d{4}$/);
    expect(root(el).querySelector('.confirmation')!.textContent).to.contain(event.detail.trackingCode);
    expect(localStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a double click sends once', async () => {
    const before = (await (await fetch('/test-api/submit-count')).json()).count as number;
    const el = await form(mailbox());
    await fillByKeyboard(el);
    const button = root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const sent = oneEvent(el, 'gk-submit');
    button.click();
    button.click();
    await sent;
    const after = (await (await fetch('/test-api/submit-count')).json()).count as number;
    expect(after - before).to.equal(1);
  });

  it('a server error keeps everything the citizen wrote and offers to send again', async () => {
    const el = await form(mailbox('/test-api/submit-500'));
    await fillByKeyboard(el);
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.failed'), 'no failure message');
    expect(root(el).querySelector('.failed')!.textContent).to.contain('您填写的内容都还在');
    expect(control(el, 'name').value).to.equal('张三');
    expect(control(el, 'body').value).to.contain('收费标准');
    expect(root(el).querySelector('button[type="submit"]')!.textContent).to.contain('重新提交');
  });

  it('sends the example 局长信箱 to a real gongkai-server (the test server passes /api/ to it) and shows its tracking code', async () => {
    const el = await fixture<GkFormElement>(
      html`<gk-form src="/packages/elements/src/form/examples/mailbox.json"></gk-form>`,
    );
    await waitUntil(() => root(el).querySelector('form'), 'form did not render');
    control(el, 'name').focus();
    await sendKeys({ type: '李四' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13912345678' });
    control(el, 'reply').focus();
    await sendKeys({ press: 'Space' }); // the first answer method: 电话
    control(el, 'topic').focus();
    await sendKeys({ press: 'ArrowDown' });
    control(el, 'subject').focus();
    await sendKeys({ type: '门诊挂号窗口太少' });
    control(el, 'body').focus();
    await sendKeys({ type: '周一上午门诊挂号排队超过一小时，建议增加窗口。' });
    control(el, 'consent').focus();
    await sendKeys({ press: 'Space' });
    const submitted = oneEvent(el, 'gk-submit');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(
      () => root(el).querySelector('.confirmation, .failed, [part="summary"]:not([hidden])'),
      'no answer',
    );
    expect(root(el).querySelector('.failed, [part="summary"]')?.textContent ?? '', 'no problem reported').to.equal('');
    const { detail } = await submitted;
    // The receiver's own code format (packages/server: no 0/O/1/I), shown to the citizen.
    expect(detail.trackingCode).to.match(/^[A-Z]{2}\d{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await waitUntil(() => root(el).querySelector('.confirmation'), 'no confirmation');
    expect(root(el).querySelector('.confirmation')!.textContent).to.contain(detail.trackingCode);
    // And it is stored: the status lookup knows the code.
    const status = await fetch(`/api/forms/mailbox/status?code=${encodeURIComponent(detail.trackingCode)}`);
    expect(status.status).to.equal(200);
    expect((await status.json()).step).to.equal('received');
  });

  it("the receiver's own refusal: its message, and its per-field problem beside the field, text kept", async () => {
    const el = await form(mailbox('/test-api/submit-422'));
    await fillByKeyboard(el);
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.failed'), 'no failure message');
    expect(root(el).querySelector('.failed')!.textContent).to.contain('提交的内容有 1 处问题');
    // Something to correct, not "try again later".
    expect(root(el).querySelector('.failed')!.textContent).to.contain('请按提示修改后重新提交');
    // The field the server named shows its words; a path that is no field on the form is not shown anywhere.
    await waitUntil(() => root(el).textContent!.includes('服务器检查'), 'no field error');
    const phone = control(el, 'phone');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    const described = (phone.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => root(el).getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).to.contain('服务器检查');
    expect(root(el).textContent).not.to.contain('不存在的字段');
    expect(root(el).activeElement?.getAttribute('part')).to.equal('summary');
    expect(control(el, 'name').value).to.equal('张三');
  });

  it('a slow answer: the button says it is sending and cannot be pressed again, then the code shows', async () => {
    const el = await form(mailbox('/test-api/submit-slow?ms=800'));
    await fillByKeyboard(el);
    const button = root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.click();
    await el.updateComplete;
    // Busy, but still focusable: a keyboard user keeps their place.
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent).to.contain('正在提交');
    await waitUntil(() => root(el).querySelector('.confirmation'), 'no confirmation', { timeout: 5000 });
    expect(root(el).querySelector('.confirmation')!.textContent).to.contain('PL2018-SLOW');
  });

  it('no answer within the timeout: everything stays and the citizen is told it timed out', async () => {
    const data = mailbox('/test-api/submit-slow?ms=3000');
    const el = await fixture<GkFormElement>(html`<gk-form .data=${data} timeout="300"></gk-form>`);
    await waitUntil(() => root(el).querySelector('form'));
    await fillByKeyboard(el);
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.failed'), 'no timeout message', { timeout: 5000 });
    expect(root(el).querySelector('.failed')!.textContent).to.contain('服务器在 0.3 秒内没有答复');
    expect(control(el, 'name').value).to.equal('张三');
  });

  it('offline (the server cannot be reached): everything stays and the citizen is told plainly', async () => {
    const el = await form(mailbox('http://127.0.0.1:9/unreachable'));
    await fillByKeyboard(el);
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.failed'), 'no failure message', { timeout: 10000 });
    expect(root(el).querySelector('.failed')!.textContent).to.contain('无法连接到服务器');
    expect(control(el, 'body').value).to.contain('收费标准');
  });

  for (const name of ['mailbox', 'disclosure-application']) {
    it(`example "${name}" renders and passes axe`, async () => {
      const data = (await (await fetch(new URL(`./examples/${name}.json`, import.meta.url))).json()) as GkForm;
      const el = await form(data);
      expect(root(el).querySelectorAll('fieldset.section').length).to.equal(2);
      await expect(el).to.be.accessible();
    });
  }

  it('restores a draft after a reload, without the sensitive fields', async () => {
    const first = await form(mailbox('/test-api/submit', true));
    await fillByKeyboard(first);
    first.remove();
    const again = await form(mailbox('/test-api/submit', true));
    expect(control(again, 'name').value).to.equal('张三');
    expect(control(again, 'body').value).to.contain('收费标准');
    expect(control(again, 'phone').value).to.equal(''); // sensitive: never stored
    expect(root(again).querySelector('.notice')!.textContent).to.contain('已恢复');
  });

  it("is form-associated: inside a page's own <form> it adds its values and its validity", async () => {
    const outer = await fixture<HTMLFormElement>(html`<form><gk-form .data=${mailbox()}></gk-form></form>`);
    const el = outer.querySelector('gk-form')!;
    await waitUntil(() => el.shadowRoot!.querySelector('form'));
    expect(outer.checkValidity()).to.be.false;
    await fillByKeyboard(el);
    await el.updateComplete;
    const data = new FormData(outer);
    expect(data.get('name')).to.equal('张三');
    expect(data.get('reply')).to.equal('phone');
    expect(outer.checkValidity()).to.be.true;
  });

  it('a field of an unknown type shows a visible error; the others render', async () => {
    const data = mailbox();
    data.sections[1]!.fields.splice(0, 0, { name: 'poll', label: '满意度', type: 'stars' });
    const el = await form(data);
    expect(root(el).querySelector('.field-error')!.textContent).to.contain('不认识的字段类型“stars”');
    expect(control(el, 'body')).to.exist;
  });
  it('shows the privacy notice before the consent that refers to it, and the consent is described by it', async () => {
    const el = await form(mailbox());
    const privacy = root(el).querySelector<HTMLElement>('.privacy')!;
    const consent = control(el, 'consent');
    expect(
      privacy.compareDocumentPosition(consent) & Node.DOCUMENT_POSITION_FOLLOWING,
      'the notice comes first in reading order',
    ).to.be.greaterThan(0);
    expect(privacy.getBoundingClientRect().bottom).to.be.at.most(consent.getBoundingClientRect().top);
    expect(consent.getAttribute('aria-describedby')!.split(' ')).to.include(privacy.id);
    expect(privacy.textContent).to.contain('隐私说明').and.contain('依法保护');
    // A form without a consent field: the notice stands before the send button.
    const data = mailbox();
    data.sections[1]!.fields.pop();
    const plain = await form(data);
    const notice = root(plain).querySelector('.privacy')!;
    expect(
      notice.compareDocumentPosition(root(plain).querySelector('.send')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
  });

  it('after a failed send, a link beside the button leads back to the error summary', async () => {
    const el = await form(mailbox());
    expect(root(el).querySelector('.errors-left')).to.be.null;
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.errors-left'));
    const link = root(el).querySelector<HTMLAnchorElement>('.errors-left a')!;
    expect(link.textContent).to.contain('还有 5 处需要修改'); // name, phone, reply, body, consent
    // Beside the button, after the last field: where the reader is when the summary has scrolled away.
    expect(link.getBoundingClientRect().top).to.be.greaterThan(control(el, 'consent').getBoundingClientRect().bottom);
    control(el, 'name').focus();
    link.click();
    expect(root(el).activeElement).to.equal(root(el).querySelector('[part="summary"]'));
    await expect(el).to.be.accessible();
  });

  it('gives each kind of field its keyboard and autofill on a phone', async () => {
    const data: GkForm = {
      ...mailbox(),
      sections: [
        {
          fields: [
            { name: 'name', label: '姓名', type: 'text' },
            { name: 'organisation', label: '单位名称', type: 'text' },
            { name: 'postcode', label: '邮政编码', type: 'text' },
            { name: 'tel', label: '固定电话', type: 'text' },
            { name: 'creditCode', label: '统一社会信用代码', type: 'text' },
            { name: 'subject', label: '标题', type: 'text' },
            { name: 'phone', label: '手机号码', type: 'mobile' },
            { name: 'email', label: '电子邮箱', type: 'email' },
            { name: 'idNumber', label: '身份证号', type: 'idNumber' },
            { name: 'amount', label: '金额', type: 'number' },
            { name: 'address', label: '通信地址', type: 'address' },
          ],
        },
      ],
    };
    const el = await form(data);
    const attributes = (name: string) => {
      const input = control(el, name);
      return ['type', 'inputmode', 'autocomplete', 'autocapitalize', 'spellcheck']
        .map((attribute) => input.getAttribute(attribute) ?? '')
        .join('|');
    };
    expect(attributes('name')).to.equal('text||name||');
    expect(attributes('organisation')).to.equal('text||organization||');
    expect(attributes('postcode')).to.equal('text|numeric|postal-code||false');
    expect(attributes('tel')).to.equal('tel|tel|tel||false');
    expect(attributes('creditCode')).to.equal('text||off|characters|false');
    expect(attributes('subject')).to.equal('text||||');
    expect(attributes('phone')).to.equal('tel|numeric|tel-national||false');
    expect(attributes('email')).to.equal('email||email|off|false');
    // An ID number may end in X, which a digit pad lacks: letters, in capitals.
    expect(attributes('idNumber')).to.equal('text||off|characters|false');
    expect(attributes('amount')).to.equal('text|decimal|||false');
    expect(attributes('address')).to.equal('text||street-address||');
  });
});
