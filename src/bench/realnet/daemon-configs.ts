// Per daemon type: the config files it reads (written into the device's run directory) and the command
// that runs it in the foreground, so the process we start is the daemon and teardown can end it by PID.

import { createHash } from 'node:crypto';
import type { DaemonSpec, DeviceSpec, NetworkSpec } from './spec.js';
import { REALNET_DIR } from './spec.js';

export interface DaemonPlan {
  label: string;
  /** Files to write, by path relative to the device directory. */
  files: Record<string, string>;
  /** Commands run (to completion) before the daemon starts, e.g. key generation. */
  prepare: string[][];
  argv: string[];
  env?: Record<string, string>;
}

const PAM_PLAIN = [
  'auth     required pam_unix.so',
  'account  required pam_unix.so',
  'session  required pam_permit.so',
  'password required pam_unix.so',
].join('\n');

/** pam_faillock the way its manual shows it: preauth, unix, authfail, authsucc; root not exempt. */
function pamWithFaillock(dir: string, deny: number, unlockTime: number): string {
  const options = `deny=${deny} unlock_time=${unlockTime} even_deny_root dir=${dir}/faillock`;
  return [
    `auth     required pam_faillock.so preauth ${options}`,
    'auth     [success=1 default=bad] pam_unix.so',
    `auth     [default=die] pam_faillock.so authfail ${options}`,
    `auth     sufficient pam_faillock.so authsucc ${options}`,
    `account  required pam_faillock.so dir=${dir}/faillock`,
    'account  required pam_unix.so',
    'session  required pam_permit.so',
    'password required pam_unix.so',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&(?![a-z]+;)/g, '&amp;').replace(/</g, '&lt;');
}

function lighttpd(device: DeviceSpec, dir: string, spec: Extract<DaemonSpec, { type: 'lighttpd' }>, index: number): DaemonPlan {
  const conf = [
    `server.document-root = "${dir}/www${index}"`,
    `server.errorlog = "${dir}/lighttpd${index}-error.log"`,
    'server.modules = ("mod_auth", "mod_authn_file", "mod_openssl", "mod_accesslog")',
    // One line per request with its port and whether it carried credentials: the bench counts logins.
    `accesslog.filename = "${dir}/lighttpd${index}-access.log"`,
    'accesslog.format = "%h %p %s %{Authorization}i"',
    'index-file.names = ("index.html")',
    'mimetype.assign = (".html" => "text/html", ".json" => "application/json", "" => "application/json")',
  ];
  const [first, ...more] = spec.ports;
  if (first !== undefined) conf.push(`server.port = ${first}`, 'server.bind = "0.0.0.0"');
  for (const port of more) conf.push(`$SERVER["socket"] == "0.0.0.0:${port}" { }`);
  for (const [at, port] of (spec.tlsPorts ?? []).entries()) {
    if (first === undefined && at === 0) {
      conf.push(`server.port = ${port}`, 'server.bind = "0.0.0.0"', 'ssl.engine = "enable"', `ssl.pemfile = "${dir}/tls.pem"`);
    } else conf.push(`$SERVER["socket"] == "0.0.0.0:${port}" { ssl.engine = "enable" ssl.pemfile = "${dir}/tls.pem" }`);
  }
  const files: Record<string, string> = {
    [`www${index}/index.html`]: `<!DOCTYPE html><html><head><title>${escapeHtml(spec.title)}</title></head><body>${spec.page}</body></html>\n`,
  };
  // A device's unauthenticated API answers (a status JSON), served as they are.
  for (const [path, body] of Object.entries(spec.files ?? {})) files[`www${index}${path}`] = body;
  if (spec.auth) {
    conf.push(
      'auth.backend = "plain"',
      `auth.backend.plain.userfile = "${dir}/lighttpd${index}.users"`,
      `auth.require = ( "/" => ( "method" => "${spec.auth.method}", "realm" => "${spec.auth.realm}", "require" => "valid-user" ) )`,
    );
    files[`lighttpd${index}.users`] = `${spec.auth.username}:${spec.auth.password}\n`;
  }
  files[`lighttpd${index}.conf`] = `${conf.join('\n')}\n`;
  const prepare = spec.tlsPorts?.length
    ? [['sh', '-c', `openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=${device.hostname}" -keyout "${dir}/tls.key" -out "${dir}/tls.crt" 2>/dev/null && cat "${dir}/tls.key" "${dir}/tls.crt" > "${dir}/tls.pem"`]]
    : [];
  return { label: 'lighttpd', files, prepare, argv: ['/usr/sbin/lighttpd', '-D', '-f', `${dir}/lighttpd${index}.conf`] };
}

