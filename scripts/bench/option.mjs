/** The value after `--name` on the command line, or `fallback`: the benches' one reader of options. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
