/** See vsix-readme.mjs: the README as the packaged extension's details page shows it. */
export function readmeForPackage(markdown: string, readFile?: (path: string) => Buffer): string;
