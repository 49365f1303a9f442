// Startup: configuration from a file and/or the environment; a bad one is a clear error in Chinese and English (exit 2).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleForms, mailbox, post, ROOT, runBin, startServer, tempDir } from '../support/harness.mjs';

async function failsWith(args, env, zh, en) {
  const res = await runBin(args, { env });
  assert.equal(res.code, 2, `${res.stdout}${res.stderr}`);
  // Chinese first, then English, each line starting "gongkai-server: ".
  const zhAt = res.stderr.search(zh);
  const enAt = res.stderr.search(en);
  assert.ok(zhAt !== -1, `${res.stderr} does not match ${zh}`);
  assert.ok(enAt !== -1, `${res.stderr} does not match ${en}`);
  assert.ok(zhAt < enAt || zh.source === en.source, 'Chinese before English');
  assert.match(res.stderr, /^gongkai-server: /);
}

function configFile(dir, value) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

test('the environment alone configures it: GONGKAI_PORT, GONGKAI_FORMS, GONGKAI_DB, GONGKAI_ORIGINS', async () => {
  const dir = tempDir();
  const res = await runBin(['--help']);
  assert.equal(res.code, 0);
  assert.match(res.stdout, /GONGKAI_FORMS/);
  // startServer writes a file; here the environment overrides it.
  const server = await startServer({
    dir,
    config: { port: 1 },
    env: { GONGKAI_PORT: '0', GONGKAI_DB: join(dir, 'env.db'), GONGKAI_ORIGINS: 'https://a.gov.cn, https://b.gov.cn' },
  });
  try {
    assert.match(server.output(), /env\.db/);
    const sent = await post(`${server.url}/api/forms/mailbox`, mailbox(), { Origin: 'https://b.gov.cn' });
    assert.equal(sent.status, 201);
    assert.equal(sent.headers.get('access-control-allow-origin'), 'https://b.gov.cn');
  } finally {
    await server.stop();
  }
});

test('bad configurations are refused with a message in both languages', async () => {
  const dir = tempDir();
  const forms = exampleForms(dir);
  await failsWith(
    ['--config', join(dir, 'missing.json')],
    {},
    /无法读取配置文件.*文件不存在/,
    /cannot read the configuration file .*no such file/,
  );
  await failsWith(['--config', configFile(dir, '{ "port": 80, }')], {}, /不是有效的 JSON/, /is not valid JSON/);
  await failsWith(
    ['--config', configFile(dir, { prot: 80, forms })],
    {},
    /未知的配置项 "prot"/,
    /unknown setting "prot"/,
  );
  await failsWith(
    ['--config', configFile(dir, { port: 'eighty', forms })],
    {},
    /port 应为 0–65535 的整数/,
    /port must be an integer/,
  );
  await failsWith(
    ['--config', configFile(dir, { origins: ['www.example.gov.cn'], forms })],
    {},
    /不是有效的来源/,
    /is not an origin/,
  );
  await failsWith(
    ['--config', configFile(dir, { origins: ['https://www.example.gov.cn/path'], forms })],
    {},
    /应只含协议、域名和端口/,
    /scheme, host and port only/,
  );
  await failsWith(
    ['--config', configFile(dir, { storage: { type: 'mysql' }, forms })],
    {},
    /storage\.type/,
    /storage\.type/,
  );
  await failsWith(
    ['--config', configFile(dir, { rateLimit: { submissions: { max: 0, windowSeconds: 60 } }, forms })],
    {},
    /rateLimit\.submissions\.max 应为正整数/,
    /must be a positive integer/,
  );
  await failsWith(
    ['--config', configFile(dir, { publicContacts: '0952-6012345', forms })],
    {},
    /publicContacts 应为公开的联系方式列表/,
    /publicContacts must be a list/,
  );
  await failsWith(
    ['--config', configFile(dir, { publicContacts: ['0952-6012345', 6012345], forms })],
    {},
    /publicContacts\[1\] 应为非空文本/,
    /publicContacts\[1\] must be a non-empty string/,
  );
  await failsWith([], { GONGKAI_PORT: '70000', GONGKAI_FORMS: forms }, /GONGKAI_PORT/, /GONGKAI_PORT must be/);
  await failsWith([], {}, /没有配置表单/, /no forms configured/);
  await failsWith([], { GONGKAI_FORMS: join(dir, 'nowhere') }, /找不到表单目录或文件/, /not found/);
  await failsWith(['--bogus'], {}, /不认识的参数/, /unknown argument/);
});

