// W2 semaphore: N tasks, one Semaphore(100); each acquires, sleeps 0 once, releases. Ops: N tasks.
import * as asyncio from "asyncio";

const N = Number("__N__");
const sem = new asyncio.Semaphore(100);

async function worker() {
  await using _ = sem;
  await asyncio.sleep(0);
}

async function main() {
  const workers = [];
  for (let i = 0; i < N; i++) workers.push(worker());
  await asyncio.gather(...workers);
}

asyncio.run(main());
print("ok");
