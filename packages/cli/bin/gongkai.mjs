#!/usr/bin/env node
// gongkai: validate the JSON documents editors write, export JSON Schemas. See `gongkai --help`.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/gongkai.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'gongkai: 找不到 packages/cli/dist/gongkai.mjs，请先运行 pnpm build。\n' +
      'gongkai: packages/cli/dist/gongkai.mjs is missing; run pnpm build first.\n',
  );
  process.exit(2);
}
// `gongkai validate … | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(bundle.href);
// exitCode rather than exit(): lets a long report drain to a pipe before the process ends.
process.exitCode = await main(process.argv.slice(2), process.env);