test('bad form documents are refused with core’s messages, paths and lines', async () => {
  const dir = tempDir();
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  writeFileSync(
    join(broken, 'form.json'),
    JSON.stringify(
      {
        kind: 'form',
        version: 1,
        title: '信箱',
        action: '/api/forms/x',
        privacy: '…',
        sections: [{ fields: [{ name: 'a', label: 'A', type: 'select' }] }],
      },
      null,
      2,
    ),
  );
  await failsWith(
    [],
    { GONGKAI_FORMS: broken, GONGKAI_DB: join(dir, 'a.db') },
    /表单文件有误/,
    /invalid form document/,
  );
  const res = await runBin([], { env: { GONGKAI_FORMS: broken, GONGKAI_DB: join(dir, 'a.db') } });
  assert.match(res.stderr, /sections\[0\]\.fields\[0\]\.options/);

  const malformed = join(dir, 'malformed');
  mkdirSync(malformed);
  writeFileSync(join(malformed, 'form.json'), '{ "kind": "form",\n  "title": }');
  await failsWith(
    [],
    { GONGKAI_FORMS: malformed, GONGKAI_DB: join(dir, 'a.db') },
    /表单文件有误.*第 2 行/,
    /invalid form document.*line 2/,
  );

  // Two documents sending to one address (the example form and the example application both use /api/forms/disclosure).
  const twice = join(dir, 'twice');
  mkdirSync(twice);
  copyFileSync(join(ROOT, 'packages/elements/src/form/examples/disclosure-application.json'), join(twice, 'a.json'));
  copyFileSync(join(ROOT, 'packages/elements/src/disclosure-request/examples/application.json'), join(twice, 'b.json'));
  await failsWith(
    [],
    { GONGKAI_FORMS: twice, GONGKAI_DB: join(dir, 'a.db') },
    /两个文件提交到同一个地址 \/api\/forms\/disclosure/,
    /two documents send to the same address/,
  );

  // A named file must be a form; a directory may hold other documents, which are skipped.
  await failsWith(
    [],
    { GONGKAI_FORMS: join(ROOT, 'examples/data/work-points-notice.json'), GONGKAI_DB: join(dir, 'a.db') },
    /不是表单/,
    /is not a form/,
  );
  await failsWith(
    [],
    { GONGKAI_FORMS: join(ROOT, 'packages/elements/src/document/examples'), GONGKAI_DB: join(dir, 'a.db') },
    /没有找到表单/,
    /no form, consultation or disclosure-request documents/,
  );
});

test('a database that cannot be opened is a startup error', async () => {
  const dir = tempDir();
  const file = join(dir, 'not-a-dir');
  writeFileSync(file, 'x');
  await failsWith(
    [],
    { GONGKAI_FORMS: exampleForms(dir), GONGKAI_DB: join(file, 'db.sqlite') },
    /无法打开数据库/,
    /cannot open the database/,
  );
});

test('organisations: a folder of <id>.json or an object; bad ones are named in both languages', async () => {
  const dir = tempDir();
  const forms = exampleForms(dir);
  const fail = (organisations, zh, en) =>
    failsWith(['--config', configFile(dir, { forms, organisations })], {}, zh, en);
  await fail({ 'Bad Id': { forms } }, /组织编号 "Bad Id"/, /organisation id "Bad Id"/);
  await fail({ default: { forms } }, /"default" 保留/, /"default" is the top-level/);
  await fail(
    { wjj: { forms, colour: 'red' } },
    /organisations\.wjj 中未知的配置项 "colour"/,
    /unknown setting "colour" in organisations\.wjj/,
  );
  await fail({ wjj: { name: '卫健局' } }, /organisations\.wjj\.forms 缺失/, /organisations\.wjj\.forms is missing/);
  await fail(
    { wjj: { forms, codePrefix: 'wj' } },
    /organisations\.wjj\.codePrefix 应为 0–6 个大写字母/,
    /organisations\.wjj\.codePrefix must be 0 to 6 capital letters/,
  );
  await fail(
    { a: { forms, hosts: ['x.gov.cn'] }, b: { forms, hosts: ['X.gov.cn'] } },
    /主机名 x\.gov\.cn 同时分配给了 a 和 b/,
    /the host x\.gov\.cn is given to both a and b/,
  );
  await fail('nowhere', /找不到组织配置目录/, /organisations folder .* was not found/);
  // A folder: one file per organisation, its paths relative to the file; no top-level forms needed.
  const folder = join(dir, 'orgs');
  mkdirSync(folder);
  writeFileSync(join(folder, 'jyj.json'), JSON.stringify({ name: '教育局', forms: '../forms', codePrefix: 'JY' }));
  const server = await startServer({ dir, config: { organisations: folder, forms: undefined } });
  try {
    const sent = await post(`${server.url}/t/jyj/api/forms/mailbox`, mailbox());
    assert.equal(sent.status, 201, sent.text);
    assert.match(sent.body.trackingCode, /^JY\d{4}-/);
    // No default organisation: the root URLs name none.
    const root = await post(`${server.url}/api/forms/mailbox`, mailbox());
    assert.equal(root.body.error.code, 'unknown_organisation');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  } finally {
    await server.stop();
  }
});
