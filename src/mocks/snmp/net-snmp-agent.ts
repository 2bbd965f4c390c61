// The few net-snmp agent calls the SNMP persona uses, typed here (the package ships no types).

import { createRequire } from 'node:module';
import type dgram from 'node:dgram';

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
  /** Lets the persona create (and so watch) the agent's socket. */
  dgramModule: { createSocket(type: dgram.SocketType): dgram.Socket };
}

interface NetSnmpAgentApi {
  createAgent(options: AgentOptions, callback: (error: Error | null) => void): SnmpAgent;
  MibProviderType: { Scalar: number };
  ObjectType: { OctetString: number; OID: number; TimeTicks: number; Integer: number };
  MaxAccess: Record<'read-only' | 'read-write', number>;
  AccessControlModelType: { Simple: number };
  AccessLevel: { ReadOnly: number; ReadWrite: number };
}

export const netSnmpAgentApi = createRequire(import.meta.url)('net-snmp') as NetSnmpAgentApi;
