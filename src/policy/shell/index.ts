// Public surface of the bash command-line parser.
export { parseShell } from './parse.js';
export { commandsOf, functionsOf } from './flatten.js';
export type { FlatCommand, Origin, WordLocation } from './flat-command.js';
export { substitutionsOf } from './substitutions.js';
export type { SubstitutionRef, SubstitutionStyle } from './substitutions.js';
export { resolveVariables } from './resolve.js';
export { printsOneField, splitFields } from './split-fields.js';
export { expandingText, expansionsOf } from './word-build.js';
export { compoundWrites, functionWrites, type FunctionWrites } from './variable-effects.js';
export { decodeAnsiC } from './ansi-c.js';
export type * from './types.js';
