/**
 * Where a test saves a screenshot. Tests always take them (a person can look at
 * what the editor showed); they go to test-results/ so that a test run leaves the
 * working tree clean, and into docs/images/ (the README's pictures) only when
 * SEAMS_UPDATE_SCREENSHOTS=1 asks for it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..');

export function screenshotPath(name: string): string {
  const dir = process.env.SEAMS_UPDATE_SCREENSHOTS === '1' ? join(repoRoot, 'docs', 'images') : join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
