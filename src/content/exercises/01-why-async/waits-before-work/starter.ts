import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

// Three files to download; each takes one second to answer.
const urls = ["a", "b", "c"].map((name) => `https://httpbin.org/delay/1?file=${name}`);

async function makeThumbnail(image: string) {
  print(`resizing ${image}`);
  time.sleep(1); // stands in for a second of computation: no await anywhere
  print(`${image} resized`);
}

async function download(session: aiohttp.ClientSession, number: number, url: string) {
  const resp = await session.get(url);
  print(`file ${number}: ${resp.status}`);
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  await asyncio.gather(
    makeThumbnail("cat.png"),
    ...urls.map((url, i) => download(session, i + 1, url)),
  );
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
