// Executable entry of the analyst CLI (see cli.ts): `tsx experiments/src/run-cli.ts analyze FILE.json`.
// Kept apart from cli.ts so importing `main` (tests, other wrappers) never runs it.
import { main } from './cli';

process.exitCode = main(process.argv.slice(2));
