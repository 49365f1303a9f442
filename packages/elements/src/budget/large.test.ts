/** Large budgets: checked in slices (no long task) with exactly the issues of a one-shot check. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  SLICE_THRESHOLD,
  budgetSchema,
  budgetSlices,
  formatIssue,
  isLarge,
  validate,
  validateInSlices,
  type BudgetItem,
} from '@gongkai/core';
import type { GkErrorEvent } from '../base/events.js';
import type { GkBudgetElement } from './budget.js';
import './budget.js';

/** 10 类 × 10 款 × 20 项 = 2,000 leaves, every parent the exact sum of its children. */
function bigBudget() {
  const functional: BudgetItem[] = [];
  for (let c = 0; c < 10; c++) {
    const kuan: BudgetItem[] = [];
    for (let k = 0; k < 10; k++) {
      const xiang: BudgetItem[] = [];
      for (let x = 0; x < 20; x++) {
        xiang.push({
          code: `${201 + c}${String(k + 1).padStart(2, '0')}${String(x + 1).padStart(2, '0')}`,
          name: `项${c}-${k}-${x}`,
          values: [{ year: 2018, budget: 10 + ((c * 7 + k * 3 + x) % 50) }],
        });
      }
      const sum = xiang.reduce((total, item) => total + item.values[0]!.budget!, 0);
      kuan.push({
        code: `${201 + c}${String(k + 1).padStart(2, '0')}`,
        name: `款${c}-${k}`,
        values: [{ year: 2018, budget: sum }],
        children: xiang,
      });
    }
    const sum = kuan.reduce((total, item) => total + item.values[0]!.budget!, 0);
    functional.push({ code: `${201 + c}`, name: `类${c}`, values: [{ year: 2018, budget: sum }], children: kuan });
  }
  return {
    kind: 'budget',
    version: 1,
    title: '大型预算',
    department: '某县',
    stage: '预算',
    year: 2018,
    years: [2018],
    unit: '万元',
    published: '2018-02-09',
    functional,
  } as Record<string, unknown> & { functional: BudgetItem[] };
}

describe('large budgets', () => {
  it('more than SLICE_THRESHOLD items (children counted) is large', () => {
    expect(isLarge(bigBudget(), budgetSlices)).to.equal(2110 > SLICE_THRESHOLD);
    const many = Array.from({ length: SLICE_THRESHOLD }, (_, i) => ({
      name: `项${i}`,
      values: [],
      children: [{ name: 'x', values: [] }],
    }));
    expect(isLarge({ functional: many }, budgetSlices)).to.be.true;
    expect(isLarge({ functional: [] }, budgetSlices)).to.be.false;
  });

  it('checking in slices finds exactly what a one-shot check finds', async () => {
    const doc = bigBudget();
    const item = doc.functional[3]!.children![4]!.children![5]!;
    item.values[0]!.budget = -1; // negative, and the 款 no longer sums
    (doc.functional[7]!.children![2]! as unknown as Record<string, unknown>).nmae = 'typo';
    doc.functional[9]!.children![0]!.code = '21101'; // does not nest under 210
    const oneShot = validate(budgetSchema, doc);
    const sliced = await validateInSlices(budgetSlices, doc);
    expect(oneShot.ok).to.be.false;
    expect(sliced.ok).to.be.false;
    if (oneShot.ok || sliced.ok) return;
    const lines = (issues: typeof oneShot.issues) => issues.map((issue) => formatIssue(issue, 'zh-CN')).sort();
    expect(lines(sliced.issues)).to.deep.equal(lines(oneShot.issues));
    expect(lines(sliced.issues).join('\n')).to.contain('functional[3].children[4].children[5].values[0].budget');
  });

  it('…also when a wrong type stops the checks across the document', async () => {
    const doc = bigBudget();
    (doc.functional[1]!.children![1]!.values[0] as unknown as Record<string, unknown>).budget = '12';
    doc.functional[2]!.values[0]!.budget = 1; // a sum mismatch zod will not get to
    const oneShot = validate(budgetSchema, doc);
    const sliced = await validateInSlices(budgetSlices, doc);
    if (oneShot.ok || sliced.ok) throw new Error('expected both to fail');
    expect(sliced.issues.map((issue) => issue.pathText)).to.deep.equal(oneShot.issues.map((issue) => issue.pathText));
  });

  it('a valid large budget gives the same document either way', async () => {
    const doc = bigBudget();
    const oneShot = validate(budgetSchema, doc);
    const sliced = await validateInSlices(budgetSlices, doc);
    expect(sliced).to.deep.equal(oneShot);
  });

  // How long it takes and the longest task are measured by `pnpm bench`, never asserted here.
  it('the element renders a 2,000-item budget', async () => {
    const el = await fixture(html`<gk-budget view="treemap" .data=${bigBudget()}></gk-budget>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.chart-summary'), 'did not render', { timeout: 10000 });
    expect(el.shadowRoot!.querySelectorAll('[role="listitem"]').length).to.equal(10);
  });

  it('the element renders a large budget checked in slices', async () => {
    const doc = bigBudget();
    // Three copies of the tree under new codes: 6,330 items, past the threshold.
    for (const copy of [1, 2, 3]) {
      const shift = (item: BudgetItem): BudgetItem => ({
        ...item,
        code: item.code ? `${Number(item.code.slice(0, 3)) + copy * 10}${item.code.slice(3)}` : undefined,
        children: item.children?.map(shift),
      });
      doc.functional.push(...doc.functional.slice(0, 10).map(shift));
    }
    expect(isLarge(doc, budgetSlices)).to.be.true;
    const el = await fixture(html`<gk-budget view="treemap" .data=${doc}></gk-budget>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.chart-summary'), 'did not render', { timeout: 10000 });
    expect(el.shadowRoot!.querySelectorAll('[role="listitem"]').length).to.equal(40);
  });

  it('reports a deep problem in a large document with its path', async () => {
    const doc = bigBudget();
    doc.functional[5]!.children![9]!.children![19]!.values[0]!.year = 2017;
    const el = document.createElement('gk-budget');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = doc as GkBudgetElement['data'];
    document.body.append(el);
    const event = await failed;
    expect(event.detail.issues.map((issue) => issue.pathText)).to.include(
      'functional[5].children[9].children[19].values[0].year',
    );
    el.remove();
  });
});
