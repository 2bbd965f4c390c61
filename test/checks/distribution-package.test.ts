import { describe, expect, it } from 'vitest';
import { distributionPackageIn } from '../../src/checks/distribution-package.js';

describe('distribution revisions in banners', () => {
  it.each([
    ['SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10', 'Debian', 'Debian-2+deb12u10'],
    ['SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u3', 'Debian', 'Debian-5+deb11u3'],
    ['mosquitto 2.0.11-1.2+deb12u1', 'Debian', '2.0.11-1.2+deb12u1'],
    ['SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10', 'Ubuntu', 'Ubuntu-3ubuntu0.10'],
    ['Apache/2.4.41 (Ubuntu)', 'Ubuntu', '(Ubuntu)'],
    ['SSH-2.0-OpenSSH_7.9p1 Raspbian-10+deb10u2', 'Raspbian', 'Raspbian-10+deb10u2'],
    ['Apache/2.4.62 (Debian)', 'Debian', '(Debian)'],
    ['SERVER: Debian/bullseye UPnP/1.1 MiniUPnPd/2.1', 'Debian', 'Debian/bullseye'],
    // What Debian 12's minidlnad (1.3.0+dfsg-2.2+deb12u1) sends in its SSDP SERVER header.
    ['ssdp server="Debian DLNADOC/1.50 UPnP/1.0 MiniDLNA/1.3.0"', 'Debian', 'Debian'],
    ['SSH-2.0-OpenSSH_9.7 FreeBSD-20240701', 'FreeBSD', 'FreeBSD-20240701'],
    ['Apache/2.4.57 (Fedora Linux)', 'Red Hat family', '(Fedora Linux)'],
    ['openssh-8.7p1-38.el9_4.1', 'Red Hat family', '.el9_4'],
  ])('%s → %s', (banner, distribution, revision) => {
    expect(distributionPackageIn([banner])).toEqual({ distribution, revision });
  });

  it.each([['SSH-2.0-OpenSSH_9.8p1'], ['Linux/5.10 UPnP/1.0 MiniDLNA/1.3.0'], ['Debian packages for a NAS'], ['SSH-2.0-dropbear_2022.83'], ['lighttpd/1.4.45'], ['Boa/0.94.14rc21'], ['nginx/1.22.1']])(
    'finds none in an upstream build: %s',
    (banner) => {
      expect(distributionPackageIn([banner, null, undefined])).toBeNull();
    },
  );
});
