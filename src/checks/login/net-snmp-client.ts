// The few net-snmp client calls the probes use, typed here (the package ships no types), loaded once.

import { createRequire } from 'node:module';

export interface SnmpVarbind {
  oid: string;
  type: number;
  value: unknown;
}

export interface SnmpSession {
  get(oids: string[], callback: (error: Error | null, varbinds?: SnmpVarbind[]) => void): void;
  set(varbinds: SnmpVarbind[], callback: (error: Error | null, varbinds?: SnmpVarbind[]) => void): void;
  close(): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

interface NetSnmp {
  Version1: number;
  Version2c: number;
  createSession(
    target: string,
    community: string,
    options: { port: number; version: number; timeout: number; retries: number; transport: 'udp4' },
  ): SnmpSession;
  isVarbindError(varbind: SnmpVarbind): boolean;
  varbindError(varbind: SnmpVarbind): string;
}

export const netSnmp = createRequire(import.meta.url)('net-snmp') as NetSnmp;
