// Types for install-code-server.mjs (a plain script so it runs without a TypeScript loader).
export declare const CODE_SERVER_VERSION: string;
export declare const installDir: string;
export declare const codeServerEntry: string;
export declare const DEBIAN_PACKAGES: readonly string[];
export declare function missingDebianPackages(packages?: readonly string[]): string[];
export declare function isCodeServerInstalled(): boolean;
export declare function installCodeServer(options?: { log?: (line: string) => void }): string;
