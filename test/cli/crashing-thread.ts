// A checking thread that dies on any chunk holding a file named *crash*: the thread pool's tests
// start it in place of the CLI's entry (cli-threads.test.ts).

import { parentPort } from 'node:worker_threads';
import { serveChecks } from '../../cli/src/check-threads';

// Registered first, so it runs before the thread checks the chunk.
parentPort!.on('message', ({ jobs }: { jobs: { file: string }[] }) => {
  if (jobs.some((job) => job.file.includes('crash'))) process.exit(3);
});
serveChecks();
