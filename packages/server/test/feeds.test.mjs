// The public feeds the elements read from `src`: the board of published replies
// (a catalogue, de-identified), a consultation's adoption report, and table 三 of
// the annual report — checked with core's schemas through the gongkai CLI.
// Once with SQLite and once with PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  addUser,
  eachStorage,
  get,
  login,
  mailbox,
  post,
  randomKey,
  staffClient,
  validateDocument,
} from '../support/harness.mjs';

const ORIGIN = 'https://www.pingluo.gov.cn';
const PASSWORD = 'a long enough password';

/** A letter and its reply with personal data written the way people write it, and what the board must show of them. */
const WRITTEN = {
  message:
    '我叫马秀英，家住平罗县城关镇南大街12号3单元501室，电话 139 5231 4680，身份证号 640221 19680412 1350。我母亲患者马桂兰今年78岁，联系人：李国强（手机+86 138-0952-1234，邮箱liguoqiang@163.com）。依据平卫计发〔2018〕45号，2018年4月20日拨付的1,234,567.89元补助还没到。',
  maskedMessage:
    '我叫马**，家住平罗县…，电话 139 **** 4680，身份证号 640221 ******** 1350。我母亲患者马**今年78岁，联系人：李**（手机+86 138-****-1234，邮箱l*********@163.com）。依据平卫计发〔2018〕45号，2018年4月20日拨付的1,234,567.89元补助还没到。',
  reply:
    '马秀英您好：经核实，补助已于2018年5月3日拨付。如有疑问请致电咨询电话0952-6012345，或联系城关镇卫生院王丽萍医生（0952-6018800）。',
  maskedReply:
    '马**您好：经核实，补助已于2018年5月3日拨付。如有疑问请致电咨询电话0952-6012345，或联系城关镇卫生院王**医生（0952-****800）。',
};

