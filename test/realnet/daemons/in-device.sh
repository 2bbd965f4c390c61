#!/bin/sh
# Runs one daemon as if on its own device: its own hostname, its own /run, its own accounts and PAM
# files, all bound in a private mount namespace so the host's /etc is never touched.
# Usage (inside the device's network namespace, under `unshare --mount --uts --propagation private`):
#   in-device.sh HOSTNAME DEVICE_DIR -- COMMAND [ARG...]
set -eu
host=$1
dir=$2
shift 3
hostname "$host"
mount -t tmpfs -o mode=0755 realnet-run /run
mkdir -p /run/sshd /run/avahi-daemon /run/minidlna /run/mosquitto /run/lock
[ -f "$dir/etc/passwd" ] && mount --bind "$dir/etc/passwd" /etc/passwd
[ -f "$dir/etc/shadow" ] && mount --bind "$dir/etc/shadow" /etc/shadow
[ -d "$dir/etc/pam.d" ] && mount --bind "$dir/etc/pam.d" /etc/pam.d
[ -d "$dir/etc/avahi-services" ] && mount --bind "$dir/etc/avahi-services" /etc/avahi/services
exec "$@"
