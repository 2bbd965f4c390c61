// The HTTP row's prober: Basic and Digest answer the same challenge, a form login needs its definition.

import { probeHttpAuthLogin } from './auth-login.js';
import { probeHttpFormLogin } from './form-login.js';
import type { ServiceLoginProbe } from '../probe/types.js';

export const probeHttpLogin: ServiceLoginProbe = async (target, username, password, options) => {
  if (target.kind !== 'http-form') return probeHttpAuthLogin(target, username, password, { ...options, path: target.path });
  if (!target.form) return { outcome: 'error', detail: `HTTP ${target.ip}:${target.port}: a form login without a form definition` };
  return probeHttpFormLogin(target, target.form, username, password, options);
};
