// Blog: two greeters under gather run concurrently; both say Hello at t=0, Goodbye at t=1 (total 1 s, not 2 s).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function greet(name: string) {
  log(`Hello ${name}`);
  await asyncio.sleep(1);
  log(`Goodbye ${name}`);
  return name;
}

async function main() {
  log("main start");
  const res = await asyncio.gather(greet("Alice"), greet("Bob"));
  log(`gather -> ${repr(res)}`);
}

asyncio.run(main());
log("after run");
