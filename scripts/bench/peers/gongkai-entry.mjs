/**
 * <gk-budget> from the per-element entry `gongkai/budget`, as a user's Vite
 * build ships it: this page module is built by Vite inside the consumer app
 * (scripts/consumer/), which installed gongkai from its packed tarball. See
 * budget-element.mjs for what is timed.
 */
import 'gongkai/budget';
import { budgetRenderer } from './budget-element.mjs';
import { run } from './harness.mjs';

run(budgetRenderer('gongkai-entry'));
