// Must NOT type-check: "titel" is not a field of a budget (the consumer test expects tsc to fail here).
import 'gongkai/budget';
import { budget } from './typed.js';

document.querySelector('gk-budget')!.data = { ...budget!, titel: '平罗县示例部门2018年部门预算' };
