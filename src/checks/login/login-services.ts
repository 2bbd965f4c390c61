// The services of a device that take a username and password, read from discovery's facts: port
// names, banners and the HTTP auth scheme. One entry per service the default-credentials check tries.

import { LOGIN_LABELS, PLAIN_LOGIN_BY_PORT_NAME, type LoginProtocol, type LoginServiceKind } from '../../protocols/table.js';
import type { Device, PortInfo } from '../../model.js';
import { findLoginForm, type LoginForm } from './login-forms.js';

export type { LoginServiceKind };

export interface LoginService {
  kind: LoginServiceKind;
  protocol: LoginProtocol;
  port: number;
  tls: boolean;
  /** How evidence names it: "HTTP Digest", "telnet", … */
  label: string;
  /** The protected page for HTTP Basic/Digest. */
  path?: string;
  form?: LoginForm;
  /** What discovery saw first: a different greeting later is a lock-out sign. */
  banner?: string;
  /** The service's own words that may name a user or a make: its greeting or login prompt, an HTTP realm. */
  hints: string[];
}

const PLAIN_NAMES = PLAIN_LOGIN_BY_PORT_NAME;

function httpService(port: PortInfo, device: Device, forms: LoginForm[]): LoginService | undefined {
  const http = port.http;
  if (!http) return undefined;
  const tls = port.tls === true || port.name === 'https';
  const scheme = (http.authScheme ?? '').toLowerCase();
  const path = http.status === 401 ? '/' : undefined;
  const prefix = tls ? 'HTTPS' : 'HTTP';
  const hints = http.realm ? [http.realm] : [];
  if (http.status === 401 && scheme === 'digest') return { kind: 'http-digest', protocol: 'http', port: port.port, tls, label: `${prefix} Digest`, path, hints };
  if (http.status === 401 && scheme === 'basic') return { kind: 'http-basic', protocol: 'http', port: port.port, tls, label: `${prefix} Basic`, path, hints };
  // A form is tried only with a definition for it (matched by vendor/model or by the page title).
  const form = findLoginForm(forms, device, http.title);
  if (form) return { kind: 'http-form', protocol: 'http', port: port.port, tls, label: `${prefix} form login`, form, hints };
  return undefined;
}

export function loginServicesOf(device: Device, forms: LoginForm[]): LoginService[] {
  const services: LoginService[] = [];
  for (const port of device.facts.ports) {
    if (port.transport !== 'tcp') continue;
    if (port.http && !PLAIN_NAMES[port.name]) {
      const http = httpService(port, device, forms);
      if (http) services.push(http);
      continue;
    }
    const kind = PLAIN_NAMES[port.name];
    if (!kind) continue;
    services.push({ kind, protocol: kind, port: port.port, tls: port.tls === true, label: LOGIN_LABELS[kind], banner: port.banner, hints: port.banner ? [port.banner] : [] });
  }
  return services;
}
