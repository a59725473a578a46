import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const API = "https://api.ratelimited.example/items"; // one second per item, three at a time
const limit = new asyncio.Semaphore(3);

function parse(body: string): string {
  time.sleep(0.05); // a little CPU work on each answer
  return (JSON.parse(body) as { name: string }).name;
}

async function fetchName(session: aiohttp.ClientSession, id: number) {
  await using _ = limit;
  const resp = await session.get(`${API}/${id}`);
  return parse(await resp.text());
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  const names: string[] = [];
  for (let id = 1; id <= 6; id++) {
    names.push(await fetchName(session, id));
  }
  print(names);
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
