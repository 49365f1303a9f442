// Tests of the built CLI: run `pnpm build` first, then `node --test packages/cli/test/`.
// Every case spawns `node packages/cli/bin/gongkai.mjs …` from this directory, so
// file names in the output read `fixtures/….json`.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = fileURLToPath(new URL('../bin/gongkai.mjs', import.meta.url));

/** Runs the CLI; `env` adds to a copy of the environment without GONGKAI_LANG. */
function gongkai(args, env = {}) {
  const base = { ...process.env };
  delete base.GONGKAI_LANG;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: here, env: { ...base, ...env }, encoding: 'utf8' });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: result.stdout.split('\n').filter(Boolean),
  };
}

/** The one stdout line that starts with `prefix`. */
function lineStarting(run, prefix) {
  const matches = run.lines.filter((line) => line.startsWith(prefix));
  assert.equal(matches.length, 1, `expected one line starting with ${JSON.stringify(prefix)} in:\n${run.stdout}`);
  return matches[0];
}

function includesAll(text, words) {
  for (const word of words)
    assert.ok(text.includes(word), `expected ${JSON.stringify(word)} in ${JSON.stringify(text)}`);
}

describe('gongkai validate: valid files', () => {
  test('a valid document exits 0 with a ✓ line and nothing on stderr', () => {
    const run = gongkai(['validate', 'fixtures/valid.json']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '✓ fixtures/valid.json\n');
    assert.equal(run.stderr, '');
  });

  test('a UTF-8 byte order mark is accepted', () => {
    const run = gongkai(['validate', 'fixtures/bom.json']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '✓ fixtures/bom.json\n');
  });

  test('columns on the first line do not count the byte order mark', () => {
    const run = gongkai(['validate', 'fixtures/bom-invalid.json']);
    assert.equal(run.code, 1);
    assert.deepEqual(run.lines, ['fixtures/bom-invalid.json:1:33  version  应为 1']);
  });
});

describe('gongkai validate: problems in the data (exit 1)', () => {
  const cases = [
    {
      name: 'a wrong field type, located at the value',
      file: 'fixtures/wrong-type.json',
      prefix: 'fixtures/wrong-type.json:12:15  attachments[0].size  ',
      zh: ['应为数字', '实际为文本'],
      en: ['expected a number', 'got text'],
    },
    {
      name: 'a misspelled field, located at the key, with a suggestion',
      file: 'fixtures/misspelled.json',
      prefix: 'fixtures/misspelled.json:4:3  titel  ',
      zh: ['不认识的字段“titel”', '是不是“title”'],
      en: ['unknown field “titel”', 'did you mean “title”'],
    },
    {
      name: 'a missing required field, located at its object',
      file: 'fixtures/missing-issuer.json',
      prefix: 'fixtures/missing-issuer.json:1:1  issuer  ',
      zh: ['缺少必填字段'],
      en: ['required field is missing'],
    },
    {
      name: 'no "kind" field',
      file: 'fixtures/no-kind.json',
      prefix: 'fixtures/no-kind.json:1:1  kind  ',
      zh: ['缺少“kind”字段', '"document"'],
      en: ['“kind” field is missing', '"document"'],
    },
    {
      name: 'an unknown kind, located at its value',
      file: 'fixtures/unknown-kind.json',
      prefix: 'fixtures/unknown-kind.json:3:11  kind  ',
      zh: ['不认识的文件类型“notice”', '"document"'],
      en: ['unknown document kind “notice”', '"document"'],
    },
    {
      name: 'a root that is not an object, under the root label',
      file: 'fixtures/not-object.json',
      prefix: null,
      zh: ['fixtures/not-object.json:1:1  （整个文件）  应为对象'],
      en: ['fixtures/not-object.json:1:1  (whole document)  expected an object'],
    },
  ];
  for (const c of cases) {
    test(`${c.name} (zh, the default)`, () => {
      const run = gongkai(['validate', c.file]);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, '');
      includesAll(c.prefix ? lineStarting(run, c.prefix) : run.stdout, c.zh);
    });
    test(`${c.name} (en)`, () => {
      const run = gongkai(['validate', '--lang', 'en', c.file]);
      assert.equal(run.code, 1);
      includesAll(c.prefix ? lineStarting(run, c.prefix) : run.stdout, c.en);
    });
  }

  test('every line has the FILE:LINE:COL  PATH  message shape', () => {
    const run = gongkai(['validate', 'fixtures/misspelled.json']);
    assert.equal(run.code, 1);
    assert.equal(run.lines.length, 2);
    for (const line of run.lines) assert.match(line, /^fixtures\/misspelled\.json:\d+:\d+ {2}\S+ {2}\S/);
    assert.ok(run.lines.some((line) => line.startsWith('fixtures/misspelled.json:1:1  title  缺少必填字段')));
  });

  test('--kind forces the kind', () => {
    const run = gongkai(['validate', '--kind', 'document', 'fixtures/no-kind.json']);
    assert.equal(run.code, 1);
    assert.ok(run.lines[0].startsWith('fixtures/no-kind.json:1:1  kind  '), run.stdout);
    assert.ok(!run.stdout.includes('缺少“kind”字段'));
    assert.equal(gongkai(['validate', '--kind=document', 'fixtures/valid.json']).code, 0);
  });
});

