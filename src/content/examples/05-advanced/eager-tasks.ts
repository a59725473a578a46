import * as asyncio from "asyncio";

const cache = new Map([["python.org", "Welcome to Python.org"]]);

async function title(host: string) {
  const known = cache.get(host);
  if (known !== undefined) {
    print(`  ${host}: from the cache`); // no await on this path
    return known;
  }
  print(`  ${host}: fetching`);
  await asyncio.sleep(1); // stands in for a request
  print(`  ${host}: fetched`);
  return `${host}'s title`;
}

async function lookUp(eager: boolean) {
  const tasks: asyncio.Task<string>[] = [];
  for (const host of ["python.org", "pypi.org"]) {
    const task = asyncio.createTask(title(host), { eagerStart: eager });
    print(`  created the task for ${host}, done: ${str(task.done())}`);
    tasks.push(task);
  }
  print("  main awaits");
  await asyncio.gather(...tasks);
}

async function main() {
  print("lazy tasks:");
  await lookUp(false);
  print("eager tasks:");
  await lookUp(true);
}

asyncio.run(main());
