#!/usr/bin/env node
// Stands in for the VS Code executable in @vscode/test-electron's runTests({ vscodeExecutablePath }).
// Desktop VS Code cannot be downloaded here, so this takes the desktop command line runTests builds
// (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, [folder]),
// starts code-server, opens its workbench in headless chromium with the same test payload, streams the
// extension host's output and exits with the suite's exit code, as desktop VS Code would.

import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, makeScratchDir, startCodeServer, tail, writeQuietSettings, type CodeServer } from './code-server-session';

interface ShimArgs {
  devPaths: string[];
  testsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

function parseArgs(argv: string[]): ShimArgs {
  const out: ShimArgs = { devPaths: [] };
  for (const a of argv) {
    const m = /^--([A-Za-z-]+)=(.*)$/.exec(a);
    if (m) {
      const [, key, value] = m;
      if (key === 'extensionDevelopmentPath') out.devPaths.push(path.resolve(value));
      else if (key === 'extensionTestsPath') out.testsPath = path.resolve(value);
      else if (key === 'user-data-dir') out.userDataDir = path.resolve(value);
      else if (key === 'extensions-dir') out.extensionsDir = path.resolve(value);
      // other desktop-only flags (--disable-gpu-sandbox, --skip-welcome …) mean nothing to code-server
    } else if (!a.startsWith('-')) {
      out.folder = path.resolve(a);
    }
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath || args.devPaths.length === 0) {
    console.error('code-shim: need --extensionTestsPath= and --extensionDevelopmentPath=');
    return 2;
  }
  const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS || 300_000);
  const scratch = makeScratchDir('nianbao-code-shim-');
  const userDataDir = args.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = args.extensionsDir ?? path.join(scratch, 'extensions');
  let folder = args.folder ?? fs.mkdtempSync(path.join(scratch, 'ws-'));
  if (fs.existsSync(folder) && fs.statSync(folder).isFile()) folder = path.dirname(folder);
  writeQuietSettings(userDataDir);

  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const cleanup = async () => {
    try { await browser?.close(); } catch { /* browser already gone */ }
    await server?.stop();
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

  try {
    server = await startCodeServer({ userDataDir, extensionsDir, scratchDir: scratch });
    browser = await launchChromium(scratch);
    const page = browser.pages()[0] ?? (await browser.newPage());
    let finish!: (code: number | 'timeout') => void;
    const finished = new Promise<number | 'timeout'>((r) => (finish = r));
    // The workbench's smoke-test hooks: extension-host console output, and the suite's exit code.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    const s = server;
    const payload: [string, string][] = [
      ...args.devPaths.map((p): [string, string] => ['extensionDevelopmentPath', s.remote(p)]),
      ['extensionTestsPath', s.remote(args.testsPath)],
    ];
    await page.goto(server.workbenchUrl(folder, payload));
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const code = await finished;
    clearTimeout(timer);
    if (code === 'timeout') {
      console.error(`code-shim: the suite did not finish within ${timeoutMs} ms; code-server log:\n${tail(server.logFile)}`);
      return 1;
    }
    return code;
  } catch (err) {
    console.error('code-shim:', err instanceof Error ? err.stack : err);
    if (server) console.error(tail(server.logFile));
    return 1;
  } finally {
    await cleanup();
    if (!process.env.NIANBAO_KEEP_SCRATCH) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('code-shim:', err);
    process.exit(1);
  },
);
