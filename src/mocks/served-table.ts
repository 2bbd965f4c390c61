// The plain-text listing `homeaudit mock` prints: one row per device with what it serves.

import type { Fleet, Served } from './types.js';

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
}

export function formatServedTable(fleet: Fleet, served: Served[]): string {
  const header = ['DEVICE', 'ADDRESS', 'KIND', 'VENDOR / MODEL', 'SERVES'];
  const rows = fleet.devices.map((device) => {
    const services = served
      .filter((s) => s.deviceId === device.id)
      .map((s) => `${s.protocol} ${s.port}/${s.transport}`);
    const knobs = [
      device.knobs.silent ? 'silent' : '',
      device.knobs.acceptAnyPassword ? 'accepts any password' : '',
      device.knobs.acceptAnyPasswordFor.length > 0 ? `any password for ${device.knobs.acceptAnyPasswordFor.join(', ')}` : '',
      device.knobs.acceptPasswordsShorterThan > 0 ? `any password under ${device.knobs.acceptPasswordsShorterThan} characters` : '',
      device.knobs.answersAnyCommunity ? 'answers any SNMP community' : '',
      device.knobs.lockoutAfter > 0 ? `locks out after ${device.knobs.lockoutAfter}` : '',
      device.knobs.delayMs > 0 ? `delay ${device.knobs.delayMs} ms` : '',
    ].filter(Boolean);
    const serves = services.join(', ') + (knobs.length > 0 ? ` [${knobs.join(', ')}]` : '');
    return [device.id, device.address, device.kind, `${device.vendor} ${device.model}`, serves];
  });
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => Math.min(r[i]!.length, i === 4 ? 0 : 40))));
  return [row(header, widths), ...rows.map((r) => row(r, widths))].join('\n');
}
