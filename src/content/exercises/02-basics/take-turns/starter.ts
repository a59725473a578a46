import * as asyncio from "asyncio";

// Each job is done in three quick chunks of work.
async function crunch(job: string) {
  for (let chunk = 1; chunk <= 3; chunk++) {
    print(`${job}: chunk ${chunk}`);
  }
}

async function main() {
  await asyncio.gather(crunch("report"), crunch("backup"));
}

asyncio.run(main());
