// A real VS Code on an offline machine: code-server (VS Code server + workbench, from the npm registry)
// with Debian's chromium as its window, driven by playwright-core. Shared by the in-editor suite runner
// (code-shim) and the UI test. scripts/setup-vscode-offline.sh installs the pieces.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
  // Compiled to out/test/vscode; the repo root is the first folder upwards with package.json and .git or scripts/.
  let dir = start;
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`no repo root above ${start}`);
}

function toolsDir(): string {
  if (process.env.NIANBAO_TOOLS) return process.env.NIANBAO_TOOLS;
  const opt = '/opt/nianbao-tools';
  return fs.existsSync(opt) ? opt : path.join(REPO_ROOT, '.cache', 'tools');
}

/** Where the setup script put code-server and which chromium to use (env wins, for other installs). */
export function toolPaths(): { codeServer: string; chrome: string } {
  const codeServer = process.env.CODE_SERVER_BIN || path.join(toolsDir(), 'cs', 'node_modules', '.bin', 'code-server');
  const chrome = process.env.CHROME_BIN || '/usr/bin/chromium';
  for (const [what, p] of [['code-server', codeServer], ['chromium', chrome]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found at ${p}: run scripts/setup-vscode-offline.sh`);
  }
  return { codeServer, chrome };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Settings that keep the workbench quiet and offline; written only into a fresh user-data dir. */
export function writeQuietSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    ...extra,
  };
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  /** Scratch folder: HOME for code-server, its config and log. */
  scratchDir: string;
}

export interface CodeServer {
  port: number;
  baseUrl: string;
  logFile: string;
  /** vscode-remote:// URI of a path on this machine, as the workbench URL payload wants it. */
  remote(p: string): string;
  /** Workbench URL opening `folder`, optionally with an extension-development payload. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** Kills code-server's whole process group (extension host, file watcher, language servers included). */
  stop(): Promise<void>;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const { codeServer } = toolPaths();
  // code-server's extension scanner fails quietly on a missing extensions dir: the extension then never loads.
  for (const d of [opts.userDataDir, opts.extensionsDir, opts.scratchDir]) fs.mkdirSync(d, { recursive: true });
  const port = await freePort();
  const config = path.join(opts.scratchDir, 'code-server.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const logFile = path.join(opts.scratchDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    codeServer,
    [
      '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', opts.userDataDir, '--extensions-dir', opts.extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
    ],
    {
      detached: true, // its own process group, so stop() reaches every child it forks
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        HOME: opts.scratchDir,
        XDG_CONFIG_HOME: path.join(opts.scratchDir, '.config'),
        XDG_DATA_HOME: path.join(opts.scratchDir, '.local', 'share'),
        XDG_CACHE_HOME: path.join(opts.scratchDir, '.cache'),
        // No extension gallery: the machine is offline, and tests must not depend on open-vsx.org.
        EXTENSIONS_GALLERY: '{}',
      },
    },
  );
  fs.closeSync(log);
  const pgid = child.pid!;
  // If this process ends early (exit, or a timeout's SIGTERM / Ctrl+C), do not leave an orphaned server:
  // kill the group, then let the signal take its normal course.
  const onExit = () => killGroup(pgid, 'SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup(pgid, 'SIGKILL');
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', onExit);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 60_000;
  while (!(await canConnect(port))) {
    if (exited || Date.now() > deadline) {
      killGroup(pgid, 'SIGKILL');
      throw new Error(`code-server did not start; log:\n${tail(logFile)}`);
    }
    await sleep(100);
  }

  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    logFile,
    remote,
    workbenchUrl(folder, payload) {
      let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(folder))}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    async stop() {
      killGroup(pgid, 'SIGTERM');
      for (let i = 0; i < 30 && groupAlive(pgid); i++) await sleep(100);
      killGroup(pgid, 'SIGKILL');
      process.removeListener('exit', onExit);
      process.removeListener('SIGTERM', onSignal);
      process.removeListener('SIGINT', onSignal);
    },
  };
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pgid, signal); } catch { /* already gone */ }
}

function groupAlive(pgid: number): boolean {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

export function tail(file: string, lines = 40): string {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

/** Headless Debian chromium with a fresh profile and its own HOME/XDG folders. */
export async function launchChromium(scratchDir: string, viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  const { chrome } = toolPaths();
  const profile = path.join(scratchDir, 'chrome-profile');
  fs.mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: chrome,
    headless: true,
    viewport,
    env: {
      ...process.env,
      HOME: scratchDir,
      XDG_CONFIG_HOME: path.join(scratchDir, '.config'),
      XDG_CACHE_HOME: path.join(scratchDir, '.cache'),
    },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN',
    ],
  });
}

export function makeScratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
