// A private temporary file that text is appended to while files are checked and that is read back,
// chunk by chunk, at the end: the review page puts its summary table above the findings, and
// neither is known until the last file is checked. Memory holds one chunk, never the page.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 64 * 1024;

/** A folder of spools, made (mode 0700) at the first use and removed by `dispose` or at exit. */
export class SpoolDir {
  private dir?: string;
  private readonly spools: Spool[] = [];
  private readonly onExit = () => this.dispose();

  spool(name: string): Spool {
    if (!this.dir) {
      // The findings quote the drafts, which may be confidential: a folder only the user can read.
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-review-'));
      // A reader closing the pipe ends the process at once (output.ts): remove the folder then too.
      process.once('exit', this.onExit);
    }
    const s = new Spool(path.join(this.dir, name));
    this.spools.push(s);
    return s;
  }

  dispose(): void {
    for (const s of this.spools) s.close();
    this.spools.length = 0;
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    process.removeListener('exit', this.onExit);
  }
}

export class Spool {
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w+', 0o600);
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  /** Everything written, in chunks of about 64 KB (a chunk never splits a character). */
  *read(): Generator<string> {
    this.flush();
    const buf = Buffer.alloc(CHUNK);
    const decoder = new StringDecoder('utf8');
    for (let pos = 0; ; ) {
      const n = fs.readSync(this.fd!, buf, 0, CHUNK, pos);
      if (n === 0) break;
      pos += n;
      yield decoder.write(buf.subarray(0, n));
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    fs.writeSync(this.fd!, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}
