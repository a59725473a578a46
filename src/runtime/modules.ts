/**
 * The modules a snippet may import, by their Python names. Anything else
 * is `ModuleNotFoundError: No module named '...'`.
 */
import * as asyncio from "./asyncio/index.ts";
import * as bs4 from "./bs4/index.ts";
import * as aiohttp from "./net/aiohttp.ts";
import * as requests from "./net/requests.ts";
import * as builtins from "./builtins.ts";
import { nameModule } from "./core/names.ts";
import * as time from "./time.ts";

/** Module name → its namespace object. */
export const MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = Object.freeze({
  asyncio,
  aiohttp,
  requests,
  time,
  bs4,
});

// Labels name the runtime's functions by these names, never by `Function.name`
// (the site's bundle is minified: requests.get would read "Oh()").
for (const [name, mod] of Object.entries(MODULES)) nameModule(name, mod);
nameModule("", builtins);

/** The module names, in the order the docs list them. */
export const MODULE_NAMES: readonly string[] = Object.freeze(Object.keys(MODULES));
