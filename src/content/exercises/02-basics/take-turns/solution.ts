import * as asyncio from "asyncio";

// Each job is done in three quick chunks of work.
async function crunch(job: string) {
  for (let chunk = 1; chunk <= 3; chunk++) {
    print(`${job}: chunk ${chunk}`);
    // Yield after each chunk: this task goes to the back of the ready queue,
    // so the other job gets its turn, and no time passes.
    await asyncio.sleep(0);
  }
}

async function main() {
  await asyncio.gather(crunch("report"), crunch("backup"));
}

asyncio.run(main());
