// Standard output for a stream of results: text is gathered into chunks of about 64 KB (one
// write per finding would be one system call each), the stream's backpressure is honoured (a slow
// reader never makes output pile up in memory), and a reader that goes away (`nianbao check … |
// head`) ends the process quietly instead of with an EPIPE stack trace.

import * as fs from 'node:fs';
import * as path from 'node:path';

const CHUNK = 64 * 1024;

type Sink = Pick<NodeJS.WritableStream, 'write' | 'once'>;

export class Output {
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly stream: Sink) {}

  /** Queues `text`; resolves once it may continue (at once, unless the stream is full). */
  async write(text: string): Promise<void> {
    if (!text) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) await this.flush();
  }

  /** Writes a string, or chunks one after the other (each awaited: a long page never piles up). */
  async writeAll(text: string | Iterable<string>): Promise<void> {
    if (typeof text === 'string') return this.write(text);
    for (const chunk of text) await this.write(chunk);
  }

  /** Writes what is queued and waits while the stream is full. */
  async flush(): Promise<void> {
    if (this.pendingLength === 0) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}

/**
 * A closed pipe on stdout or stderr ends the process at once and without a message, with the exit
 * code earned so far (process.exitCode: 1 once an error was printed, else 0).
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit();
      throw err;
    });
  }
}

/** Lets the event loop run (stream errors such as EPIPE are delivered there). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface Destination {
  output: Output;
  /** Flushes; for a file, closes it and puts it in place. */
  close(): Promise<void>;
}

/**
 * Standard output, or (`-o FILE`) a file. A file is written as a hidden temporary file beside it
 * and renamed once complete, so a run that fails half-way never leaves half a page where the last
 * good one was (the temporary file is removed at exit). Says why on stderr and returns undefined
 * when the folder cannot be written.
 */
export function openDestination(output: string | undefined, cwd: string): Destination | undefined {
  if (!output || output === '-') {
    const out = new Output(process.stdout);
    return { output: out, close: () => out.flush() };
  }
  const file = path.resolve(cwd, output);
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.part`);
  let fd: number;
  try {
    fd = fs.openSync(partial, 'w', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件夹不存在' : code === 'EACCES' || code === 'EPERM' ? '没有权限' : (e as Error).message;
    process.stderr.write(`nianbao: 无法写入 ${output}：${why}\n`);
    return undefined;
  }
  const removePartial = () => fs.rmSync(partial, { force: true });
  process.once('exit', removePartial);
  const stream = fs.createWriteStream('', { fd });
  const out = new Output(stream);
  return {
    output: out,
    async close() {
      await out.flush();
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(resolve);
      });
      fs.renameSync(partial, file);
      process.removeListener('exit', removePartial);
    },
  };
}
