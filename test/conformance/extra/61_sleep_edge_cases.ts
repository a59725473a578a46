// sleep(d) with d <= 0 (0, -1, -inf) is sleep(0): one bare yield, one iteration, no timer; sleep(d, result=x) returns x;
// sleep(NaN) raises ValueError (3.13+).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0);
  }
}

async function main() {
  const tk = asyncio.createTask(ticker(4));
  for (const d of [0, -1, -Infinity]) {
    const r = await asyncio.sleep(d, `slept ${str(d)}`);
    log(`sleep(${str(d)}) -> ${repr(r)}`);
  }
  log(`sleep(0.5, result=...) -> ${str(await asyncio.sleep(0.5, { k: 1 }))}`);
  try {
    await asyncio.sleep(NaN);
    log("sleep(nan) returned");
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`sleep(nan): ${excStr(e)}`);
  }
  await tk;
}

asyncio.run(main());
