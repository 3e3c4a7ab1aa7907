// Prints one line, `tests: N passed, N failed`, from the test runners' own JSON results in artifacts/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const dir = 'artifacts';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^(jest|browser)-.*\.json$/.test(f)) : [];
for (const f of files) {
  const r = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  passed += r.numPassedTests ?? 0;
  // A suite that fails to load has no failed tests but must still count as a failure.
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
