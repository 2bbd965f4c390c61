// camera-privacy: devices that can see or hear the people around them. No network action: an info
// finding pointing to the settings that spare housemates and visitors (privacy zones, recording
// schedules, microphone off). Speakers are included as "may have a microphone" (not every one has).

import type { Device, DeviceKind, Finding } from '../model.js';
import { kindIsGuess } from '../model/device-name.js';
import { etsi, makeFinding, owasp } from './finding.js';
import type { Check, CheckContext } from './types.js';

const CAMERA_KINDS: readonly DeviceKind[] = ['camera', 'doorbell', 'baby-monitor'];
const MICROPHONE_KINDS: readonly DeviceKind[] = ['speaker'];

export const cameraPrivacyCheck: Check = {
  id: 'camera-privacy',
  description: 'Cameras and microphones: settings that spare housemates, neighbours and visitors',
  appliesTo(device) {
    return CAMERA_KINDS.includes(device.kind) || MICROPHONE_KINDS.includes(device.kind);
  },
  async run(device: Device, ctx: CheckContext): Promise<Finding[]> {
    ctx.signal.throwIfAborted();
    const who = [device.vendor, device.model].filter(Boolean).join(' ') || device.ip;
    // A kind resting on weak evidence only is said as the guess it is, and the finding is no surer than it.
    const guess = kindIsGuess(device);
    const identified = guess ? `possibly a ${device.kind} (the kind is only a guess, ${Math.round(device.identity.attributes.kind * 100)} %)` : `identified as ${device.kind}`;
    if (CAMERA_KINDS.includes(device.kind)) {
      return [
        makeFinding({
          check: 'camera-privacy',
          device,
          key: 'camera',
          severity: 'info',
          title: {
            nl: 'Camera: richt hem alleen op je eigen terrein en stel privacyzones en opnametijden in',
            en: 'Camera: point it only at your own property and set privacy zones and recording times',
          },
          evidence: [`${who} ${identified}`],
          standards: [etsi('6-1'), owasp('I6')],
          confidence: guess ? 'possible' : 'likely',
          details: { phase: 'install', sensor: 'camera', kind: device.kind },
        }),
      ];
    }
    return [
      makeFinding({
        check: 'camera-privacy',
        device,
        key: 'microphone',
        severity: 'info',
        title: {
          nl: 'Slimme speaker: zet de microfoon uit wanneer je hem niet gebruikt en vertel huisgenoten en bezoek dat hij luistert',
          en: 'Smart speaker: mute the microphone when not in use and tell housemates and visitors it listens',
        },
        evidence: [`${who} ${identified}; many speakers carry a microphone`],
        standards: [etsi('6-1'), owasp('I6')],
        confidence: 'possible',
        details: { phase: 'install', sensor: 'microphone', kind: device.kind },
      }),
    ];
  },
};
