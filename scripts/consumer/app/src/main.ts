// What a bundler user writes: one import per element the page uses.
import 'gongkai/budget';
import 'gongkai/catalogue';
import { budget } from './typed.js';

// `.data` is checked against the budget schema's input type (see typed.ts and wrong.ts).
const element = document.querySelectorAll('gk-budget')[1]!;
element.data = budget;

// The events are typed: detail.document is the validated budget.
element.addEventListener('gk-load', (event) => {
  document.body.dataset.budgetTitle = event.detail.document.title;
});
document.querySelector('gk-catalogue')!.addEventListener('gk-error', (event) => {
  document.body.dataset.catalogueError = event.detail.messages.join('\n');
});
