/**
 * How the base element gets the provenance block (provenance.ts) once a published `src`
 * has loaded: a dynamic import, which a user's bundler makes a chunk of. The one-file
 * build puts this module's place in gongkai-provenance.js beside gongkai.js and hands it
 * the bundle's own message tables and Lit (scripts/one-file-provenance.mjs), so the one
 * file carries none of the block's code.
 */
export const loadProvenance = (): Promise<typeof import('./provenance.js')> => import('./provenance.js');
