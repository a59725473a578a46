// 'coroutine ... was never awaited' is printed the moment the coroutine object is dropped (at the call statement), and with
// the default warning filters only once per source line and coroutine name.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function greet(i: number) {
  log(`greet ${i}`);
}

async function other(i: number) {}

async function main() {
  log("loop calling greet() three times on one line");
  for (let i = 0; i < 3; i++) {
    greet(i);
  }
  log("same coroutine, another line");
  greet(9);
  log("two different coroutines created on one line: one warning each");
  for (const f of [greet, other]) {
    f(0);
  }
  log("kept in a variable: no warning until it is dropped");
  let c: Promise<void> | null = greet(5);
  await asyncio.sleep(1);
  log("dropping it");
  c = null;
  log("end of main");
}

asyncio.run(main());
