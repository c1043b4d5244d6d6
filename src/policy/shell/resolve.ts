export function resolveVariables(s: any) { return s; }
