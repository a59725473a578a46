import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

function loadSettings(): Record<string, string> {
  time.sleep(0.5); // reads a large settings file from a slow disk
  return { theme: "dark" };
}

async function refreshSettings() {
  return loadSettings();
}

async function fetchStatus(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  return resp.status;
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  const results = await asyncio.gather(
    refreshSettings(),
    fetchStatus(session, "https://www.python.org/"),
    fetchStatus(session, "https://pypi.org/"),
    fetchStatus(session, "https://slow.example/"),
  );
  print(results);
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
