// Reads the TRX files a `dotnet test --report-xunit-trx` run wrote and prints the counts over all of them:
//   N passed, N failed, N skipped
// Each <UnitTestResult> is one test (one row of a theory). Failed also counts Error, Timeout and Aborted outcomes;
// skipped counts NotExecuted (xunit's skipped tests) and the other did-not-run outcomes.
// Usage: node summarize-trx.mjs RESULTS_DIR [EXPECTED_FILES]   (exit 2 when fewer TRX files than expected)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, expectedArg] = process.argv.slice(2);
const files = readdirSync(dir).filter(f => f.endsWith('.trx')).sort();
const total = { passed: 0, failed: 0, skipped: 0 };
const unknown = new Map();
const failedNames = [];

for (const file of files) {
  const xml = readFileSync(join(dir, file), 'utf8');
  const own = { passed: 0, failed: 0, skipped: 0 };
  for (const [tag] of xml.matchAll(/<UnitTestResult\b[^>]*>/g)) {
    const outcome = /\boutcome="([^"]*)"/.exec(tag)?.[1] ?? '';
    const name = (/\btestName="([^"]*)"/.exec(tag)?.[1] ?? '?').replaceAll('&quot;', '"').replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'");
    if (outcome === 'Passed' || outcome === 'PassedButRunAborted' || outcome === 'Warning') own.passed++;
    else if (['Failed', 'Error', 'Timeout', 'Aborted'].includes(outcome)) { own.failed++; failedNames.push(name); }
    else if (['NotExecuted', 'Inconclusive', 'NotRunnable', 'Disconnected', 'Pending'].includes(outcome)) own.skipped++;
    else { own.failed++; unknown.set(outcome, (unknown.get(outcome) ?? 0) + 1); failedNames.push(`${name} (outcome ${outcome})`); }
  }
  const storage = /\bstorage="([^"]*)"/.exec(xml)?.[1]?.split('/').pop() ?? 'no tests';
  console.log(`  ${file} (${storage}): ${own.passed} passed, ${own.failed} failed, ${own.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += own[k];
}

if (failedNames.length) console.log('  failed tests:\n' + failedNames.map(n => `    - ${n}`).join('\n'));
if (unknown.size) console.log(`  unknown outcomes counted as failed: ${[...unknown].map(([k, v]) => `${k}×${v}`).join(', ')}`);
const expected = Number(expectedArg ?? 0);
let code = 0;
if (files.length < expected) {
  console.log(`  only ${files.length} TRX file(s) for ${expected} test project(s): a test app did not report`);
  code = 2;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(code);
