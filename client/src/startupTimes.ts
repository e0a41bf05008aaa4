// Where the time from opening a report to its first diagnostics goes: wall-clock marks (epoch ms,
// so a test driving the window can set them against its own clock) written once as one line to
// the language server's output channel, e.g.
//   nianbao startup {"activated":…,"clientLoaded":…,"serverReady":…,"firstDiagnostics":…}
// test/ui/ui.test.ts reads that line from the window's log to report the breakdown.

export interface StartupTimes {
  /** activate() entered (the extension host has loaded dist/client.js). */
  activated: number;
  /** dist/lsp.js (vscode-languageclient) loaded. */
  clientLoaded?: number;
  /** The server answered initialize and the client is running. */
  serverReady?: number;
  /** The first diagnostics arrived from the server. */
  firstDiagnostics?: number;
}

export const STARTUP_LOG_PREFIX = 'nianbao startup ';
/** Written when the server is up (on opening a report, or early in a folder with report files). */
export const SERVER_READY_LINE = 'nianbao server ready';

export function startupLine(times: StartupTimes): string {
  return STARTUP_LOG_PREFIX + JSON.stringify(times);
}
