// Lock and Semaphore waiters cancelled while queued are skipped without disturbing FIFO order; a waiter that was woken by
// release() but cancelled before it ran passes the permit on, so nothing is leaked.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

type Primitive = asyncio.Lock | asyncio.Semaphore;

async function user(name: string, prim: Primitive) {
  try {
    await using _ = prim;
    log(`${name} acquired`);
    await asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled while waiting`);
    throw e;
  }
}

async function scenario(label: string, prim: Primitive) {
  log(`--- ${label}`);
  await prim.acquire();
  const ts: Record<string, asyncio.Task> = {};
  for (const n of ["W1", "W2", "W3", "W4"]) ts[n] = asyncio.createTask(user(n, prim));
  await asyncio.sleep(0.5);
  ts["W2"].cancel();
  await asyncio.sleep(0.5);
  prim.release();
  log(`released; W1 woken but cancelled before it runs -> ${str(ts["W1"].cancel())}`);
  await asyncio.gather(...Object.values(ts), { returnExceptions: true });
  log(`${label} locked() at the end: ${str(prim.locked())}`);
}

async function main() {
  await scenario("Lock", new asyncio.Lock());
  await scenario("Semaphore(1)", new asyncio.Semaphore(1));
}

asyncio.run(main());
