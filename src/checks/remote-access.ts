// remote-access: services on a device that give control from afar: telnet, SSH with password login,
// RDP, VNC (critical without authentication), ADB over TCP, TR-069, and UPnP IGD / NAT-PMP on the
// router (any device in the house may open ports). Web admin over plain HTTP is plain-http-admin.

import type { Device, Finding, PortInfo, Severity } from '../model.js';
import { etsi, makeFinding, owasp } from './finding.js';
import { probeRfbSecurity } from '../protocols/rfb/security.js';
import { probeSshAuthMethods } from '../protocols/ssh/login.js';
import type { Check, CheckContext } from './types.js';

const IGD_TYPE = /urn:schemas-upnp-org:(device:InternetGatewayDevice|service:WAN(IP|PPP)Connection):\d+/;

interface RemoteService {
  key: string;
  severity: Severity;
  label: { en: string; nl: string };
  evidence: string;
  confidence: Finding['confidence'];
  details: Finding['details'];
  standards?: string[];
}

const RA_STANDARDS = [etsi('5.6-1'), etsi('5.6-2'), owasp('I2'), owasp('I9')];

async function sshService(device: Device, port: PortInfo, ctx: CheckContext): Promise<RemoteService> {
  const base = { key: `ssh:${port.port}`, details: { service: 'ssh', port: port.port } };
  const banner = oneLine(port.banner);
  // A 'none' request sends no password: the server answers with the methods it allows (RFC 4252 5.2).
  const auth = await probeSshAuthMethods({ ip: device.ip, port: port.port }, { signal: ctx.signal, timeoutMs: ctx.options.timeoutMs }).catch(
    () => ({ openWithoutLogin: false, methods: null }),
  );
  if (auth.openWithoutLogin) {
    return { ...base, severity: 'critical', label: { en: 'SSH open without any login', nl: 'SSH open zonder login' }, evidence: `SSH on :${port.port}${banner} let a session in without authentication`, confidence: 'confirmed' };
  }
  if (auth.methods && !auth.methods.includes('password') && !auth.methods.includes('keyboard-interactive')) {
    return { ...base, severity: 'info', label: { en: 'SSH open (keys only)', nl: 'SSH open (alleen sleutels)' }, evidence: `SSH on :${port.port}${banner} allows only ${auth.methods.join(', ')}`, confidence: 'confirmed' };
  }
  const known = auth.methods !== null;
  return {
    ...base,
    severity: 'high',
    label: { en: 'SSH with password login', nl: 'SSH met inloggen op wachtwoord' },
    evidence: known ? `SSH on :${port.port}${banner} offers ${auth.methods!.join(', ')}` : `SSH on :${port.port}${banner} (login methods not learned)`,
    confidence: known ? 'confirmed' : 'likely',
  };
}

async function vncService(device: Device, port: PortInfo, ctx: CheckContext): Promise<RemoteService> {
  const base = { key: `vnc:${port.port}`, details: { service: 'vnc', port: port.port } };
  try {
    const rfb = await probeRfbSecurity({ ip: device.ip, port: port.port }, { signal: ctx.signal, timeoutMs: ctx.options.timeoutMs });
    if (rfb.noAuthentication) {
      return { ...base, severity: 'critical', label: { en: 'VNC screen control without a password', nl: 'VNC-schermbediening zonder wachtwoord' }, evidence: `VNC (RFB ${rfb.version}) on :${port.port} offers security type None`, confidence: 'confirmed', details: { ...base.details, noAuthentication: true } };
    }
    return { ...base, severity: 'high', label: { en: 'VNC screen control open', nl: 'VNC-schermbediening open' }, evidence: `VNC (RFB ${rfb.version}) on :${port.port} asks for a password (security types ${rfb.types.join(', ')})`, confidence: 'confirmed', details: { ...base.details, noAuthentication: false } };
  } catch {
    return { ...base, severity: 'high', label: { en: 'VNC screen control open', nl: 'VNC-schermbediening open' }, evidence: `VNC port :${port.port} open (handshake not completed)`, confidence: 'likely' };
  }
}

/** A banner as one short line for evidence. */
function oneLine(banner: string | undefined): string {
  return banner ? ` ('${banner.replace(/\s+/g, ' ').trim().slice(0, 50)}')` : '';
}

