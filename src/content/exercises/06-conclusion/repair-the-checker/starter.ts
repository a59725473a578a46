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

async function check(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  return `${url}: ${resp.status}`;
}

async function notify(summary: string) {
  await asyncio.sleep(0.1); // posts to the team's chat
  print(`posted: ${summary}`);
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const lines = await asyncio.gather(...urls.map((url) => check(session, url)));
  for (const line of lines) print(line);
  notify(`${lines.length} URLs checked`);
}

asyncio.run(main());
