// Standard output for a stream of results: text is gathered into chunks of about 64 KB (one
// write per finding would be one system call each), the stream's backpressure is honoured (a slow
// reader never makes output pile up in memory), and a reader that goes away (`nianbao check … |
// head`) ends the process quietly instead of with an EPIPE stack trace.

const CHUNK = 64 * 1024;

export class Output {
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** Queues `text`; resolves once it may continue (at once, unless the stream is full). */
  async write(text: string): Promise<void> {
    if (!text) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) await this.flush();
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
