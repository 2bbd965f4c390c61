// net-snmp typed once (the package ships no types): the client calls discovery and the community
// check make, and the agent calls the mock SNMP persona makes. Loaded once, by require (CommonJS).

import { createRequire } from 'node:module';
import type dgram from 'node:dgram';

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

export interface MibRequest {
  instanceNode: { value: unknown };
  done(): void;
}

export interface ScalarProvider {
  name: string;
  type: number;
  oid: string;
  scalarType: number;
  maxAccess: number;
  handler?: (request: MibRequest) => void;
}

export interface SnmpMib {
  registerProvider(provider: ScalarProvider): void;
  getProvider(name: string): ScalarProvider;
  /** The tree node at an OID, made with its ancestors where missing. */
  addNodesForOid(oid: string): { provider?: ScalarProvider; value?: unknown; valueType?: number };
  setScalarValue(name: string, value: unknown): void;
  getScalarValue(name: string): unknown;
}

export interface SnmpAgent {
  getMib(): SnmpMib;
  getAuthorizer(): {
    addCommunity(community: string): void;
    getAccessControlModel(): { setCommunityAccess(community: string, level: number): void };
  };
  close(callback?: () => void): void;
}

export interface AgentOptions {
  address: string;
  port: number;
  accessControlModelType: number;
  /** Any community is taken (the mock's hostile agent). */
  disableAuthorization?: boolean;
  /** Lets the persona create (and so watch) the agent's socket. */
  dgramModule: { createSocket(type: dgram.SocketType): dgram.Socket };
}

interface NetSnmp {
  Version1: number;
  Version2c: number;
  createSession(
    target: string,
    community: string,
    options: { port: number; version: number; timeout: number; retries: number; transport: 'udp4'; dgramModule?: { createSocket(type: dgram.SocketType): dgram.Socket } },
  ): SnmpSession;
  isVarbindError(varbind: SnmpVarbind): boolean;
  varbindError(varbind: SnmpVarbind): string;
  createAgent(options: AgentOptions, callback: (error: Error | null) => void): SnmpAgent;
  MibProviderType: { Scalar: number };
  ObjectType: Record<string, number> & { OctetString: number; OID: number; TimeTicks: number; Integer: number };
  MaxAccess: Record<'read-only' | 'read-write', number>;
  AccessControlModelType: { None: number; Simple: number };
  AccessLevel: { ReadOnly: number; ReadWrite: number };
}

export const netSnmp = createRequire(import.meta.url)('net-snmp') as NetSnmp;