function simpleService(port: PortInfo): RemoteService | undefined {
  const banner = oneLine(port.banner);
  const at = `:${port.port}`;
  switch (port.name) {
    case 'telnet':
      return { key: `telnet:${port.port}`, severity: 'critical', label: { en: 'Telnet open (unencrypted remote shell)', nl: 'Telnet open (onversleutelde shell op afstand)' }, evidence: `telnet on ${at}${banner}`, confidence: 'confirmed', details: { service: 'telnet', port: port.port }, standards: [etsi('5.5-1'), ...RA_STANDARDS] };
    case 'rdp':
      return { key: `rdp:${port.port}`, severity: 'high', label: { en: 'Remote desktop (RDP) open', nl: 'Extern bureaublad (RDP) open' }, evidence: `RDP on ${at}`, confidence: 'likely', details: { service: 'rdp', port: port.port } };
    case 'adb':
      return { key: `adb:${port.port}`, severity: 'critical', label: { en: 'Android debugging (ADB) open over the network', nl: 'Android-foutopsporing (ADB) open via het netwerk' }, evidence: `ADB over TCP on ${at}`, confidence: 'likely', details: { service: 'adb', port: port.port } };
    case 'tr069':
      return { key: `tr069:${port.port}`, severity: 'medium', label: { en: 'TR-069 remote management port open (usually the provider)', nl: 'TR-069-beheerpoort open (meestal de provider)' }, evidence: `TR-069 (CWMP) on ${at}: the provider can manage this device from afar`, confidence: 'likely', details: { service: 'tr069', port: port.port, askProvider: true } };
    case 'nat-pmp':
      return { key: `nat-pmp:${port.port}`, severity: 'medium', label: { en: 'NAT-PMP lets any device open ports', nl: 'NAT-PMP laat elk apparaat poorten openzetten' }, evidence: `NAT-PMP on udp/${port.port}`, confidence: 'likely', details: { service: 'nat-pmp', port: port.port } };
    default:
      return undefined;
  }
}

function igdService(device: Device): RemoteService | undefined {
  const ssdp = device.facts.ssdp.find((s) => s.types.some((t) => IGD_TYPE.test(t)) || s.description?.services.some((svc) => IGD_TYPE.test(svc.serviceType)) || IGD_TYPE.test(s.description?.deviceType ?? ''));
  if (!ssdp) return undefined;
  return {
    key: 'upnp-igd',
    severity: 'medium',
    label: { en: 'UPnP port opening on: any device may open ports to the internet', nl: 'UPnP-poortopening aan: elk apparaat kan poorten naar internet openzetten' },
    evidence: `UPnP InternetGatewayDevice announced${ssdp.server ? ` by '${ssdp.server.slice(0, 50)}'` : ''}`,
    confidence: 'confirmed',
    details: { service: 'upnp-igd' },
  };
}

export const remoteAccessCheck: Check = {
  id: 'remote-access',
  description: 'Services that give control from afar: telnet, SSH, RDP, VNC, ADB, TR-069, UPnP IGD, NAT-PMP',
  appliesTo: (device) =>
    device.facts.ports.some((p) => ['telnet', 'ssh', 'rdp', 'vnc', 'adb', 'tr069', 'nat-pmp'].includes(p.name)) || igdService(device) !== undefined,
  async run(device, ctx) {
    const services: RemoteService[] = [];
    for (const port of device.facts.ports) {
      ctx.signal.throwIfAborted();
      if (port.transport === 'tcp' && port.name === 'ssh') services.push(await sshService(device, port, ctx));
      else if (port.transport === 'tcp' && port.name === 'vnc') services.push(await vncService(device, port, ctx));
      else {
        const simple = simpleService(port);
        if (simple) services.push(simple);
      }
    }
    const igd = igdService(device);
    if (igd) services.push(igd);
    return services.map((s) =>
      makeFinding({
        check: 'remote-access',
        device,
        key: s.key,
        severity: s.severity,
        title: s.label,
        evidence: [s.evidence],
        standards: s.standards ?? RA_STANDARDS,
        confidence: s.confidence,
        details: s.details,
      }),
    );
  },
};