eachStorage((backend) => {
  let server;
  let db;
  let staff;

  before(async () => {
    server = await backend.start({
      config: {
        origins: [ORIGIN],
        staff: { login: null, owner: '平罗县卫生健康局' },
        publicContacts: ['0952-6012345'],
      },
    });
    await addUser(server, 'clerk', PASSWORD, { role: 'admin' });
    staff = staffClient(server.url, (await login(server.url, 'clerk', PASSWORD)).cookie);
    db = await backend.open(server.storage);
  });
  after(async () => {
    await db?.close();
    await server?.stop();
  });

  async function submit(form, values) {
    const res = await post(`${server.url}/api/forms/${form}`, { ...values, _idempotencyKey: randomKey() });
    assert.equal(res.status, 201, res.text);
    return db.get('SELECT id, tracking_code AS code FROM submissions WHERE tracking_code = ?', res.body.trackingCode);
  }

  let seq = 0;
  /** A row written straight into the database (dates in the past, closed consultations). */
  async function insert(
    form,
    kind,
    data,
    { receivedOn, repliedOn = null, step = repliedOn ? 'replied' : 'processing', outcome = null, outcomeDetail = null },
  ) {
    seq++;
    const code = `GK${receivedOn.slice(0, 4)}-TEST-${String(seq).padStart(4, '0')}`;
    const row = await db.get(
      `INSERT INTO submissions (tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline, step, replied_on, outcome, outcome_detail, reason)
       VALUES (?, ?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      code,
      form,
      kind,
      `test-key-${seq}`,
      JSON.stringify(data),
      `${receivedOn}T02:00:00Z`,
      receivedOn,
      receivedOn,
      step,
      repliedOn,
      outcome,
      outcomeDetail,
      outcome && outcome !== '予以公开' ? '依法' : null,
    );
    return row.id;
  }

  describe('the board of published replies', () => {
    let published;
    let written;
    let privateOne;
    before(async () => {
      published = await submit(
        'mailbox',
        mailbox(randomKey(), {
          name: '欧阳娜娜',
          phone: '13912345678',
          subject: '关于门诊挂号的建议 13912345678',
          body: '我是欧阳娜娜，身份证号11010519491231002X，电话13912345678。门诊排队时间太长，![x](https://evil.example/track.png) [点这里](https://evil.example)。',
        }),
      );
      // Personal data written the way people type it into a 领导信箱.
      written = await submit(
        'mailbox',
        mailbox(randomKey(), {
          name: '马秀英',
          phone: '13952314680',
          subject: '关于补助发放的询问（电话13952314680）',
          body: WRITTEN.message,
        }),
      );
      privateOne = await submit(
        'mailbox',
        mailbox(randomKey(), { subject: '不公开的来信', body: '这封信的答复不公开，请勿发布。' }),
      );
      await submit('mailbox', mailbox(randomKey(), { subject: '尚未答复的来信', body: '这封信还没有得到答复。' }));
      assert.equal(
        (await staff.post(`/staff/api/submissions/${published.id}/forward`, { office: '医政科' })).status,
        200,
      );
      assert.equal(
        (
          await staff.post(`/staff/api/submissions/${published.id}/reply`, {
            reply: '欧阳娜娜您好：已增加挂号窗口。如有疑问请致电 0952-6012345。',
            publish: 'yes',
          })
        ).status,
        200,
      );
      assert.equal(
        (await staff.post(`/staff/api/submissions/${written.id}/reply`, { reply: WRITTEN.reply, publish: 'yes' }))
          .status,
        200,
      );
      assert.equal(
        (await staff.post(`/staff/api/submissions/${privateOne.id}/reply`, { reply: '已电话答复。', publish: 'no' }))
          .status,
        200,
      );
    });

    test('only the replies staff marked publishable, as a valid catalogue document', async () => {
      const res = await get(`${server.url}/api/forms/mailbox/replies`);
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type'), /^application\/json/);
      const doc = res.body;
      assert.equal(doc.kind, 'catalogue');
      assert.equal(doc.type, '记录');
      assert.equal(doc.owner, '平罗县卫生健康局');
      assert.deepEqual(doc.items.map((i) => i.id).sort(), [published.code, written.code].sort());
      const checked = await validateDocument(doc, 'replies.json');
      assert.ok(checked.ok, checked.output);
      const item = doc.items.find((i) => i.id === published.code);
      assert.equal(item.office, '医政科');
      assert.equal(item.sender, '欧阳**');
      assert.equal(item.f_topic, '意见建议');
      assert.match(item.title, /^关于门诊挂号的建议 139\*\*\*\*5678$/);
    });

    test('de-identified with core’s deidentify: names, ID and phone numbers masked; contact fields never published', async () => {
      const text = (await get(`${server.url}/api/forms/mailbox/replies`)).text;
      for (const personal of ['欧阳娜娜', '11010519491231002X', '13912345678'])
        assert.ok(!text.includes(personal), personal);
      assert.ok(
        text.includes('110105\\\\*\\\\*\\\\*\\\\*\\\\*\\\\*\\\\*\\\\*002X'),
        'the ID number masked as core masks it',
      );
      // The citizen's Markdown is shown as text: no image or link of theirs.
      assert.ok(!/!\[x\]\(/.test(text) && !/\[点这里\]\(/.test(text));
      assert.match(text, /\\\\!\\\\\[x\\\\\]/);
    });

    test('personal data as people write it is masked in the message, the reply and the title, as core masks it; the office’s configured number stays', async () => {
      const doc = (await get(`${server.url}/api/forms/mailbox/replies`)).body;
      const item = doc.items.find((i) => i.id === written.code);
      // The body is Markdown with the citizen's text escaped: read it back as text.
      const text = item.body.replace(/\\(.)/g, '$1');
      assert.equal(text, `**来信内容**\n\n${WRITTEN.maskedMessage}\n\n**答复**\n\n${WRITTEN.maskedReply}`);
      assert.equal(item.title, '关于补助发放的询问（电话139****4680）');
      assert.equal(item.sender, '马**');
      assert.deepEqual(doc.publicContacts, ['0952-6012345']);
      const checked = await validateDocument(doc, 'replies.json');
      assert.ok(checked.ok, checked.output);
    });

    test('CORS like the citizens’ API; an unpublished reply leaves the board', async () => {
      const allowed = await get(`${server.url}/api/forms/mailbox/replies`, { Origin: ORIGIN });
      assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
      const preflight = await fetch(`${server.url}/api/forms/mailbox/replies`, {
        method: 'OPTIONS',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      const etag = allowed.headers.get('etag');
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
      assert.equal(
        (await fetch(`${server.url}/api/forms/mailbox/replies`, { headers: { 'If-None-Match': etag } })).status,
        304,
      );
      const refused = await get(`${server.url}/api/forms/mailbox/replies`, { Origin: 'https://evil.example' });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'origin_not_allowed');
      assert.equal((await post(`${server.url}/api/forms/mailbox/replies`, {})).status, 405);
      assert.equal((await get(`${server.url}/api/forms/nothing/replies`)).status, 404);
      assert.equal(
        (await staff.post(`/staff/api/submissions/${published.id}/publish`, { publish: false })).status,
        200,
      );
      assert.deepEqual(
        (await get(`${server.url}/api/forms/mailbox/replies`)).body.items.map((i) => i.id),
        [written.code],
      );
      assert.equal((await staff.post(`/staff/api/submissions/${published.id}/publish`, { publish: true })).status, 200);
    });
  });

  describe('a consultation’s adoption report', () => {
    const FORM = 'consultation-family-doctor';
    let ids;
    before(async () => {
      const comment = (name, opinion) =>
        insert(
          FORM,
          'consultation',
          { name, phone: '13700001111', opinion, consent: true },
          { receivedOn: '2018-06-20', step: 'received' },
        );
      ids = [
        await comment('孙七', '建议将高血压、糖尿病患者优先纳入签约，孙七电话13700001111。'),
        await comment('周八', '建议签约服务包增加上门康复指导。'),
        await comment('吴九', '建议签约服务全部免费。'),
        await comment('郑十', '建议延长家庭医生的服务时间。'),
      ];
      const decide = async (id, body) =>
        assert.equal((await staff.post(`/staff/api/submissions/${id}/adoption`, body)).status, 200);
      await decide(ids[0], { adoption: 'adopted', reason: '已写入方案第三条' });
      await decide(ids[1], { adoption: 'partly', reason: '先在中心卫生院试点' });
      await decide(ids[2], { adoption: 'not', reason: '签约服务费分担办法由国家和自治区统一规定，县级无权调整。' });
    });

    test('the consultation document with its report, the shape <gk-consultation> reads, valid by core’s schema', async () => {
      const res = await get(`${server.url}/api/forms/${FORM}/report`, { Origin: ORIGIN });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      const doc = res.body;
      assert.equal(doc.kind, 'consultation');
      assert.equal(doc.form.action, `/api/forms/${FORM}`);
      const { report } = doc;
      assert.deepEqual([report.received, report.adopted, report.partlyAdopted, report.notAdopted], [3, 1, 1, 1]);
      assert.match(report.published, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(report.notAdoptedReasons, [
        { opinion: '建议签约服务全部免费。', reason: '签约服务费分担办法由国家和自治区统一规定，县级无权调整。' },
      ]);
      assert.match(report.summary, /共收到意见 4 条，其中采纳 1 条、部分采纳 1 条、未采纳 1 条，另有 1 条正在研究/);
      assert.match(report.summary, /部分采纳：建议签约服务包增加上门康复指导。（先在中心卫生院试点）/);
      for (const personal of ['孙七', '13700001111']) assert.ok(!res.text.includes(personal), personal);
      const checked = await validateDocument(doc, 'consultation.json');
      assert.ok(checked.ok, checked.output);
    });

    test('the counts and the decided comments with reasons as plain JSON', async () => {
      const res = await get(`${server.url}/api/forms/${FORM}/adoption`);
      assert.equal(res.status, 200, res.text);
      const { comments, generated, ...counts } = res.body;
      assert.deepEqual(counts, {
        form: FORM,
        title: '平罗县家庭医生签约服务实施方案（征求意见稿）',
        opens: '2018-06-12',
        closes: '2018-07-11',
        received: 4,
        adopted: 1,
        partlyAdopted: 1,
        notAdopted: 1,
        pending: 1,
      });
      assert.deepEqual(
        comments.map((c) => [c.adoption, c.adoptionLabel, c.reason]),
        [
          ['adopted', '采纳', '已写入方案第三条'],
          ['partly', '部分采纳', '先在中心卫生院试点'],
          ['not', '未采纳', '签约服务费分担办法由国家和自治区统一规定，县级无权调整。'],
        ],
      );
      assert.equal(comments[0].opinion, '建议将高血压、糖尿病患者优先纳入签约，孙*电话137****1111。');
    });

    test('an open consultation has no report yet; other forms have none at all', async () => {
      const open = await get(`${server.url}/api/forms/consultation-primary-care/report`);
      assert.equal(open.status, 200);
      assert.equal(open.body.report, undefined);
      assert.ok((await validateDocument(open.body, 'open.json')).ok);
      assert.equal((await get(`${server.url}/api/forms/mailbox/report`)).status, 404);
      assert.equal((await get(`${server.url}/api/forms/mailbox/adoption`)).status, 404);
    });
  });

  describe('table 三 of the annual report', () => {
    before(async () => {
      const person = { applicantType: 'person', name: '某某' };
      // The form's organisationType by value (the example form's), by label (another form's), and missing (其他).
      const business = { applicantType: 'organisation', organisation: '某公司', organisationType: 'business' };
      const research = { applicantType: 'organisation', organisation: '某研究所', organisationType: '科研机构' };
      const untyped = { applicantType: 'organisation', organisation: '某协会' };
      await insert('disclosure', 'disclosure-request', person, {
        receivedOn: '2024-12-20',
        repliedOn: '2025-01-10',
        outcome: '予以公开',
      });
      await insert('disclosure', 'disclosure-request', person, {
        receivedOn: '2024-11-01',
        repliedOn: '2024-12-01',
        outcome: '予以公开',
      });
      await insert('disclosure', 'disclosure-request', business, {
        receivedOn: '2025-03-01',
        repliedOn: '2025-03-20',
        outcome: '不予公开',
        outcomeDetail: '属于国家秘密',
      });
      await insert('disclosure', 'disclosure-request', person, {
        receivedOn: '2025-12-20',
        repliedOn: '2026-01-05',
        outcome: '无法提供',
        outcomeDetail: '本机关不掌握相关政府信息',
      });
      await insert('disclosure', 'disclosure-request', research, { receivedOn: '2025-06-01' });
      await insert('disclosure', 'disclosure-request', untyped, {
        receivedOn: '2025-07-01',
        repliedOn: '2025-07-15',
        outcome: '予以公开',
      });
      await insert('disclosure', 'disclosure-request', person, { receivedOn: '2026-01-10' });
      await insert('disclosure', 'disclosure-request', person, {
        receivedOn: '2025-05-05',
        repliedOn: '2025-05-06',
        outcome: '部分公开',
      });
    });

    // 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (organisations), 总计.
    const cells = (row) => [
      row.person,
      row.business,
      row.research,
      row.nonprofit,
      row.legal,
      row.otherOrganisation,
      row.total,
    ];

    test('received, carried over, outcomes by category and carried forward for a year', async () => {
      const res = await get(`${server.url}/api/forms/disclosure/annual-report?year=2025`, { Origin: ORIGIN });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      const { rows, year, columns } = res.body;
      assert.equal(year, 2025);
      // The template's columns: 自然人, then 法人或其他组织 in five kinds, then 总计.
      assert.deepEqual(
        columns.map((c) => c.label),
        ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      );
      assert.deepEqual(
        columns.map((c) => c.group ?? ''),
        ['', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', ''],
      );
      const row = (key) => rows.find((r) => r.key === key);
      assert.deepEqual(cells(row('received')), [2, 1, 1, 0, 0, 1, 5]);
      assert.equal(row('received').organisation, 3);
      assert.deepEqual(cells(row('carriedOver')), [1, 0, 0, 0, 0, 0, 1]);
      assert.deepEqual(cells(row('outcome:予以公开')), [1, 0, 0, 0, 0, 1, 2]);
      assert.deepEqual(cells(row('outcome:部分公开')), [1, 0, 0, 0, 0, 0, 1]);
      assert.deepEqual(cells(row('outcome:不予公开')), [0, 1, 0, 0, 0, 0, 1]);
      assert.deepEqual(cells(row('outcome:不予公开:属于国家秘密')), [0, 1, 0, 0, 0, 0, 1]);
      assert.deepEqual(cells(row('outcome:无法提供')), [0, 0, 0, 0, 0, 0, 0]);
      assert.deepEqual(cells(row('outcomeTotal')), [2, 1, 0, 0, 0, 1, 4]);
      assert.deepEqual(cells(row('carriedForward')), [1, 0, 1, 0, 0, 0, 2]);
      // The national template's rows, in its order: 6 outcome categories and their 19 cases.
      assert.equal(rows.filter((r) => r.key.startsWith('outcome:')).length, 25);
      assert.equal(row('outcome:予以公开').label, '（一）予以公开');
      assert.equal(row('outcomeTotal').label, '（七）总计');
      assert.equal(row('outcome:其他处理:其他').label, '3.其他');
      // What came in equals what went out plus what is left.
      for (const key of [...columns.map((c) => c.key), 'organisation'])
        assert.equal(
          row('received')[key] + row('carriedOver')[key],
          row('outcomeTotal')[key] + row('carriedForward')[key],
          key,
        );
    });

    test('the same counts in the shape of core’s annual report: a report built on them is valid and balances', async () => {
      const { applications } = (await get(`${server.url}/api/forms/disclosure/annual-report?year=2025`)).body;
      assert.deepEqual(applications.received, {
        person: 2,
        business: 1,
        research: 1,
        nonprofit: 0,
        legal: 0,
        otherOrganisation: 1,
      });
      assert.deepEqual(applications.outcomes['不予公开']['属于国家秘密'], {
        person: 0,
        business: 1,
        research: 0,
        nonprofit: 0,
        legal: 0,
        otherOrganisation: 0,
      });
      assert.equal(applications.outcomes['予以公开'].otherOrganisation, 1);
      assert.deepEqual(Object.keys(applications.outcomes['无法提供']), [
        '本机关不掌握相关政府信息',
        '没有现成信息需要另行制作',
        '补正后申请内容仍不明确',
      ]);
      const report = {
        kind: 'annual-report',
        version: 1,
        title: '2025年政府信息公开工作年度报告',
        office: '平罗县卫生健康局',
        year: 2025,
        published: '2026-01-20',
        applications,
      };
      const checked = await validateDocument(report);
      assert.ok(checked.ok, checked.output);
    });

    test('the next year carries forward what this year left; bad years and other forms are refused', async () => {
      const next = (await get(`${server.url}/api/forms/disclosure/annual-report?year=2026`)).body.rows;
      const row = (key) => next.find((r) => r.key === key);
      assert.equal(row('carriedOver').total, 2);
      assert.equal(row('outcome:无法提供:本机关不掌握相关政府信息').total, 1);
      assert.equal((await get(`${server.url}/api/forms/disclosure/annual-report?year=twenty`)).status, 422);
      assert.equal((await get(`${server.url}/api/forms/mailbox/annual-report?year=2025`)).status, 404);
      const current = await get(`${server.url}/api/forms/disclosure/annual-report`);
      assert.equal(current.status, 200);
      assert.equal(current.body.year, Number(current.body.generated.slice(0, 4)));
    });
  });
});
