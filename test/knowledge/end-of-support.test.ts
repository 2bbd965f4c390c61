// Issue 12: the end-of-support facts of knowledge/firmware/end-of-support.yaml and the two kinds of claim they
// add. A generation the network cannot tell from later ones gives a "possible" claim that says why; an internet
// provider's box sends the household to the provider (ask for a new box, never install firmware yourself).

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advise, loadAdviceKnowledge } from '../../src/advice/index.js';
import { inLanguage } from '../../src/advice/phrase-text.js';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { parseDataText } from '../../src/knowledge/load-data.js';
import type { CheckKnowledge } from '../../src/knowledge/types.js';
import type { Finding } from '../../src/model.js';
import { makeContext, makeDevice } from '../checks/knowledge-helpers.js';

const NOW = '2026-12-01T12:00:00Z';
const shipped = loadCheckKnowledge();
const adviceKnowledge = loadAdviceKnowledge();

function endOfSupport(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.details.endOfSupport !== undefined);
}

async function run(knowledge: CheckKnowledge, device: ReturnType<typeof makeDevice>): Promise<Finding[]> {
  return outdatedFirmwareCheck.run(device, makeContext(knowledge, { now: NOW }));
}

describe('end-of-support.yaml', () => {
  it('loads with the shipped knowledge: every entry is a device family with a date (or the supported line beside ended ones) and a source URL', () => {
    const path = join(import.meta.dirname, '../../knowledge/firmware/end-of-support.yaml');
    const entries = (parseDataText(path, readFileSync(path, 'utf8')) as { firmware: Array<{ id: string }> }).firmware;
    const ids = new Set(entries.map((entry) => entry.id));
    const loaded = shipped.firmware.filter((entry) => ids.has(entry.id));
    expect(loaded).toHaveLength(entries.length);
    for (const entry of loaded) {
      expect(entry.vendor, entry.id).toBeDefined();
      expect(entry.url, entry.id).toMatch(/^https:\/\/[^/]+\/./);
      if (entry.endOfSupport !== undefined) {
        expect(entry.endOfSupport, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        continue;
      }
      // Only the supported line of a family whose older software lines ended here may go without a date.
      const sameFamily = (other: typeof entry) => other.vendor === entry.vendor && String(other.models) === String(entry.models);
      expect(entry.versions && entry.latest, entry.id).toBeTruthy();
      expect(loaded.some((other) => other.endOfSupportOf === 'software-line' && sameFamily(other)), entry.id).toBe(true);
    }
  });
});

describe('a generation the network cannot tell apart: Chromecast (1st gen)', () => {
  const chromecast = (model: string, firmware: string | null) => makeDevice({ vendor: 'Google', model, firmware, kind: 'media-player' });

  it('on its last firmware 1.36.159268 gets "no more updates", possible, and the evidence says why', async () => {
    const [ended, ...more] = endOfSupport(await run(shipped, chromecast('Chromecast', '1.36.159268')));
    expect(more).toEqual([]);
    expect(ended).toMatchObject({
      severity: 'high',
      confidence: 'possible',
      details: { entry: 'google-chromecast-gen1', endOfSupport: '2023-04-27', advice: 'replace', verified: false },
    });
    const evidence = ended!.evidence.join(' | ');
    expect(evidence).toMatch(/possible, because the network shows only the model name Chromecast, which later Chromecasts announce too/);
    expect(evidence).toMatch(/not verified, reported 2026-12-01/);
  });

  it('says nothing of end of support on a Chromecast with later firmware, nor on a Chromecast Ultra or Audio', async () => {
    expect(endOfSupport(await run(shipped, chromecast('Chromecast', '1.56.500000')))).toEqual([]);
    expect(endOfSupport(await run(shipped, chromecast('Chromecast Ultra', '1.36.159268')))).toEqual([]);
    expect(endOfSupport(await run(shipped, chromecast('Chromecast Audio', '1.36.159268')))).toEqual([]);
  });

  it('makes no end-of-support claim when the firmware is not visible: only "check the version"', async () => {
    const findings = await run(shipped, chromecast('Chromecast', null));
    expect(endOfSupport(findings)).toEqual([]);
    expect(findings.map((finding) => [finding.severity, finding.confidence])).toEqual([['info', 'possible']]);
  });

  it('gives the Dutch evidence the reason in Dutch', async () => {
    const [ended] = endOfSupport(await run(shipped, chromecast('Chromecast', '1.36.159268')));
    const device = chromecast('Chromecast', '1.36.159268');
    const items = advise({ devices: [device], findings: [ended!], finishedAt: NOW }, adviceKnowledge);
    expect(items.map((item) => item.id.split('@')[0])).toEqual(expect.arrayContaining(['outdated-firmware.replace', 'outdated-firmware.message']));
    const dutch = ended!.evidence.map((line) => inLanguage(line, 'nl', adviceKnowledge));
    expect(dutch.join(' | ')).toMatch(/mogelijk, omdat het netwerk toont alleen de modelnaam Chromecast, die ook latere Chromecasts melden/);
  });
});

// No KPN, Ziggo, Odido or DELTA end-of-support date was found in a primary record, so the shipped knowledge has no
// ISP box entry; a helpdesk adds one in its overlay. These tests use such an entry, in a folder of their own.
function knowledgeWithProviderBox(): CheckKnowledge {
  const dir = mkdtempSync(join(tmpdir(), 'homeaudit-eol-'));
  mkdirSync(join(dir, 'firmware'));
  writeFileSync(
    join(dir, 'firmware', 'isp.yaml'),
    [
      'firmware:',
      '  - id: test-isp-box-old',
      '    vendor: KPN',
      '    models: ["Experia Box v8*"]',
      '    updatedBy: provider',
      '    provider: KPN',
      '    endOfSupport: "2024-01-01"',
      '    source: test fixture, not a fact',
      '    reported: "2026-12-01"',
      '  - id: test-isp-box-current',
      '    vendor: KPN',
      '    models: ["KPN Box 14*"]',
      '    updatedBy: provider',
      '    provider: KPN',
      '    latest: "2.0.5"',
      '    source: test fixture, not a fact',
      '    reported: "2026-12-01"',
      '  - id: test-isp-box-listed',
      '    vendor: KPN',
      '    models: ["Experia Box V10A*"]',
      '    updatedBy: provider',
      '    provider: KPN',
      '    vulnerable: [{ cves: [CVE-2021-20090], severity: high }]',
      '    source: test fixture, not a fact',
      '    reported: "2026-12-01"',
      '',
    ].join('\n'),
  );
  return loadCheckKnowledge(dir, undefined, true);
}

describe("an internet provider's box", () => {
  const knowledge = knowledgeWithProviderBox();
  const box = (model: string, firmware: string | null) => makeDevice({ vendor: 'KPN', model, firmware, kind: 'router' });

  it('past its end of support: "ask KPN for a new box", and the advice never says to install firmware', async () => {
    const device = box('Experia Box v8', 'V8.C.0.12');
    const [ended] = endOfSupport(await run(knowledge, device));
    expect(ended).toMatchObject({ severity: 'high', confidence: 'possible', details: { updatedBy: 'provider', provider: 'KPN', advice: 'replace' } });
    expect(ended!.title.en).toBe('No security updates since 2024-01-01 (firmware): ask KPN for a new box');
    expect(ended!.title.nl).toMatch(/vraag KPN om een nieuw modem$/);
    expect(ended!.evidence.join(' | ')).toMatch(/updated by the internet provider KPN, not by the household/);

    const items = advise({ devices: [device], findings: [ended!], finishedAt: NOW }, adviceKnowledge);
    const ids = items.map((item) => item.id.split('@')[0]);
    expect(ids).toEqual(expect.arrayContaining(['outdated-firmware.provider-replace', 'outdated-firmware.provider-message']));
    expect(ids).not.toContain('outdated-firmware.replace');
    expect(ids).not.toContain('outdated-firmware.message');
    // The generic "is this your provider's router?" message steps aside: the knowledge says whose box it is.
    expect(ids).not.toContain('router.message-to-provider');
    const replace = items.find((item) => item.id.startsWith('outdated-firmware.provider-replace'))!;
    expect(replace.text.en).toMatch(/ask for a new one and do not install firmware yourself/);
    expect(replace.text.en).toContain('(since 2024-01-01)');
    expect(replace.text.nl).toMatch(/vraag om een nieuw modem en installeer zelf geen firmware/);
  });

  it('behind the latest version: KPN updates it, so the advice asks KPN instead of naming a download', async () => {
    const device = box('KPN Box 14', '2.0.1');
    const findings = await run(knowledge, device);
    expect(findings.map((finding) => finding.title.en)).toEqual(['firmware 2.0.1 is older than the latest version 2.0.5: KPN updates this box, ask them']);
    const items = advise({ devices: [device], findings, finishedAt: NOW }, adviceKnowledge);
    const ids = items.map((item) => item.id.split('@')[0]);
    expect(ids).toContain('outdated-firmware.provider-update');
    expect(ids).not.toContain('outdated-firmware.update');
    expect(items.find((item) => item.id.startsWith('outdated-firmware.provider-update'))!.text.en).toMatch(/Do not install firmware from anywhere else/);
  });

  it('with its version not visible: ask KPN, not "check the admin page"', async () => {
    const device = box('KPN Box 14', null);
    const findings = await run(knowledge, device);
    expect(findings.map((finding) => finding.title.en)).toEqual(['Firmware version not visible: KPN updates this box, ask whether it has the latest software']);
    const ids = advise({ devices: [device], findings, finishedAt: NOW }, adviceKnowledge).map((item) => item.id.split('@')[0]);
    expect(ids).toContain('outdated-firmware.provider-check');
    expect(ids).not.toContain('outdated-firmware.check');
  });

  it('named for a known hole without a fixed version: ask KPN for the fix, naming the CVE', async () => {
    const device = box('Experia Box V10A', 'V10A.1.2.3');
    const findings = await run(knowledge, device);
    expect(findings.map((finding) => [finding.severity, finding.details.provider])).toEqual([['high', 'KPN']]);
    const items = advise({ devices: [device], findings, finishedAt: NOW }, adviceKnowledge);
    const check = items.find((item) => item.id.startsWith('outdated-firmware.provider-check'))!;
    expect(check.text.en).toContain('running software V10A.1.2.3; this model is named for known holes: CVE-2021-20090');
    expect(check.text.en).toContain('ask KPN whether it runs the latest software with the fix for CVE-2021-20090');
    expect(check.text.nl).toContain('Installeer geen firmware van elders.');
  });

  it('a component found inside the box (miniupnpd by banner) sends the household to KPN too, never to the component', async () => {
    const miniupnpd = shipped.firmware.filter((entry) => entry.component === 'miniupnpd');
    expect(miniupnpd).toHaveLength(1);
    const withComponent: CheckKnowledge = { ...knowledge, firmware: [...knowledge.firmware, ...miniupnpd] };
    const run = (k: CheckKnowledge, d: ReturnType<typeof makeDevice>) => outdatedFirmwareCheck.run(d, makeContext(k === knowledge ? withComponent : k, { now: NOW }));
    const device = box('KPN Box 14', '2.0.5');
    device.identity.components = [{ name: 'miniupnpd', version: '1.0', evidence: 'SSDP SERVER "Linux UPnP/1.0 miniupnpd/1.0"' }];
    const findings = (await run(knowledge, device)).filter((finding) => finding.details.component === 'miniupnpd');
    expect(findings.map((finding) => finding.title.en)).toEqual([
      'Known vulnerabilities (CVE-2013-0229) in miniupnpd 1.0',
      'Known vulnerabilities (CVE-2013-0230) in miniupnpd 1.0',
    ]);
    const behind = makeDevice({ vendor: 'KPN', model: 'KPN Box 14', firmware: '2.0.5', kind: 'router', identity: { components: [{ name: 'miniupnpd', version: '2.1', evidence: 'SSDP SERVER miniupnpd/2.1' }] } });
    const old = await run(knowledge, behind);
    expect(old.map((finding) => finding.title.en)).toEqual(["miniupnpd 2.1 is older than the latest release 2.3.11: KPN updates this box's software, ask them"]);
    expect(old[0]!.title.nl).toBe('miniupnpd 2.1 is ouder dan de nieuwste uitgave 2.3.11: KPN werkt de software van dit modem bij, vraag ernaar');
    for (const finding of [...findings, ...old]) {
      expect(finding.details).toMatchObject({ component: 'miniupnpd', updatedBy: 'provider', provider: 'KPN' });
      expect(finding.evidence.join(' | ')).toMatch(/inside a box whose software the internet provider KPN ships/);
    }

    for (const [subject, found] of [[device, findings], [behind, old]] as const) {
      const items = advise({ devices: [subject], findings: [...found], finishedAt: NOW }, adviceKnowledge);
      const ids = items.map((item) => item.id.split('@')[0]);
      expect(ids).toContain('outdated-firmware.provider-component');
      // The old wording: "update through the device's own software … if the maker offers no update", naming miniupnpd's maker's way.
      for (const generic of ['outdated-firmware.update-component', 'outdated-firmware.replace-component', 'outdated-firmware.provider-update', 'outdated-firmware.provider-check']) {
        expect(ids).not.toContain(generic);
      }
      const text = items.find((item) => item.id.startsWith('outdated-firmware.provider-component'))!.text;
      expect(text.en).toMatch(/contains miniupnpd .*That part comes with the software KPN puts on the box: do not install anything yourself\. Ask KPN whether/);
      expect(text.nl).toMatch(/bevat miniupnpd .*Vraag KPN of het modem de nieuwste software heeft waarin miniupnpd is bijgewerkt/);
      for (const words of Object.values(text)) expect(words).not.toMatch(/update miniupnpd|install miniupnpd|werk miniupnpd bij/i);
    }
  });

  it('the same component on a box nobody else updates keeps the device-software advice', async () => {
    const device = makeDevice({ vendor: 'MikroTik', model: 'hAP ax2', kind: 'router', identity: { components: [{ name: 'miniupnpd', version: '2.1', evidence: 'SSDP SERVER miniupnpd/2.1' }] } });
    const findings = (await run(shipped, device)).filter((finding) => finding.details.component === 'miniupnpd');
    expect(findings.map((finding) => finding.title.en)).toEqual(["miniupnpd 2.1 is older than the latest release 2.3.11: update the device's software"]);
    expect(findings[0]!.details.updatedBy).toBeUndefined();
    const ids = advise({ devices: [device], findings, finishedAt: NOW }, adviceKnowledge).map((item) => item.id.split('@')[0]);
    expect(ids).toContain('outdated-firmware.update-component');
    expect(ids).not.toContain('outdated-firmware.provider-component');
  });

  it("a device the provider does not update keeps the maker's advice", async () => {
    const device = makeDevice({ vendor: 'Google', model: 'Chromecast', firmware: '1.36.159268', kind: 'media-player' });
    const findings = endOfSupport(await run(knowledge, device));
    expect(findings).toEqual([]);
    const mikrotik = makeDevice({ vendor: 'MikroTik', model: 'hAP ax2', firmware: '7.20.8', kind: 'router' });
    const behind = await run(shipped, mikrotik);
    const ids = advise({ devices: [mikrotik], findings: behind, finishedAt: NOW }, adviceKnowledge).map((item) => item.id.split('@')[0]);
    expect(ids).toContain('outdated-firmware.update');
    expect(ids.filter((id) => id?.includes('provider-'))).toEqual([]);
  });

  it('refuses updatedBy without the provider named, and a provider on a software component', () => {
    const dir = mkdtempSync(join(tmpdir(), 'homeaudit-eol-bad-'));
    mkdirSync(join(dir, 'firmware'));
    writeFileSync(join(dir, 'firmware', 'a.yaml'), 'firmware:\n  - { id: a, vendor: KPN, updatedBy: provider, source: X notes, reported: "2026-12-01" }\n');
    expect(() => loadCheckKnowledge(dir, undefined, true)).toThrowError(/a\.yaml: a: updatedBy: provider and provider go together/);
    writeFileSync(join(dir, 'firmware', 'a.yaml'), 'firmware:\n  - { id: b, component: miniupnpd, updatedBy: provider, provider: KPN, source: X notes, reported: "2026-12-01" }\n');
    expect(() => loadCheckKnowledge(dir, undefined, true)).toThrowError(/a\.yaml: b: updatedBy needs a vendor/);
  });
});
