// One door for the default-credentials check: the right probe for a login service.

import { probeFtpLogin } from './ftp.js';
import { probeHttpAuthLogin } from './http-auth.js';
import { probeHttpFormLogin } from './http-form.js';
import type { LoginService } from './login-services.js';
import { probeMqttLogin } from './mqtt.js';
import { probeRtspLogin } from './rtsp.js';
import { probeSshLogin } from './ssh.js';
import { probeTelnetLogin } from './telnet.js';
import type { LoginResult, ProbeOptions } from './types.js';

export type ServiceLoginProbe = (
  ip: string,
  service: LoginService,
  username: string,
  password: string,
  options: ProbeOptions,
) => Promise<LoginResult>;

export const tryServiceLogin: ServiceLoginProbe = (ip, service, username, password, options) => {
  const target = { ip, port: service.port, tls: service.tls };
  switch (service.kind) {
    case 'http-basic':
    case 'http-digest':
      return probeHttpAuthLogin(target, username, password, { ...options, path: service.path });
    case 'http-form':
      return probeHttpFormLogin(target, service.form!, username, password, options);
    case 'telnet':
      return probeTelnetLogin(target, username, password, options);
    case 'ssh':
      return probeSshLogin(target, username, password, options);
    case 'ftp':
      return probeFtpLogin(target, username, password, options);
    case 'mqtt':
      return probeMqttLogin(target, username, password, options);
    case 'rtsp':
      return probeRtspLogin(target, username, password, options);
  }
};
