import type { GkBudgetElement } from 'gongkai/budget';
import type { GkCatalogueElement } from 'gongkai/catalogue';

/** A small budget written in TypeScript: every field is checked against the budget schema's input type. */
export const budget: GkBudgetElement['data'] = {
  kind: 'budget',
  version: 1,
  title: '平罗县示例部门2018年部门预算',
  department: '平罗县示例部门',
  stage: '预算',
  year: 2018,
  years: [2018],
  unit: '万元',
  published: '2018-02-09',
  functional: [
    { code: '201', name: '一般公共服务支出', values: [{ year: 2018, budget: 120 }] },
    { code: '208', name: '社会保障和就业支出', values: [{ year: 2018, budget: 80.5 }] },
    { code: '210', name: '卫生健康支出', values: [{ year: 2018, budget: 300 }] },
  ],
};

/** Checked by tsc, never called: what the types accept and refuse. */
export function typeChecks(): void {
  // The tag name map knows each element's class.
  const byTag: GkBudgetElement = document.querySelector('gk-budget')!;
  const catalogue: GkCatalogueElement = document.createElement('gk-catalogue');
  catalogue.view = 'cards';
  // @ts-expect-error a view the catalogue does not have
  catalogue.view = 'pie';
  // @ts-expect-error the stage must be one of 预算, 调整预算, 决算
  byTag.data = { ...budget!, stage: '草案' };
  // @ts-expect-error amounts are numbers, not text
  byTag.data = { ...budget!, functional: [{ name: '一般公共服务支出', values: [{ year: 2018, budget: '120' }] }] };
  byTag.addEventListener('gk-error', (event) => {
    const first: string | undefined = event.detail.messages[0];
    // @ts-expect-error the issues carry paths, not a string
    const wrong: string = event.detail.issues;
    void first;
    void wrong;
  });
  byTag.addEventListener('gk-load', (event) => {
    // @ts-expect-error a budget's stage is one of three, not any text
    const stage: '草案' = event.detail.document.stage;
    void stage;
  });
}
