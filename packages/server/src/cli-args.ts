/** The command line's options, read one argument after another: `--name VALUE` or `--name=VALUE`. */
import { StartupError } from './errors.js';

export function argReader(argv: readonly string[]) {
  let i = -1;
  return {
    /** The next argument, or undefined at the end. */
    next: (): string | undefined => argv[++i],
    /** Its position (0: the first). */
    get index() {
      return i;
    },
    /** `arg` is the option `name`, with its value here or in the next argument. */
    is: (arg: string, name: string): boolean => arg === name || arg.startsWith(`${name}=`),
    /** The value of the option `name` that `arg` is. */
    value(arg: string, name: string): string {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      const next = argv[++i];
      if (next === undefined) throw new StartupError(`${name} 后面缺少值`, `${name} needs a value`);
      return next;
    },
  };
}
