/**
 * The output formats of `seams check`, in a module of its own so that the entry
 * point can declare the option without loading the check (see main.ts).
 */
export const FORMATS = ['text', 'json', 'sarif'] as const;

/** `--fail-on` of `seams diff` and of `seams check --baseline`: which new findings make exit 1. */
export const FAIL_ON = ['new-errors', 'new-warnings', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
