import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const API = "https://api.ratelimited.example/items"; // three requests at a time, or 429
const limit = new asyncio.Semaphore(3);
const timeout = new aiohttp.ClientTimeout({ total: 2 });

async function fetchName(session: aiohttp.ClientSession, id: number) {
  await using _ = limit;
  await asyncio.sleep(0.2); // be polite: pause this task, not the whole loop
  try {
    const resp = await session.get(`${API}/${id}`);
    const item = (await resp.json()) as { name: string };
    return item.name;
  } catch (e) {
    if (e instanceof TimeoutError || e instanceof aiohttp.ClientError) return null;
    throw e;
  }
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession({ timeout });
  const ids = [1, 2, 3, 4, 5, 6];
  const names = await asyncio.gather(...ids.map((id) => fetchName(session, id)));
  print(names);
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
