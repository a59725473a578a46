/**
 * Pieces of the runtime that have unit tests of their own, for test/ only
 * (the sandbox and the page use `index.ts` and `trace-api.ts`): how Python
 * formats numbers, strings and `print`'s arguments, and names types and the
 * runtime's own functions; the HTML entity table;
 * URL parsing and the simulated web; the event loop class itself; `async
 * with` as runtime code writes it; docs/trace.md's tables written from the
 * trace's schema; the log of
 * coroutines not started yet (for "never awaited").
 */
export { withSchemaBlocks } from "./trace/doc.ts";
export { EventLoop } from "./core/loop.ts";
export { UnstartedCoroutines } from "./core/never-awaited.ts";
export { functionLabel, functionQualname } from "./core/names.ts";
export { withBlock } from "./asyncio/with.ts";
export { SNIPPET_FILENAME } from "./asyncio/graph-frames.ts";
export { formatPrint, MAX_DEPTH, MAX_LENGTH, splitPrintOptions } from "./python/format.ts";
export { floatRepr, numberRepr, primitiveRepr, stringRepr } from "./python/scalars.ts";
export { pyTypeName } from "./python/inspect.ts";
export { decodeEntities, escapeHtml } from "./bs4/entities.ts";
export { decodeComponent, hostOf, type ParsedUrl, parseQuery, parseUrl } from "./net/web-url.ts";
export { CONNECT_ERROR_LATENCY, DEFAULT_SEED, MAX_DELAY, PAGE_TITLES, RATE_LIMIT, reasonPhrase, SimulatedWeb, type WebOutcome, type WebRequest, type WebResponse } from "./net/web.ts";
export { BeautifulSoup, Comment, Doctype, FeatureNotFound, NavigableString, NotImplementedError, SelectorSyntaxError, Tag } from "./bs4/index.ts";
