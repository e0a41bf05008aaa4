// Push diagnostics (textDocument/publishDiagnostics), for editors that do not pull: a document is
// checked at once when opened and, after a change, once the debounce has passed without another
// change. What is published is for exactly the version it was computed for (./server.ts).

export class PushScheduler {
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; due: number; immediate: boolean }>();

  constructor(private readonly publish: (uri: string) => void) {}

  /** Checks `uri` after `delay` ms; an already pending immediate run covers a later one. */
  schedule(uri: string, delay: number): void {
    const due = Date.now() + delay;
    const pending = this.timers.get(uri);
    if (pending && pending.due <= due && delay > 0 && pending.immediate) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri);
    }, delay);
    this.timers.set(uri, { timer, due, immediate: delay === 0 });
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri)?.timer);
    this.timers.delete(uri);
  }
}
