// The readers and writers of .docx and .html (core/src/convert) with their libraries are a bundle of
// their own (dist/convert.js, see scripts/build.mjs): required here only when a .docx or .html is
// read or an export is asked for, so checking .md files starts as fast as before.

export type ConvertModule = typeof import('../../core/src/convert/index');

let loaded: ConvertModule | undefined;

export function loadConvert(): ConvertModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the converters load only when a file is not plain text
  loaded ??= require('../../core/src/convert/index') as ConvertModule;
  return loaded;
}
