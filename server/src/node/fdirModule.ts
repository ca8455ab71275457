/**
 * `node:module` for fdir inside the CLI bundle (scripts/build.mjs points fdir's import here).
 * fdir uses it for one thing: at load, it tries `require('picomatch')` from the bundle's folder,
 * to have a default matcher for its own `glob()` method. tinyglobby, the only user of fdir here,
 * never calls that method (it crawls with its own filters, already bundled), yet the look-up and
 * compiling picomatch's five files outside the code cache cost every `carnk` start ~10 ms.
 * This `createRequire` gives a `require` that finds nothing, as when picomatch is not installed,
 * which fdir expects and catches.
 */

/** A `require` that finds no module, for fdir's optional look-up of picomatch. */
export function createRequire(): NodeJS.Require {
  const notFound = (id: string): never => {
    throw Object.assign(new Error(`Cannot find module '${id}' (not looked up inside the carnk bundle)`), { code: 'MODULE_NOT_FOUND' });
  };
  return Object.assign(notFound, { resolve: notFound }) as unknown as NodeJS.Require;
}
