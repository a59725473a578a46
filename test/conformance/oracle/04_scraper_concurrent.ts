// Blog: a scraper fetching 3 pages of different latency concurrently finishes at the slowest (3 s); gather keeps input order.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

const PAGES: Record<string, number> = { "/home": 3.0, "/about": 1.0, "/contact": 2.0 };

async function fetchPage(path: string) {
  log(`GET ${path}`);
  await asyncio.sleep(PAGES[path]);
  const body = `${path.slice(1)}-content`;
  log(`200 ${path} (${body.length} bytes)`);
  return body;
}

async function scrape() {
  const tasks = Object.keys(PAGES).map((p) => asyncio.createTask(fetchPage(p)));
  log("all requests scheduled");
  const pages = await asyncio.gather(...tasks);
  log(`scraped ${str(pages)}`);
  return pages.length;
}

const n = asyncio.run(scrape());
log(`run returned ${n}`);
