// One door for the default-credentials check: the prober its protocol's table row names.

import { LOGIN_PROBES } from '../../protocols/table.js';
import type { LoginResult, ProbeOptions } from '../../protocols/probe/types.js';
import type { LoginService } from './login-services.js';

export type ServiceLoginProbe = (
  ip: string,
  service: LoginService,
  username: string,
  password: string,
  options: ProbeOptions,
) => Promise<LoginResult>;

export const tryServiceLogin: ServiceLoginProbe = async (ip, service, username, password, options) => {
  const probe = LOGIN_PROBES[service.protocol];
  if (!probe) return { outcome: 'error', detail: `${service.label} ${ip}:${service.port}: no login prober for ${service.protocol}` };
  const { kind, port, tls, path, form } = service;
  return probe({ ip, port, tls, kind, path, form }, username, password, options);
};
