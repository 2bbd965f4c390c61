// nmap beside homeaudit on the same network in the same run: a connect scan of the ports homeaudit
// sweeps, with version detection, its own discovery, and its SNMP, HTTP, FTP, telnet, SSH and MQTT
// scripts using the bench's small lists (test/realnet/nmap). Parsed from nmap's XML output.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SWEEP_PORTS } from '../../discovery/ports.js';
import type { RealNetwork } from './network.js';
import { inNamespace, runCommand } from './run-command.js';
import { REALNET_DIR } from './spec.js';

const NMAP_TIME_LIMIT_MS = 15 * 60_000;

const SCRIPTS = [
  'http-title', 'http-auth', 'http-brute', 'ftp-anon', 'ftp-brute', 'telnet-brute', 'ssh-auth-methods', 'ssh-brute',
  'mqtt-subscribe', 'snmp-info', 'snmp-sysdescr', 'snmp-brute', 'upnp-info',
];

export interface NmapPort { ip: string; protocol: 'tcp' | 'udp'; port: number; service: string; scripts: Record<string, string> }
export interface NmapRun { wallMs: number; command: string; hosts: string[]; ports: NmapPort[] }

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

interface XmlPort { protocol: string; portid: string; state?: { state: string }; service?: { name?: string; product?: string; version?: string }; script?: Array<{ id: string; output: string }> | { id: string; output: string } }
interface XmlHost { address: Array<{ addr: string; addrtype: string }> | { addr: string; addrtype: string }; ports?: { port?: XmlPort | XmlPort[] }; status?: { state: string } }

export function parseNmapXml(xml: string): Omit<NmapRun, 'wallMs' | 'command'> {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true }).parse(xml) as { nmaprun?: { host?: XmlHost | XmlHost[] } };
  const hosts: string[] = [];
  const ports: NmapPort[] = [];
  for (const host of asList(parsed.nmaprun?.host)) {
    if (host.status && host.status.state !== 'up') continue;
    const ip = asList(host.address).find((a) => a.addrtype === 'ipv4')?.addr;
    if (!ip) continue;
    hosts.push(ip);
    for (const port of asList(host.ports?.port)) {
      if (port.state?.state !== 'open') continue;
      const scripts: Record<string, string> = {};
      for (const script of asList(port.script)) scripts[script.id] = script.output;
      const service = [port.service?.name, port.service?.product, port.service?.version].filter(Boolean).join(' ');
      ports.push({ ip, protocol: port.protocol === 'udp' ? 'udp' : 'tcp', port: Number(port.portid), service, scripts });
    }
  }
  return { hosts, ports };
}

export async function runNmap(network: RealNetwork): Promise<NmapRun> {
  const lists = `${REALNET_DIR}nmap/`;
  const xmlFile = path.join(network.dir, 'nmap.xml');
  const tcp = [...new Set(SWEEP_PORTS.map((p) => p.port))].sort((a, b) => a - b).join(',');
  const argv = [
    'nmap', '-sT', '-sU', '-sV', '-p', `T:${tcp},U:161,1900`,
    '--script', SCRIPTS.join(','),
    '--script-args', `userdb=${lists}users.txt,passdb=${lists}passwords.txt,snmp-brute.communitiesdb=${lists}communities.txt,brute.firstonly=true,unpwdb.timelimit=0`,
    '-oX', xmlFile, network.spec.subnet,
  ];
  const started = performance.now();
  await runCommand(inNamespace(network.scannerNamespace, argv), { timeoutMs: NMAP_TIME_LIMIT_MS });
  const wallMs = Math.round(performance.now() - started);
  return { wallMs, command: argv.join(' '), ...parseNmapXml(readFileSync(xmlFile, 'utf8')) };
}
