import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

const API = "https://api.ratelimited.example/items"; // three requests at a time, or 429
const urls = [
  `${API}/1`,
  `${API}/2`,
  `${API}/3`,
  "https://blackhole.example/", // never answers
  `${API}/4`,
  "https://refused.example/", // refuses the connection
  `${API}/5`,
];
const limit = new asyncio.Semaphore(3); // bound your concurrency
const timeout = new aiohttp.ClientTimeout({ total: 2 }); // a timeout on every wait

async function check(session: aiohttp.ClientSession, url: string) {
  await using _ = limit;
  try {
    const resp = await session.get(url);
    return `${url}: ${resp.status}`;
  } catch (e) {
    // Handle errors per task: a bad URL costs only its own line.
    if (e instanceof TimeoutError) return `${url}: timed out`;
    if (e instanceof aiohttp.ClientError) return `${url}: ${str(e)}`;
    throw e;
  }
}

async function notify(summary: string) {
  await asyncio.sleep(0.1); // posts to the team's chat
  print(`posted: ${summary}`);
}

async function main() {
  await using session = new aiohttp.ClientSession({ timeout }); // for every request
  const lines = await asyncio.gather(...urls.map((url) => check(session, url)));
  for (const line of lines) print(line);
  await notify(`${lines.length} URLs checked`); // await every coroutine
}

asyncio.run(main());
