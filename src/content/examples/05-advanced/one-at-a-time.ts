import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const API = "https://api.ratelimited.example/items";

async function fetchItem(session: aiohttp.ClientSession, id: number) {
  const resp = await session.get(`${API}/${id}`);
  return resp.status;
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  const statuses: number[] = [];
  for (let id = 1; id <= 9; id++) {
    statuses.push(await fetchItem(session, id)); // waits for each answer before asking again
  }
  print(statuses, `took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
