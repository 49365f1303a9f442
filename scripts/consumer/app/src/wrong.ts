// Must NOT type-check: "titel" is not a field of a budget (the consumer test expects tsc to fail here).
import 'gongkai/budget';

document.querySelector('gk-budget')!.data = {
  kind: 'budget',
  version: 1,
  titel: '平罗县示例部门2018年部门预算',
  department: '平罗县示例部门',
  stage: '预算',
  year: 2018,
  years: [2018],
  unit: '万元',
  published: '2018-02-09',
  functional: [],
};
