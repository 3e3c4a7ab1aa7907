// Console errors fail the test that caused them (and only that one), with the server log's tail for context.
import type { AppStack } from './app-stack';
import type { TestPage } from './browser';

const ANSI = /\u001b\[[0-9;]*m/g;

export function failOnConsoleErrors(page: TestPage | undefined, stack: AppStack | undefined): void {
  if (!page || page.errors.length === 0) return;
  const errors = page.errors.splice(0);
  const log = stack?.output().replace(ANSI, '').split('\n').slice(-40).join('\n') ?? '';
  throw new Error(`Console errors in the browser:\n${errors.join('\n')}\n--- server log (tail) ---\n${log}`);
}
