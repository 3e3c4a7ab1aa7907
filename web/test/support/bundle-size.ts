// How much JavaScript a page's first load costs: every script response the page fetched (entry, chunks,
// modulepreloads), gzipped at level 9 the way a server would send it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from './paths';

/** A JSON figure for the record (artifacts/), e.g. the first page's JavaScript weight. */
export function writeArtifact(name: string, value: unknown): void {
  const dir = join(REPO_ROOT, 'artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
}

export interface FirstLoadJs {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export async function firstLoadJs(browser: Browser, url: string): Promise<FirstLoadJs> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Array<Promise<Buffer>> = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || response.url().endsWith('.js')) bodies.push(response.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const files = await Promise.all(bodies);
  await context.close();
  return {
    files: files.length,
    rawBytes: files.reduce((sum, b) => sum + b.length, 0),
    gzipBytes: files.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  };
}
