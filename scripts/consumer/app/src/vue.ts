/// <reference types="gongkai/vue" />
// <gk-*> in Vue templates: volar reads GlobalComponents; here the same props are checked in TypeScript.
import type { GlobalComponents } from 'vue';

type BudgetProps = InstanceType<GlobalComponents['gk-budget']>['$props'];
export const props: BudgetProps = { src: '/budget.json', view: 'bars', 'heading-level': 3 };
// @ts-expect-error a view the budget does not have
export const wrong: BudgetProps = { view: 'pie' };