/** The router's UPnP UUID, made from its serial so that every run announces the same one. */
export function upnpUuid(serial: string): string {
  const hex = createHash('sha1').update(serial).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function miniupnpd(network: NetworkSpec, dir: string, spec: Extract<DaemonSpec, { type: 'miniupnpd' }>): DaemonPlan {
  const conf = [
    'ext_ifname=wan0',
    'listening_ip=eth0',
    'http_port=5000',
    'enable_natpmp=yes',
    'enable_upnp=yes',
    // Mappings to any inside address, as most home routers allow.
    'secure_mode=no',
    'system_uptime=yes',
    `lease_file=${dir}/upnp.leases`,
    `uuid=${upnpUuid(spec.serial)}`,
    `friendly_name=${spec.friendlyName}`,
    `manufacturer_name=${spec.manufacturer}`,
    `model_name=${spec.modelName}`,
    `model_number=${spec.modelNumber}`,
    `serial=${spec.serial}`,
    `allow 1-65535 ${network.subnet} 1-65535`,
    'deny 0-65535 0.0.0.0/0 0-65535',
  ];
  return {
    label: 'miniupnpd',
    files: { 'miniupnpd.conf': `${conf.join('\n')}\n` },
    prepare: [['nft', '-f', `${REALNET_DIR}daemons/router.nft`]],
    argv: ['/usr/sbin/miniupnpd', '-d', '-f', `${dir}/miniupnpd.conf`],
  };
}

function sshd(dir: string, spec: Extract<DaemonSpec, { type: 'sshd' }>): DaemonPlan {
  const conf = [
    `Port ${spec.port}`,
    'ListenAddress 0.0.0.0',
    `HostKey ${dir}/ssh_host_ed25519_key`,
    `HostKey ${dir}/ssh_host_rsa_key`,
    'PidFile none',
    'UsePAM yes',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin yes',
    'Subsystem sftp internal-sftp',
  ];
  return {
    label: 'sshd',
    files: { 'sshd_config': `${conf.join('\n')}\n` },
    prepare: [
      ['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', `${dir}/ssh_host_ed25519_key`],
      ['ssh-keygen', '-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', `${dir}/ssh_host_rsa_key`],
    ],
    argv: ['/usr/sbin/sshd', '-D', '-e', '-f', `${dir}/sshd_config`],
  };
}

function vsftpd(dir: string, spec: Extract<DaemonSpec, { type: 'vsftpd' }>): DaemonPlan {
  const conf = [
    'listen=YES',
    'listen_ipv6=NO',
    `listen_port=${spec.port}`,
    'background=NO',
    `anonymous_enable=${spec.anonymous ? 'YES' : 'NO'}`,
    `anon_root=${dir}/ftp`,
    'local_enable=YES',
    'write_enable=NO',
    `secure_chroot_dir=${dir}/ftp-empty`,
    'pam_service_name=vsftpd',
    'seccomp_sandbox=NO',
    // Every FTP command in a log, so the bench can count the PASS commands (login attempts).
    'xferlog_enable=YES',
    'xferlog_std_format=NO',
    'log_ftp_protocol=YES',
    'syslog_enable=NO',
    `vsftpd_log_file=${dir}/vsftpd.log`,
  ];
  const files: Record<string, string> = { 'vsftpd.conf': `${conf.join('\n')}\n`, 'ftp-empty/.keep': '' };
  for (const name of spec.files) files[`ftp/${name}`] = `${name}\n`;
  return { label: 'vsftpd', files, prepare: [], argv: ['/usr/sbin/vsftpd', `${dir}/vsftpd.conf`] };
}

function minidlna(device: DeviceSpec, dir: string, spec: Extract<DaemonSpec, { type: 'minidlna' }>): DaemonPlan {
  const conf = [
    `media_dir=V,${dir}/media`,
    `port=${spec.port}`,
    'network_interface=eth0',
    `friendly_name=${spec.friendlyName}`,
    `db_dir=${dir}/minidlna-db`,
    `log_dir=${dir}`,
    'inotify=no',
    `serial=${device.mac.replace(/:/g, '')}`,
  ];
  return {
    label: 'minidlna',
    files: { 'minidlna.conf': `${conf.join('\n')}\n`, 'media/.keep': '', 'minidlna-db/.keep': '' },
    prepare: [],
    argv: ['/usr/sbin/minidlnad', '-S', '-f', `${dir}/minidlna.conf`, '-P', `${dir}/minidlna.pid`, '-r'],
  };
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The device's private D-Bus system bus: only avahi and the printer's IPP server talk on it. */
export function busAddress(dir: string): string {
  return `unix:path=${dir}/dbus.sock`;
}

function busConfig(dir: string): string {
  return [
    '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">',
    '<busconfig>', '<type>system</type>', `<listen>${busAddress(dir)}</listen>`, '<auth>EXTERNAL</auth>',
    '<policy context="default"><allow user="*"/><allow own="*"/><allow send_destination="*" eavesdrop="true"/><allow receive_sender="*"/><allow eavesdrop="true"/></policy>', '</busconfig>',
  ].join('\n');
}

/** Waits (bounded, 10 s) for a unix socket to appear, then runs the command: the bus before its users. */
function afterSocket(socket: string, argv: string[], before = ''): string[] {
  return ['sh', '-c', `${before}i=0; while [ ! -S "${socket}" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; exec "$@"`, 'after-socket', ...argv];
}

function avahi(device: DeviceSpec, dir: string, spec: Extract<DaemonSpec, { type: 'avahi' }>): DaemonPlan {
  const conf = [
    '[server]', `host-name=${device.hostname}`, 'domain-name=local', 'use-ipv4=yes', 'use-ipv6=no', 'allow-interfaces=eth0', `enable-dbus=${spec.bus ? 'yes' : 'no'}`,
    '[wide-area]', 'enable-wide-area=no',
    '[publish]', 'publish-hinfo=no', 'publish-workstation=no',
  ];
  const files: Record<string, string> = { 'avahi-daemon.conf': `${conf.join('\n')}\n` };
  for (const [index, service] of spec.services.entries()) {
    const txt = (service.txt ?? []).map((record) => `<txt-record>${xmlText(record)}</txt-record>`).join('');
    files[`etc/avahi-services/s${index}.service`] = `<?xml version="1.0" standalone='no'?>\n<!DOCTYPE service-group SYSTEM "avahi-service.dtd">\n`
      + `<service-group><name>${xmlText(service.name)}</name><service><type>${service.type}</type><port>${service.port}</port>${txt}</service></service-group>\n`;
  }
  const argv = ['/usr/sbin/avahi-daemon', '-f', `${dir}/avahi-daemon.conf`, '--no-drop-root', '--no-chroot', '--no-rlimits'];
  if (!spec.bus) return { label: 'avahi-daemon', files, prepare: [], argv };
  files['dbus.conf'] = `${busConfig(dir)}\n`;
  // The bus runs beside avahi in its namespaces; teardown ends it with every process left in them.
  const startBus = `rm -f "${dir}/dbus.sock"; /usr/bin/dbus-daemon --config-file="${dir}/dbus.conf" --nofork --nopidfile & `;
  return { label: 'avahi-daemon', files, prepare: [], argv: afterSocket(`${dir}/dbus.sock`, argv, startBus), env: { DBUS_SYSTEM_BUS_ADDRESS: busAddress(dir) } };
}

/** ippeveprinter with an attributes file (make and model, firmware) on its port; it announces _ipp._tcp itself. */
function ippeveprinter(dir: string, spec: Extract<DaemonSpec, { type: 'ippeveprinter' }>, index: number): DaemonPlan {
  const quote = (text: string) => `"${text.replace(/(["\\])/g, '\\$1')}"`;
  const conf = Object.entries(spec.attributes).map(([name, value]) => `ATTR ${name === 'printer-firmware-version' ? 'octetString' : 'text'} ${name} ${quote(value)}`);
  const argv = ['/usr/sbin/ippeveprinter', '-p', String(spec.port), '-a', `${dir}/ipp${index}.conf`, '-d', `${dir}/ipp${index}-spool`, spec.name];
  return {
    label: 'ippeveprinter',
    files: { [`ipp${index}.conf`]: `${conf.join('\n')}\n`, [`ipp${index}-spool/.keep`]: '' },
    prepare: [],
    argv: afterSocket(`${dir}/dbus.sock`, argv),
    env: { DBUS_SYSTEM_BUS_ADDRESS: busAddress(dir) },
  };
}

function snmpd(dir: string, spec: Extract<DaemonSpec, { type: 'snmpd' }>): DaemonPlan {
  // No sysContact/sysLocation lines: set in the file they would be read-only, and the write community real.
  const conf = ['agentAddress udp:161', `rocommunity ${spec.readCommunity} default`, `rwcommunity ${spec.writeCommunity} default`, `sysDescr ${spec.sysDescr}`, `sysName ${spec.sysName}`, 'master no'];
  // Objects of the printer and host resources MIBs the way a printer fills them (snmpd.conf(5) `override`).
  for (const [oid, text] of Object.entries(spec.objects ?? {})) conf.push(`override ${oid} octet_str "${text.replace(/"/g, '')}"`);
  return {
    label: 'snmpd',
    files: { 'snmpd.conf': `${conf.join('\n')}\n`, 'snmp-state/.keep': '' },
    prepare: [],
    argv: ['/usr/sbin/snmpd', '-f', '-Lo', '-C', '-c', `${dir}/snmpd.conf`, '-p', `${dir}/snmpd.pid`],
    env: { SNMP_PERSISTENT_DIR: `${dir}/snmp-state`, MIBS: '' },
  };
}

function mosquitto(dir: string, spec: Extract<DaemonSpec, { type: 'mosquitto' }>, index: number): DaemonPlan {
  const conf = [`listener ${spec.port} 0.0.0.0`, `allow_anonymous ${spec.anonymous ? 'true' : 'false'}`, 'persistence false', 'log_dest stderr', 'user root'];
  const prepare: string[][] = [];
  if (spec.username) {
    conf.push(`password_file ${dir}/mosquitto${index}.passwd`);
    prepare.push(['mosquitto_passwd', '-c', '-b', `${dir}/mosquitto${index}.passwd`, spec.username, spec.password ?? '']);
  }
  return { label: 'mosquitto', files: { [`mosquitto${index}.conf`]: `${conf.join('\n')}\n` }, prepare, argv: ['/usr/sbin/mosquitto', '-c', `${dir}/mosquitto${index}.conf`] };
}

/** busybox telnetd; the issue file is what the device prints before its login prompt. */
function telnetd(dir: string, spec: Extract<DaemonSpec, { type: 'telnetd' }>): DaemonPlan {
  const argv = ['/usr/bin/busybox', 'telnetd', '-F', '-p', String(spec.port), '-l', '/bin/login'];
  if (spec.issue === undefined) return { label: 'telnetd', files: {}, prepare: [], argv };
  return { label: 'telnetd', files: { 'issue.net': `${spec.issue}\n` }, prepare: [], argv: [...argv, '-f', `${dir}/issue.net`] };
}

/** wsdd as a Samba host runs it: IPv4 on the LAN interface, the device's host name, its workgroup. */
function wsdd(device: DeviceSpec, spec: Extract<DaemonSpec, { type: 'wsdd' }>): DaemonPlan {
  return { label: 'wsdd', files: {}, prepare: [], argv: ['/usr/bin/python3', '/usr/sbin/wsdd', '-4', '-i', 'eth0', '-n', device.hostname, '-w', spec.workgroup] };
}

/** The daemon's plan, or null for a step that is no daemon (port mappings are asked for once all run). */
export function planDaemon(network: NetworkSpec, device: DeviceSpec, dir: string, spec: DaemonSpec, index: number): DaemonPlan | null {
  switch (spec.type) {
    case 'lighttpd': return lighttpd(device, dir, spec, index);
    case 'miniupnpd': return miniupnpd(network, dir, spec);
    case 'telnetd': return telnetd(dir, spec);
    case 'rtsp': return { label: 'rtsp-server', files: {}, prepare: [], argv: ['/usr/bin/python3', `${REALNET_DIR}daemons/rtsp-server.py`, String(spec.port), spec.path] };
    case 'sshd': return sshd(dir, spec);
    case 'vsftpd': return vsftpd(dir, spec);
    case 'minidlna': return minidlna(device, dir, spec);
    case 'avahi': return avahi(device, dir, spec);
    case 'snmpd': return snmpd(dir, spec);
    case 'mosquitto': return mosquitto(dir, spec, index);
    case 'ippeveprinter': return ippeveprinter(dir, spec, index);
    case 'wsdd': return wsdd(device, spec);
    case 'upnp-mappings': return null;
  }
}

/** The PAM service files the device's logins read: plain pam_unix, or with faillock when it locks out. */
export function pamFiles(device: DeviceSpec, dir: string): Record<string, string> {
  const lockout = device.daemons.find((d): d is Extract<DaemonSpec, { type: 'sshd' }> => d.type === 'sshd' && d.lockout !== undefined)?.lockout;
  const stack = lockout ? pamWithFaillock(dir, lockout.deny, lockout.unlockTime) : PAM_PLAIN;
  return { 'etc/pam.d/login': `${stack}\n`, 'etc/pam.d/sshd': `${stack}\n`, 'etc/pam.d/vsftpd': `${stack}\n`, 'etc/pam.d/other': `${PAM_PLAIN}\n`, 'faillock/.keep': '' };
}
