// W1 switch: N tasks, each 100 × `await asyncio.sleep(0)`, gathered. Ops: N×100 loop steps.
import * as asyncio from "asyncio";

const N = Number("__N__");

async function worker() {
  for (let i = 0; i < 100; i++) await asyncio.sleep(0);
}

async function main() {
  const workers = [];
  for (let i = 0; i < N; i++) workers.push(worker());
  await asyncio.gather(...workers);
}

asyncio.run(main());
print("ok");
