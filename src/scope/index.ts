// Scope: which addresses a run may touch.

export { resolveScope, MAX_HOSTS, MAX_HOSTS_WITHOUT_FLAG, type ScopeRequest, type InterfaceSource } from './resolve-scope.js';
export { ScopeError } from './scope-error.js';
export { parseTarget, type ParsedTarget } from './parse-target.js';
export { parseIpv4, formatIpv4 } from '../util/ipv4.js';
