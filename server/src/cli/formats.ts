/**
 * The output formats of `seams check`, in a module of its own so that the entry
 * point can declare the option without loading the check (see main.ts).
 */
export const FORMATS = ['text', 'json', 'sarif'] as const;
