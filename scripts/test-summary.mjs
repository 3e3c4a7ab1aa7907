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
// Node's test runner writes TAP; its closing comments carry the counts.
for (const f of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tap')) : []) {
  const tap = readFileSync(`${dir}/${f}`, 'utf8');
  passed += Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0);
  failed +=
    Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? 0) + Number(/^# cancelled (\d+)$/m.exec(tap)?.[1] ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