describe('gongkai validate: unreadable or malformed files (exit 2)', () => {
  test('a trailing comma: position of the syntax error and its message', () => {
    const zh = gongkai(['validate', 'fixtures/trailing-comma.json']);
    assert.equal(zh.code, 2);
    assert.deepEqual(zh.lines, ['fixtures/trailing-comma.json:8:1  JSON 格式错误：结束括号前多了一个逗号。']);
    const en = gongkai(['validate', '--lang', 'en', 'fixtures/trailing-comma.json']);
    assert.equal(en.code, 2);
    includesAll(lineStarting(en, 'fixtures/trailing-comma.json:8:1  '), ['Malformed JSON', 'comma']);
  });

  test('a missing closing brace', () => {
    const zh = gongkai(['validate', 'fixtures/missing-brace.json']);
    assert.equal(zh.code, 2);
    includesAll(lineStarting(zh, 'fixtures/missing-brace.json:9:1  '), ['JSON 格式错误', '缺少 }']);
    const en = gongkai(['validate', '--lang', 'en', 'fixtures/missing-brace.json']);
    includesAll(lineStarting(en, 'fixtures/missing-brace.json:9:1  '), ['Malformed JSON', 'ends too early']);
  });

  test('an empty file', () => {
    const run = gongkai(['validate', 'fixtures/empty.json']);
    assert.equal(run.code, 2);
    assert.deepEqual(run.lines, ['fixtures/empty.json:1:1  数据为空。']);
  });

  test('a file that is not UTF-8 (GBK), located at the first bad byte', () => {
    const run = gongkai(['validate', 'fixtures/gbk.json']);
    assert.equal(run.code, 2);
    includesAll(lineStarting(run, 'fixtures/gbk.json:3:14  '), ['UTF-8']);
  });

  test('a missing file', () => {
    const zh = gongkai(['validate', 'fixtures/does-not-exist.json']);
    assert.equal(zh.code, 2);
    assert.deepEqual(zh.lines, ['fixtures/does-not-exist.json  无法读取文件：文件不存在']);
    const en = gongkai(['validate', '--lang=en', 'fixtures/does-not-exist.json']);
    includesAll(lineStarting(en, 'fixtures/does-not-exist.json  '), ['cannot read', 'does not exist']);
  });

  test('a directory', () => {
    const zh = gongkai(['validate', 'fixtures/a-directory']);
    assert.equal(zh.code, 2);
    includesAll(lineStarting(zh, 'fixtures/a-directory  '), ['无法读取文件', '目录']);
    const en = gongkai(['validate', '--lang', 'en', 'fixtures/a-directory']);
    includesAll(lineStarting(en, 'fixtures/a-directory  '), ['directory']);
  });

  test(
    'a file without read permission',
    { skip: process.getuid?.() === 0 || process.platform === 'win32' ? 'root can read anything' : false },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
      try {
        const file = join(dir, 'secret.json');
        copyFileSync(join(here, 'fixtures/valid.json'), file);
        chmodSync(file, 0o000);
        const run = gongkai(['validate', file]);
        assert.equal(run.code, 2);
        includesAll(lineStarting(run, `${file}  `), ['没有读取权限']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('gongkai validate: several files', () => {
  test('the exit code is the worst, and every file is still checked', () => {
    const run = gongkai([
      'validate',
      'fixtures/valid.json',
      'fixtures/does-not-exist.json',
      'fixtures/wrong-type.json',
    ]);
    assert.equal(run.code, 2);
    assert.equal(run.lines[0], '✓ fixtures/valid.json');
    assert.ok(run.lines[1].startsWith('fixtures/does-not-exist.json  '));
    assert.ok(run.lines[2].startsWith('fixtures/wrong-type.json:12:15  attachments[0].size  '));
  });

  test('valid and invalid together exit 1', () => {
    const run = gongkai(['validate', 'fixtures/wrong-type.json', 'fixtures/valid.json']);
    assert.equal(run.code, 1);
    assert.equal(run.lines.at(-1), '✓ fixtures/valid.json');
  });
});

describe('language', () => {
  test('GONGKAI_LANG=en switches to English', () => {
    const run = gongkai(['validate', 'fixtures/missing-issuer.json'], { GONGKAI_LANG: 'en' });
    assert.equal(run.lines[0], 'fixtures/missing-issuer.json:1:1  issuer  required field is missing');
  });

  test('--lang beats GONGKAI_LANG', () => {
    const run = gongkai(['validate', '--lang', 'zh-CN', 'fixtures/missing-issuer.json'], { GONGKAI_LANG: 'en' });
    assert.equal(run.lines[0], 'fixtures/missing-issuer.json:1:1  issuer  缺少必填字段');
  });
});

describe('usage', () => {
  test('--help, -h and help print Chinese usage to stdout and exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = gongkai(args);
      assert.equal(run.code, 0, args.join(' '));
      includesAll(run.stdout, ['用法：gongkai', 'validate', 'schema', '--lang']);
      assert.equal(run.stderr, '');
    }
  });

  test('help in English', () => {
    const run = gongkai(['--help', '--lang', 'en']);
    assert.equal(run.code, 0);
    includesAll(run.stdout, ['Usage: gongkai', 'FILE:LINE:COL  PATH  message']);
    includesAll(gongkai(['help'], { GONGKAI_LANG: 'en' }).stdout, ['Usage: gongkai']);
  });

  test('no arguments: usage on stderr, exit 2', () => {
    const run = gongkai([]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    includesAll(run.stderr, ['用法：gongkai']);
  });

  test('usage errors go to stderr and exit 2', () => {
    for (const [args, words] of [
      [['frobnicate'], ['frobnicate', 'gongkai --help']],
      [['validate'], ['gongkai validate']],
      [['validate', '--bogus', 'fixtures/valid.json'], ['--bogus']],
      [
        ['validate', '--kind', 'notice', 'fixtures/valid.json'],
        ['notice', '"document"'],
      ],
      [['validate', 'fixtures/valid.json', '--lang'], ['--lang']],
    ]) {
      const run = gongkai(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
      includesAll(run.stderr, words);
    }
  });

  test('the bin explains what to do when the bundle is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(bin, join(dir, 'bin', 'gongkai.mjs'));
      const result = spawnSync(process.execPath, [join(dir, 'bin', 'gongkai.mjs'), 'validate', 'x.json'], {
        encoding: 'utf8',
      });
      assert.equal(result.status, 2);
      includesAll(result.stderr, ['pnpm build']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gongkai schema', () => {
  test('schema document prints a strict JSON Schema with Chinese descriptions', () => {
    const run = gongkai(['schema', 'document']);
    assert.equal(run.code, 0);
    assert.ok(run.stdout.endsWith('}\n'));
    assert.ok(run.stdout.includes('"additionalProperties": false'), 'pretty-printed');
    const schema = JSON.parse(run.stdout);
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.type, 'object');
    assert.ok(schema.required.includes('title'));
    assert.match(schema.properties.title.description, /文件标题/);
    assert.match(schema.properties.issuer.description, /[\u4e00-\u9fff]/);
  });

  test('an unknown kind lists the known kinds and exits 2', () => {
    const run = gongkai(['schema', 'notice']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    includesAll(run.stderr, ['notice', '"document"']);
    includesAll(gongkai(['schema', 'notice', '--lang', 'en']).stderr, ['unknown document kind', '"document"']);
  });

  test('schema without a kind or --out is a usage error', () => {
    const run = gongkai(['schema']);
    assert.equal(run.code, 2);
    includesAll(run.stderr, ['--out']);
  });

  test('schema --out DIR creates DIR and writes <kind>.schema.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    try {
      const out = join(dir, 'nested', 'schemas');
      const run = gongkai(['schema', '--out', out]);
      assert.equal(run.code, 0, run.stderr);
      const file = join(out, 'document.schema.json');
      assert.ok(existsSync(file));
      assert.equal(readFileSync(file, 'utf8'), gongkai(['schema', 'document']).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('schema --out into a path that is a file fails with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    try {
      const blocker = join(dir, 'a-file');
      writeFileSync(blocker, '');
      const run = gongkai(['schema', '--out', blocker]);
      assert.equal(run.code, 2);
      assert.ok(run.stderr.includes('a-file'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a process whose Object.prototype has enumerable properties (the patched zod)', () => {
  // What old scripts do, plus names zod's internals and our documents use: an inherited
  // `title` must not stand in for a missing one, and an inherited `values` or `pattern` must not reach zod.
  const polluter =
    "data:text/javascript,for (const [k, v] of Object.entries({ x: 1, clone() {}, toJSONString() {}, each() {}, values() {}, pattern: 'p', optin: 'optional', optout: 'optional', propValues: {}, shape: {}, title: 'inherited' })) Object.prototype[k] = v;";

  function polluted(args) {
    const result = spawnSync(process.execPath, ['--import', polluter, bin, ...args], { cwd: here, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test('the control: the polluter really adds enumerable properties', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', polluter, '-e', 'const keys = []; for (const k in {}) keys.push(k); console.log(keys.join(","))'],
      { encoding: 'utf8' },
    );
    assert.equal(result.stdout.trim(), 'x,clone,toJSONString,each,values,pattern,optin,optout,propValues,shape,title');
  });

  test('validate gives exactly what it gives in a clean process', () => {
    const files = [
      'fixtures/valid.json',
      'fixtures/misspelled.json',
      'fixtures/missing-issuer.json',
      'fixtures/wrong-type.json',
    ];
    const clean = gongkai(['validate', ...files]);
    const dirty = polluted(['validate', ...files]);
    assert.equal(dirty.stderr, '');
    assert.equal(dirty.code, clean.code);
    assert.equal(dirty.stdout, clean.stdout);
    // The missing title is still missing: an inherited one does not count.
    assert.ok(dirty.stdout.includes('fixtures/misspelled.json:1:1  title'), dirty.stdout);
  });

  test('keys named like Object.prototype members are unknown fields, not a crash', () => {
    // Before: hasMessage("toString") found Object.prototype.toString and the message formatter threw.
    const run = gongkai(['validate', 'fixtures/prototype-keys.json']);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(run.lines, [
      'fixtures/prototype-keys.json:8:3  toString  不认识的字段“toString”',
      'fixtures/prototype-keys.json:9:3  constructor  不认识的字段“constructor”',
      'fixtures/prototype-keys.json:10:80  attachments[0].hasOwnProperty  不认识的字段“hasOwnProperty”',
    ]);
    assert.equal(polluted(['validate', 'fixtures/prototype-keys.json']).stdout, run.stdout);
  });

  test('schema writes the same JSON Schema', () => {
    for (const kind of ['document', 'form', 'catalogue']) {
      const dirty = polluted(['schema', kind]);
      assert.equal(dirty.code, 0, dirty.stderr);
      assert.equal(dirty.stdout, gongkai(['schema', kind]).stdout);
    }
  });
});
