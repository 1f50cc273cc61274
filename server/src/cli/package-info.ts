/**
 * The tool's name, version and home, taken from package.json at build time
 * (esbuild inlines the JSON), so `seams --version` and the SARIF driver always
 * match the package that was built.
 */
import pkg from '../../../package.json' with { type: 'json' };

export const TOOL_NAME = 'seams';
export const TOOL_VERSION: string = pkg.version;

interface PackageLinks {
  homepage?: string;
  repository?: string | { url?: string };
}

/**
 * The repository's web address, from package.json `repository` (without `git+` and `.git`),
 * or undefined when the package names none: a link that goes nowhere is worse than no link.
 */
export function repositoryUrl(links: PackageLinks = pkg as PackageLinks): string | undefined {
  const raw = typeof links.repository === 'string' ? links.repository : links.repository?.url;
  if (!raw || !/^(git\+)?https?:\/\//.test(raw)) return undefined;
  return raw.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** Where people read about the tool: package.json `homepage`, else the repository. */
export function homepageUrl(links: PackageLinks = pkg as PackageLinks): string | undefined {
  return links.homepage && /^https?:\/\//.test(links.homepage) ? links.homepage : repositoryUrl(links);
}

/** A web address for a file of the repository, e.g. `docs/rules/sync-cycle.md`; undefined without one. */
export function repositoryFileUrl(path: string, links?: PackageLinks): string | undefined {
  const base = repositoryUrl(links);
  return base === undefined ? undefined : `${base}/blob/main/${path}`;
}
