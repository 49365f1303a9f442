/**
 * The fast path must never accept what zod rejects. Checked on every example
 * document and on thousands of deterministic random mutations of them.
 */
import { expect } from '@open-wc/testing';
import { fastAccepts } from '../src/fast-accept.js';
import { SCHEMAS, isKind, type Kind } from '../src/kinds.js';
import * as z from 'zod/mini';
import { text } from '../src/schemas/common.js';

interface Example {
  kind: string;
  path: string;
  valid: boolean;
}

/** Every example of every kind (packages/elements/src/<kind>/examples/*.json), as the test server lists them. */
async function examples(): Promise<Array<[Kind, string]>> {
  const list = (await (await fetch('/test-api/examples.json')).json()) as Example[];
  return list.filter((example) => isKind(example.kind)).map((example) => [example.kind as Kind, example.path]);
}

/**
 * Kinds whose documents the fast path always leaves to zod: an explainer's sections and
 * a form's fields are unions of objects, which it does not plan (fast-accept.ts).
 */
const ASKS_ZOD: Kind[] = ['explainer', 'form', 'disclosure-request'];

/** Random mutations of each example: about 10,000 in all. */
const TRIALS = 300;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  2018,
  'x',
  '',
  '  标题 ',
  'javascript:alert(1)',
  '2018-02-30',
  '2018-04-20',
  '现行有效',
  '预算',
  true,
  [],
  {},
  [1],
  { year: 2018 },
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  2 ** 53,
  1e300,
  1948,
  2201,
  '210',
  '2100201',
  ' 21002',
  1,
  '1',
  false,
];

/** Every [container, key] pair in a JSON value. */
function slots(value: unknown, out: Array<[Record<string | number, unknown>, string | number]> = []) {
  if (Array.isArray(value))
    value.forEach((item, i) => (out.push([value as unknown as Record<number, unknown>, i]), slots(item, out)));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value))
      (out.push([value as Record<string, unknown>, key]), slots(item, out));
  return out;
}

describe('fastAccepts', () => {
  it('accepts every valid example of every kind but those whose documents are unions of objects (so valid documents take the fast path)', async () => {
    const all = await examples();
    expect(new Set(all.map(([kind]) => kind)).size, 'kinds with examples').to.equal(Object.keys(SCHEMAS).length);
    for (const [kind, url] of all.filter(([, url]) => !url.includes('invalid'))) {
      const doc = await (await fetch(url)).json();
      expect(SCHEMAS[kind].safeParse(doc).success, url).to.be.true;
      // Both ways, so this list stays true when the fast path learns more.
      expect(fastAccepts(SCHEMAS[kind])(doc), url).to.equal(!ASKS_ZOD.includes(kind));
    }
  });

  it('never accepts what zod rejects, over random mutations of every example of every kind', async function () {
    this.timeout(300000);
    const random = prng(42);
    let accepted = 0;
    let rejected = 0;
    for (const [kind, url] of await examples()) {
      const original = await (await fetch(url)).json();
      for (let trial = 0; trial < TRIALS; trial++) {
        const doc = structuredClone(original);
        const places = slots(doc);
        const mutations = 1 + Math.floor(random() * 3);
        for (let m = 0; m < mutations; m++) {
          const [container, key] = places[Math.floor(random() * places.length)]!;
          const roll = random();
          if (roll < 0.1 && !Array.isArray(container)) container[`extra${m}`] = 1;
          else if (roll < 0.2) delete container[key];
          else container[key] = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
        }
        const fast = fastAccepts(SCHEMAS[kind])(doc);
        const zod = SCHEMAS[kind].safeParse(doc);
        if (fast) {
          accepted++;
          expect(zod.success, `${url} trial ${trial}: fast accepted what zod rejects`).to.be.true;
          if (zod.success) expect(zod.data).to.deep.equal(doc);
        } else {
          rejected++;
        }
      }
    }
    // Both outcomes occur, so the comparison means something.
    expect(accepted).to.be.greaterThan(100);
    expect(rejected).to.be.greaterThan(1000);
  });

  it('answers exactly as zod on the leaves it checks itself (numbers, ints, bounds, lengths, patterns, trim)', () => {
    const leaves = {
      number: z.number(),
      nonNegative: z.number().check(z.nonnegative()),
      between: z.number().check(z.gt(0), z.lt(10)),
      int: z.int(),
      year: z.int().check(z.gte(1949), z.lte(2200)),
      string: z.string(),
      text: text(),
      short: z.string().check(z.minLength(2), z.maxLength(3)),
      code: z.string().check(z.regex(/^\d{3}(?:\d{2}){0,2}$/)),
      // A global pattern keeps lastIndex between calls: zod resets it, and so must the fast path.
      global: z.string().check(z.regex(/\d/g)),
      boolean: z.boolean(),
    };
    const values = [
      ...REPLACEMENTS,
      5,
      9.99,
      10,
      0.0001,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      'ab',
      'abcd',
      '7',
      '77',
      ' x',
      'x ',
    ];
    for (const [name, schema] of Object.entries(leaves)) {
      for (const value of [...values, ...values]) {
        const zod = schema.safeParse(value);
        const expected = zod.success && Object.is(zod.data, value);
        expect(fastAccepts(schema)(value), `${name}(${String(value)})`).to.equal(expected);
      }
    }
  });

  it('asks zod about strings zod would change (trim)', () => {
    expect(
      fastAccepts(SCHEMAS.document)({
        kind: 'document',
        version: 1,
        title: ' 标题 ',
        issuer: '某局',
        issued: '2018-04-20',
        status: '现行有效',
      }),
    ).to.be.false;
    expect(
      fastAccepts(SCHEMAS.document)({
        kind: 'document',
        version: 1,
        title: '标题',
        issuer: '某局',
        issued: '2018-04-20',
        status: '现行有效',
      }),
    ).to.be.true;
  });
});
