/**
 * Schemas are built on first use, not when their module loads. Building every
 * zod object of a kind costs start-up time on every page, before anything is
 * shown; built lazily, a page pays for its own kind's schema when its first
 * document arrives, and never for the others. Each schema module's top-level
 * constants are `lazySchema(() => …)`: a zod lazy schema (parse, infer and JSON
 * Schema work as on the schema it stands for) whose getter runs once.
 *
 * It is also the one place schemas get built, so zod is configured here first:
 * jitless, because zod's JIT compiles parsers with `new Function`, which a strict
 * Content-Security-Policy forbids (and probing for it is reported as a violation).
 */
import * as z from 'zod/mini';

let configured = false;

export function lazySchema<T extends z.core.$ZodType>(build: () => T): z.ZodMiniLazy<T> {
  let built: T | undefined;
  // The getter is shared by the lazy schema's clones (`.check()` makes one), so they share one built schema.
  return z.lazy(() => {
    if (!built) {
      if (!configured) {
        z.config({ jitless: true });
        configured = true;
      }
      built = build();
    }
    return built;
  });
}
