// Preloaded into the measured CLI process (node --require): on exit, writes its peak resident set
// size in KB to the file named by NIANBAO_RSS_OUT. The CLI itself is unchanged.

import { writeFileSync } from 'node:fs';

const out = process.env.NIANBAO_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
