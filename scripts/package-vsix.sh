#!/usr/bin/env bash
# Packages the built extension (dist/ from `npm run build`) into a VSIX with @vscode/vsce 3.9.2
# (vsce 4 needs Node 22). What goes in is decided by .vscodeignore, an allowlist; this script
# then checks the listing: the bundles are in, sources, tests and node_modules are not.
#
#   scripts/package-vsix.sh [out.vsix]      default: nianbao-<version>.vsix in the repo root
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

VERSION=$(node -p "require('./package.json').version")
NAME=$(node -p "require('./package.json').name")
OUT=${1:-$NAME-$VERSION.vsix}
for f in dist/client.js dist/server.js; do
  [ -f "$f" ] || { echo "package-vsix: $f missing; run npm run build first" >&2; exit 1; }
done

# Nothing else needed: the runtime libraries are bundled (all devDependencies) and package.json
# names the repository, so a plain `npx vsce package` makes the same package.
flags=()
[ -e LICENSE ] || [ -e LICENSE.md ] || [ -e LICENSE.txt ] || flags+=(--skip-license)

# Check the allowlist before building: `vsce ls` prints exactly the files that would be packaged.
listing=$(npx --no-install vsce ls --no-dependencies 2>/dev/null | grep -v 'Unknown user config' || true)
missing=0
for must in package.json dist/client.js dist/server.js; do
  grep -qx "$must" <<<"$listing" || { echo "package-vsix: $must would not be packaged" >&2; missing=1; }
done
if grep -E '(^|/)node_modules/|\.ts$|\.map$|^out/|^test/|^core/|^server/src|^client/src|^\.cache/|^test-artifacts/|\.vsix$' <<<"$listing"; then
  echo "package-vsix: files above must not be packaged (fix .vscodeignore)" >&2
  missing=1
fi
[ $missing = 0 ] || exit 1

mkdir -p "$(dirname "$OUT")"
npx --no-install vsce package ${flags[@]+"${flags[@]}"} --out "$OUT"
echo "package-vsix: $(wc -l <<<"$listing") files -> $OUT ($(du -k "$OUT" | cut -f1) KB)"
