// Recognises a distribution's package revision in a banner or version string ("OpenSSH_9.2p1 Debian-2+deb12u10",
// "OpenSSH_8.9p1 Ubuntu-3ubuntu0.10", "Apache/2.4.62 (Debian)"). Distributions backport security fixes without
// changing the upstream version, so such a version cannot be judged against upstream vulnerable ranges.

export interface DistributionPackage {
  /** The distribution that builds and patches the package ("Debian", "Ubuntu", "Raspbian", …). */
  distribution: string;
  /** The revision as the banner shows it ("Debian-2+deb12u10", "3ubuntu0.10", "(Debian)"). */
  revision: string;
}

// Order matters: Raspbian revisions also carry "+debNuN", Ubuntu's carry "ubuntu" after a Debian-style number.
const DISTRIBUTION_MARKERS: Array<{ distribution: string; pattern: RegExp }> = [
  { distribution: 'Raspbian', pattern: /\bRaspbian(?:-[\w.+~-]+)?|\+rpi\d+\b|\(Raspbian\)/i },
  { distribution: 'Ubuntu', pattern: /\bUbuntu-[\w.+~-]+|\b[\w.+~-]*\dubuntu\d[\w.+~-]*|\(Ubuntu\)/i },
  // "Debian DLNADOC/1.50 UPnP/1.0 MiniDLNA/1.3.0": Debian's minidlna names the distribution as the UPnP SERVER's OS token.
  {
    distribution: 'Debian',
    pattern: /\bDebian-[\w.+~-]+|[\w.~-]*[+~]deb\d+u\d+[\w.+~-]*|~bpo\d+\+\d+|\(Debian\)|\bDebian\/\w+|\bDebian(?= (?:DLNADOC|UPnP)\/\d)/i,
  },
  { distribution: 'FreeBSD', pattern: /\bFreeBSD-\d{8}\b/ },
  { distribution: 'Red Hat family', pattern: /\((?:Red Hat[^)]*|CentOS[^)]*|Fedora[^)]*|Rocky Linux[^)]*|AlmaLinux[^)]*)\)|\.el\d+(?:_\d+)?\b/i },
];

/** The first distribution revision found in the texts, or null. */
export function distributionPackageIn(texts: Array<string | null | undefined>): DistributionPackage | null {
  for (const text of texts) {
    if (!text) continue;
    for (const { distribution, pattern } of DISTRIBUTION_MARKERS) {
      const found = pattern.exec(text);
      if (found) return { distribution, revision: found[0] };
    }
  }
  return null;
}
