// Equal deadlines: the timeout timer is created before the inner sleep's timer, so wait_for(sleep(1), 1) and timeout(1)
// around sleep(1) both time out; sleep(0.9) does not.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function sleeper(d: number) {
  await asyncio.sleep(d);
  return `slept ${d}`;
}

async function main() {
  for (const d of [1, 0.9]) {
    try {
      log(`wait_for(sleep(${d}), 1) -> ${await asyncio.waitFor(sleeper(d), 1)}`);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log(`wait_for(sleep(${d}), 1) -> ${excStr(e)}`);
    }
    try {
      let r: string;
      {
        await using _ = asyncio.timeout(1);
        r = await sleeper(d);
      }
      log(`timeout(1): sleep(${d}) -> ${r}`);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log(`timeout(1): sleep(${d}) -> ${excStr(e)}`);
    }
  }
}

asyncio.run(main());
