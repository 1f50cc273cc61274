/**
 * Every anti-pattern rule, one per file in this folder. The order here is the
 * order of the README's table and of `docs/rules/`.
 */
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [];
