import * as asyncio from "asyncio";

async function brew(drink: string, seconds: number) {
  print(`start ${drink}`);
  await asyncio.sleep(seconds);
  print(`${drink} ready`);
}

async function main() {
  await asyncio.gather(brew("tea", 3), brew("coffee", 2));
}

asyncio.run(main());
