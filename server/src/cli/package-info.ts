/**
 * The tool's name, version and home, taken from package.json at build time
 * (esbuild inlines the JSON), so `seams --version` and the SARIF driver always
 * match the package that was built.
 */
import pkg from '../../../package.json' with { type: 'json' };

export const TOOL_NAME = 'seams';
export const TOOL_VERSION: string = pkg.version;

/** The repository's web address: package.json `repository.url` without `git+` and `.git`. */
export const REPOSITORY_URL: string = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** A web address for a file of the repository, e.g. `docs/rules/sync-cycle.md`. */
export function repositoryFileUrl(path: string): string {
  return `${REPOSITORY_URL}/blob/main/${path}`;
}
