// The TCP ports the sweep tries: the services home devices expose that the checks and identification read.
// Port numbers from the IANA service name registry (https://www.iana.org/assignments/service-names-port-numbers)
// and, for vendor ports, the vendors' own documentation (named per entry).

/** How the sweep talks to an open port: read what it says, speak HTTP(S) or RTSP, or just note it is open. */
export type PortProbe = 'banner' | 'http' | 'https' | 'rtsp' | 'none';

export interface SweepPort {
  port: number;
  name: string;
  probe: PortProbe;
  tls?: boolean;
  /** The name to give the port when the probe finds no HTTP there (a vendor's binary protocol). */
  otherwise?: string;
  source?: string;
}

export const SWEEP_PORTS: SweepPort[] = [
  { port: 21, name: 'ftp', probe: 'banner' },
  { port: 22, name: 'ssh', probe: 'banner' },
  { port: 23, name: 'telnet', probe: 'banner' },
  { port: 80, name: 'http', probe: 'http' },
  { port: 139, name: 'netbios-ssn', probe: 'none' },
  { port: 443, name: 'https', probe: 'https', tls: true },
  { port: 445, name: 'smb', probe: 'none' },
  { port: 554, name: 'rtsp', probe: 'rtsp' },
  { port: 631, name: 'ipp', probe: 'http' },
  { port: 1400, name: 'http', probe: 'http', source: 'Sonos: devices serve their local API on 1400' },
  { port: 1883, name: 'mqtt', probe: 'none' },
  { port: 2323, name: 'telnet', probe: 'banner' },
  { port: 3389, name: 'rdp', probe: 'none' },
  { port: 5000, name: 'http', probe: 'http', source: 'Synology DSM: HTTP on 5000' },
  { port: 5001, name: 'https', probe: 'https', tls: true, source: 'Synology DSM: HTTPS on 5001' },
  { port: 5555, name: 'adb', probe: 'none' },
  { port: 5900, name: 'vnc', probe: 'banner' },
  { port: 6668, name: 'tuya', probe: 'none', source: 'Tuya local protocol on 6668' },
  { port: 7547, name: 'tr069', probe: 'http' },
  { port: 8000, name: 'http', probe: 'http', otherwise: 'hikvision-sdk', source: 'Hikvision: SDK/server port 8000' },
  { port: 8008, name: 'http', probe: 'http', source: 'Google Cast: HTTP on 8008' },
  { port: 8009, name: 'cast', probe: 'none', tls: true, source: 'Google Cast: TLS channel on 8009' },
  { port: 8080, name: 'http', probe: 'http' },
  { port: 8081, name: 'http', probe: 'http' },
  { port: 8443, name: 'https', probe: 'https', tls: true },
  { port: 8554, name: 'rtsp', probe: 'rtsp' },
  { port: 8883, name: 'mqtt', probe: 'none', tls: true },
  { port: 9000, name: 'http', probe: 'http', otherwise: 'open' },
  { port: 9100, name: 'jetdirect', probe: 'none' },
  { port: 37777, name: 'dahua', probe: 'none', source: 'Dahua: TCP service port 37777' },
  { port: 49152, name: 'http', probe: 'http', source: 'UPnP description/control servers commonly listen from 49152' },
];

/**
 * Probed first on every host; the rest only on hosts that proved to be there (tcp/source.ts). Web, SSH,
 * telnet, RTSP and TR-069 cover most devices; 6668 because Tuya-based plugs and bulbs often open
 * nothing else and answer neither mDNS nor SSDP.
 */
export const LIVENESS_PORTS = [80, 443, 22, 554, 8080, 23, 7547, 6668];
