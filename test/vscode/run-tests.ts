// Runs the extension's mocha suite (out/test/vscode/suite/index.js) inside a real VS Code:
// @vscode/test-electron's runTests, with code-shim (code-server + headless chromium) as the executable,
// because desktop VS Code cannot be downloaded on the offline CI machine.
//
//   node out/test/vscode/run-tests.js
// Overrides (used to try the harness on a throwaway extension):
//   NIANBAO_EXT_DEV_PATH, NIANBAO_EXT_TESTS_PATH, NIANBAO_TEST_WORKSPACE

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './code-server-session';

async function main(): Promise<number> {
  const shim = path.join(__dirname, 'code-shim.js');
  fs.chmodSync(shim, 0o755); // tsc does not keep the executable bit; runTests spawns the file directly
  const extensionDevelopmentPath = process.env.NIANBAO_EXT_DEV_PATH ?? REPO_ROOT;
  const extensionTestsPath = process.env.NIANBAO_EXT_TESTS_PATH ?? path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`run-tests: no suite at ${extensionTestsPath} (compile first: npx tsc -p .)`);
    return 1;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-vscode-suite-'));
  // The suite may edit files: give it a copy of its workspace, never the checked-in one.
  const workspace = path.join(scratch, 'workspace');
  const source = process.env.NIANBAO_TEST_WORKSPACE ?? path.join(REPO_ROOT, 'test', 'vscode', 'workspace');
  if (fs.existsSync(source)) fs.cpSync(source, workspace, { recursive: true });
  else fs.mkdirSync(workspace);

  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [
        workspace,
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
        `--extensions-dir=${path.join(scratch, 'extensions')}`,
      ],
      extensionTestsEnv: { NIANBAO_TEST_WORKSPACE: workspace },
    });
    return 0;
  } catch (err) {
    console.error('run-tests: the suite failed:', err instanceof Error ? err.message : err);
    return 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('run-tests:', err);
    process.exit(1);
  },
);
