// The public face of the core: everything the CLI, the language server and the tests use.
// Nothing here (or below) imports VS Code or the LSP libraries.

export * from './model';
export type * from './rules/types';
export type * from './profiles/types';
export type * from './facts/types';
export type * from './config/types';
export { EMPTY_CONFIG } from './config/types';
export { check } from './engine';
export type { CheckOptions, CheckResult, RuleFailure } from './engine';
export { parse } from './parse/parser';
export { createCheckSession, CheckSession } from './session';
export { createSharedMemos, SharedMemos } from './shared-memos';
export { ALL_RULES, findRule } from './rules/index';
export * from './crossyear/index';
