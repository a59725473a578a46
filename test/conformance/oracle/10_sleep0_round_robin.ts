// sleep(0) yields exactly one loop iteration: three tasks yielding with sleep(0) interleave round-robin in creation order.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function spinner(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    log(`${name}${i}`);
    await asyncio.sleep(0);
  }
  log(`${name} done`);
}

async function main() {
  await asyncio.gather(spinner("A", 3), spinner("B", 2), spinner("C", 4));
  log("all done");
}

asyncio.run(main());
