// gather returns results in argument order, not completion order; children still complete (and log) in time order.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function job(name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} finished after ${delay}`);
  return `${name}:${delay}`;
}

async function main() {
  const res = await asyncio.gather(job("slow", 3), job("fast", 1), job("mid", 2), job("instant", 0));
  log(`gather -> ${str(res)}`);
}

asyncio.run(main());
