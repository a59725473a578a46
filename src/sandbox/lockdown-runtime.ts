/**
 * What of the runtime `lockdown()` must freeze besides the intrinsics:
 * everything that outlives one run and that a snippet can reach.
 *
 * - The modules snippets import (`MODULES`), the builtins (`print`,
 *   Python's exception classes), and the host object's shared functions:
 *   deep-frozen, classes and prototypes included.
 * - Classes a snippet only meets through instances — module-private ones
 *   like the state machine behind `asyncio.sleep()`, and exported ones that
 *   no module re-exports (the loop's session, the simulated web). A probe
 *   program (`PROBE`) runs once, before the lockdown, and leaves what it
 *   met; every prototype and function reachable from those objects is
 *   frozen. The objects themselves belong to that probe run and are not.
 *
 * The unit tests check the result the other way round: they run every
 * conformance scenario under the lockdown, collect every object the
 * runtime passes to the trace hooks, and fail on any object two runs share
 * that is not frozen.
 */
import { builtins, MODULES } from "../runtime/index.ts";
import { createHost } from "./host.ts";
import { runSnippet } from "./run.ts";

const { getOwnPropertyDescriptor, getPrototypeOf } = Object;
const hasOwn = Object.hasOwn;

/** The global the probe leaves its objects in (deleted right after). */
const PROBE_GLOBAL = "__asyncLabProbe";

/**
 * Meets every kind of object the runtime hands to snippets. It runs before
 * the lockdown, with the worker's globals still writable.
 */
export const PROBE = `import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as requests from "requests";
import * as time from "time";
import { BeautifulSoup } from "bs4";
const found: unknown[] = [];
async function job(): Promise<number> { await asyncio.sleep(0.01); return 1; }
async function main() {
  const loop = asyncio.getRunningLoop();
  const task = asyncio.createTask(job());
  found.push(loop, task, asyncio.currentTask(), loop.createFuture(), loop.callSoon(() => 0), loop.callLater(1, () => 0));
  const nap = asyncio.sleep(0.001);
  found.push(nap);
  await nap;
  await asyncio.sleep(0);
  found.push((task as any)._futWaiter);
  const prims = [new asyncio.Lock(), new asyncio.Semaphore(1), new asyncio.BoundedSemaphore(1), new asyncio.Event(), new asyncio.Condition(), new asyncio.Queue(1)];
  found.push(...prims);
  for (const p of prims.slice(0, 3) as asyncio.Semaphore[]) { const c = p.acquire(); found.push(c); await c; p.release(); }
  const blocked = new asyncio.Lock();
  await blocked.acquire();
  const waiting = asyncio.createTask(blocked.acquire() as any);
  await asyncio.sleep(0);
  blocked.release();
  await waiting;
  const t = asyncio.timeout(5);
  found.push(t);
  { await using _t = t; }
  const g = asyncio.gather(job(), job());
  found.push(g);
  await g;
  { await using tg = new asyncio.TaskGroup(); found.push(tg); tg.createTask(job()); }
  found.push(asyncio.shield(job()), asyncio.waitFor(job(), 1));
  await asyncio.wait([asyncio.createTask(job())]);
  for await (const f of asyncio.asCompleted([job()])) found.push(f);
  found.push(await loop.runInExecutor(null, () => time.sleep(0.01)), asyncio.toThread(() => 1));
  await using session = new aiohttp.ClientSession();
  const r = await session.get("https://httpbin.org/get");
  found.push(session, r, await r.text());
  const rr = requests.get("https://httpbin.org/get");
  found.push(rr, new BeautifulSoup("<html><head><title>t</title></head><body><p>x</p><!--c--></body></html>", "html.parser"));
  try { await asyncio.waitFor(asyncio.sleep(10), 0.1); } catch (e) { found.push(e); }
  task.cancel();
  try { await task; } catch (e) { found.push(e); }
}
asyncio.run(main());
(globalThis as any).${PROBE_GLOBAL} = found;
`;

/** Everything `lockdown()` should harden for the runtime (see the module comment). */
export function runtimeRoots(): unknown[] {
  const host = createHost();
  return [MODULES, builtins, host.co, host.at, host.imp, host.enter, host.exit, host.aiter, host.anext, ...sharedPartsOf(probeObjects())];
}

function probeObjects(): unknown[] {
  const g = globalThis as unknown as Record<string, unknown>;
  try {
    const r = runSnippet(PROBE, { trace: true });
    if (!r.ok) throw new Error(`the lockdown probe failed: ${r.error?.text}`);
    return (g[PROBE_GLOBAL] as unknown[] | undefined) ?? [];
  } finally {
    delete g[PROBE_GLOBAL];
  }
}

/**
 * Prototypes and functions reachable from `objects` (through own data
 * properties, prototypes and Map/Set contents; getters are not called).
 */
export function sharedPartsOf(objects: readonly unknown[]): object[] {
  const seen = new Set<unknown>();
  const todo: unknown[] = [...objects];
  const shared: object[] = [];
  while (todo.length > 0) {
    const o = todo.pop();
    if (!((typeof o === "object" && o !== null) || typeof o === "function") || seen.has(o)) continue;
    seen.add(o);
    if (typeof o === "function" || isPrototype(o)) {
      shared.push(o);
      continue; // harden() walks it from here
    }
    todo.push(getPrototypeOf(o));
    for (const key of Reflect.ownKeys(o)) {
      const d = getOwnPropertyDescriptor(o, key);
      if (d !== undefined && "value" in d) todo.push(d.value);
    }
    if (o instanceof Map) o.forEach((v, k) => todo.push(k, v));
    else if (o instanceof Set) o.forEach((v) => todo.push(v));
  }
  return shared;
}

function isPrototype(o: object): boolean {
  if (!hasOwn(o, "constructor")) return false;
  const d = getOwnPropertyDescriptor(o, "constructor");
  return d !== undefined && "value" in d && typeof d.value === "function" && (d.value as { prototype?: unknown }).prototype === o;
}
