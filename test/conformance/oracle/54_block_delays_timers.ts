// Pitfall: time.sleep(2) (block) inside a coroutine freezes the whole loop; other tasks' timers due meanwhile fire late,
// all at the moment the loop regains control.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function ticker() {
  for (let i = 0; i < 6; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0.5);
  }
}

async function timer(name: string, delay: number) {
  const start = asyncio.getRunningLoop().time();
  await asyncio.sleep(delay);
  const late = asyncio.getRunningLoop().time() - start - delay;
  log(`${name}: woke (asked ${delay}s, late by ${late.toFixed(3)}s)`);
}

async function hog() {
  await asyncio.sleep(0.25);
  log("hog: blocking for 2 s with time.sleep");
  time.sleep(2);
  log("hog: done blocking");
}

async function main() {
  await asyncio.gather(ticker(), timer("t1", 1), timer("t2", 2.5), hog());
}

asyncio.run(main());
