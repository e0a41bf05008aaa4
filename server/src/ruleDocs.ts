// Where diagnostics link for a rule's documentation: the folder of rule pages packaged beside the
// bundle (dist/../docs/rules/<id>.md) when it is there, so the link opens the rule's own page
// offline inside the editor.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_DOCS_URL } from '../../core/src/service/diagnostics';

export function ruleDocsUrl(bundleDir: string = __dirname): string {
  const local = path.join(bundleDir, '..', 'docs', 'rules');
  return fs.existsSync(local) ? `${pathToFileURL(local).href}/` : RULE_DOCS_URL;
}
