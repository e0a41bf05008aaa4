// The version the CLI prints and the server reports in serverInfo: package.json's, one place.
// The bundles get it from the build (scripts/build.mjs defines NIANBAO_VERSION); the unbundled
// build the tests run reads the package.json above this file.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

declare const NIANBAO_VERSION: string | undefined;

function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'nianbao' && pkg.version) return pkg.version;
    } catch {
      /* not here: look further up */
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

export function nianbaoVersion(): string {
  return typeof NIANBAO_VERSION === 'string' ? NIANBAO_VERSION : packageVersion();
}
