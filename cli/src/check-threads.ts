// Checking a folder on several threads. Each worker thread loads the checker once and checks the
// files it is sent (checkFile); the main thread walks the targets, plans the cross-year pairing,
// and prints the results strictly in the order of the files, so the output is the same as that of
// a check on one thread. Files go to a thread in chunks of CHUNK (a message between threads costs
// about as much as checking a small part of a report), and at most CHUNKS_AHEAD_PER_THREAD chunks
// per thread are ahead of the one printed next: memory stays bounded whatever the number of files
// (a slow file holds the others back instead of letting finished results pile up).

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as os from 'node:os';
import { createSharedMemos, type ResolvedConfig } from '../../core/src/index';
import { checkFile, unchecked, type CheckEnv, type FileDone, type FileJob } from './check-file';

/** Marks the thread data of a checking thread (the CLI's entry module then serves checks instead of parsing arguments). */
const ROLE = 'nianbao-check-thread';
/** Consecutive files sent to a thread in one message, and answered in one. */
const CHUNK = 8;
/** Chunks sent to a thread before its answer: it never waits for the round trip. */
const QUEUED_PER_THREAD = 2;
/** Chunks checked ahead of the next one printed, per thread. */
const CHUNKS_AHEAD_PER_THREAD = 3;
/** Below this many files the threads' start-up (about a tenth of a second each) is not won back. */
export const MIN_FILES_FOR_THREADS = 32;
/** More threads than this gain little: the main thread's printing and the file system become the limit. */
const MAX_THREADS = 4;
/** Threads replaced after a crash (out of memory in one file) before the remaining files are given up. */
const MAX_RESTARTS = 8;

interface ThreadData {
  role: typeof ROLE;
  cwd: string;
  config: ResolvedConfig;
  profile?: string;
  forPage: boolean;
}

/** True in a checking thread started by checkOnThreads. */
export function isCheckThread(): boolean {
  return !isMainThread && (workerData as ThreadData | undefined)?.role === ROLE;
}

/** The body of a checking thread: checks each file it is sent, answers with its FileDone. */
export function serveChecks(): void {
  const data = workerData as ThreadData;
  const env: CheckEnv = { cwd: data.cwd, run: { config: data.config, profile: data.profile, shared: createSharedMemos() }, forPage: data.forPage };
  parentPort!.on('message', ({ id, jobs }: { id: number; jobs: FileJob[] }) => {
    // checkFile answers every file, a failure included (should it throw, the thread dies and the
    // pool fails only that file: see lost below).
    parentPort!.postMessage({ id, dones: jobs.map((job) => checkFile(job, env)) });
  });
}

/** How many threads `--jobs auto` uses: one per core, up to MAX_THREADS; 1 on a one-core machine. */
export function autoJobs(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(MAX_THREADS, cores));
}

interface Pending {
  id: number;
  jobs: FileJob[];
  resolve: (dones: FileDone[]) => void;
}

/** A set of checking threads fed from one queue. */
class ThreadPool {
  private readonly threads = new Map<Worker, Map<number, Pending>>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private restarts = 0;
  private closing = false;

  constructor(
    private readonly entry: string,
    private readonly data: ThreadData,
    count: number,
  ) {
    for (let i = 0; i < count; i++) this.start();
  }

