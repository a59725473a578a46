import * as asyncio from "asyncio";
import * as time from "time";

let start = time.monotonic();
const since = () => `${(time.monotonic() - start).toFixed(1)} s`;

async function step(name: string, seconds: number) {
  try {
    await asyncio.sleep(seconds);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`  ${name} cancelled at ${since()}`);
    throw e;
  }
  print(`  ${name} done at ${since()}`);
}

// A deadline for each await: every step gets its own second.
async function eachWithWaitFor() {
  await asyncio.waitFor(step("reserve", 0.6), 1);
  await asyncio.waitFor(step("pay", 0.7), 1);
}

// One deadline for the block: both steps share one second.
async function allWithinTimeout() {
  await using _ = asyncio.timeout(1);
  await step("reserve", 0.6);
  await step("pay", 0.7);
}

async function checkout(label: string, steps: () => Promise<void>) {
  print(`${label}:`);
  start = time.monotonic();
  try {
    await steps();
    print(`  checked out after ${since()}`);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`  gave up after ${since()}`);
  }
}

async function main() {
  await checkout("a deadline per step", eachWithWaitFor);
  await checkout("one deadline for both", allWithinTimeout);
}

asyncio.run(main());
