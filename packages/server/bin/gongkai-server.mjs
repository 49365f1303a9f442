#!/usr/bin/env node
// gongkai-server: receives form submissions. See `gongkai-server --help` and packages/server/README.md.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/gongkai-server.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'gongkai-server: 找不到 packages/server/dist/gongkai-server.mjs，请先运行 pnpm build。\n' +
      'gongkai-server: packages/server/dist/gongkai-server.mjs is missing; run pnpm build first.\n',
  );
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2), process.env);