  check(jobs: FileJob[]): Promise<FileDone[]> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, jobs, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.threads.keys()].map((w) => w.terminate()));
  }

  private start(): void {
    // What a library might print to a thread's stdout must not mix with the report there: dropped.
    const worker = new Worker(this.entry, { workerData: this.data, stdout: true });
    worker.stdout.resume();
    const inFlight = new Map<number, Pending>();
    this.threads.set(worker, inFlight);
    worker.on('message', ({ id, dones }: { id: number; dones: FileDone[] }) => {
      const pending = inFlight.get(id);
      if (!pending) return;
      inFlight.delete(id);
      pending.resolve(dones);
      this.pump();
    });
    // A thread that dies (out of memory on one crafted file) is replaced. It checks its chunks in
    // the order sent, so it died on the first it held: that one is checked again file by file (only
    // the file that kills a thread fails), the others are sent again as they are.
    const lost = (why: string) => {
      if (!this.threads.has(worker)) return;
      this.threads.delete(worker);
      const held = [...inFlight.values()].sort((a, b) => a.id - b.id);
      inFlight.clear();
      if (this.closing) return;
      const [suspect, ...waiting] = held;
      this.queue.unshift(...(suspect ? this.oneByOne(suspect, why) : []), ...waiting);
      if (this.restarts++ < MAX_RESTARTS) this.start();
      this.pump();
    };
    worker.on('error', (e) => lost(e?.message ?? String(e)));
    worker.on('exit', (code) => lost(`退出码 ${code}`));
  }

  /** A chunk lost with its thread, as chunks of one file each; a file lost alone fails. */
  private oneByOne(p: Pending, why: string): Pending[] {
    if (p.jobs.length === 1) {
      p.resolve([unchecked(p.jobs[0], this.data.cwd, `检查时出错：检查线程意外退出（${why}）`)]);
      return [];
    }
    const dones = new Array<FileDone>(p.jobs.length);
    let left = p.jobs.length;
    return p.jobs.map((job, i) => ({
      id: this.nextId++,
      jobs: [job],
      resolve: ([done]: FileDone[]) => {
        dones[i] = done;
        if (--left === 0) p.resolve(dones);
      },
    }));
  }

  private pump(): void {
    // Every thread lost and none may be started: what is left is not checked (never a hang).
    if (this.threads.size === 0) {
      for (const p of this.queue.splice(0)) p.resolve(p.jobs.map((job) => unchecked(job, this.data.cwd, '检查时出错：检查线程多次意外退出，未检查')));
      return;
    }
    for (const [worker, inFlight] of this.threads) {
      while (inFlight.size < QUEUED_PER_THREAD && this.queue.length) {
        const p = this.queue.shift()!;
        inFlight.set(p.id, p);
        worker.postMessage({ id: p.id, jobs: p.jobs });
      }
    }
  }
}

export interface ThreadOptions {
  /** The module a thread runs: the CLI's entry, which calls serveChecks in a checking thread. */
  entry: string;
  threads: number;
  env: Omit<CheckEnv, 'run'> & { config: ResolvedConfig; profile?: string };
}

/**
 * The checks of `items` in their order, `threads` at a time. Items that are not jobs (a skipped
 * link loop) pass through in their place. `jobs` is pulled lazily, as files are sent.
 */
export async function* checkOnThreads<T>(items: Iterable<FileJob | T>, isJob: (item: FileJob | T) => item is FileJob, options: ThreadOptions): AsyncGenerator<FileDone | T> {
  const { env } = options;
  const pool = new ThreadPool(options.entry, { role: ROLE, cwd: env.cwd, config: env.config, profile: env.profile, forPage: env.forPage }, options.threads);
  // The chunk's results in its order, items that are not jobs in their places.
  const checkChunk = async (chunk: (FileJob | T)[]): Promise<(FileDone | T)[]> => {
    const jobs = chunk.filter(isJob);
    const dones = jobs.length ? await pool.check(jobs) : [];
    let k = 0;
    return chunk.map((item) => (isJob(item) ? dones[k++] : item));
  };
  try {
    const ahead: Promise<(FileDone | T)[]>[] = [];
    const next = items[Symbol.iterator]();
    let exhausted = false;
    const fill = () => {
      while (!exhausted && ahead.length < options.threads * CHUNKS_AHEAD_PER_THREAD) {
        const chunk: (FileJob | T)[] = [];
        while (chunk.length < CHUNK) {
          const item = next.next();
          if (item.done) {
            exhausted = true;
            break;
          }
          chunk.push(item.value);
        }
        if (chunk.length) ahead.push(checkChunk(chunk));
      }
    };
    fill();
    while (ahead.length) {
      const dones = await ahead.shift()!;
      fill(); // before printing, so the threads are never idle while the main thread writes
      yield* dones;
    }
  } finally {
    await pool.close();
  }
}
