#!/usr/bin/env bash
# Runs a command in a network namespace of its own when this user can make one (root with iproute2), so the
# tests' traffic, multicast included, never reaches this machine's interfaces; otherwise runs it as it is.
set -uo pipefail
if [ "$(id -u)" = 0 ] && command -v ip >/dev/null 2>&1 && [ -z "${HOMEAUDIT_OWN_NETNS:-}" ]; then
  ns="homeaudit-test-$$"
  if ip netns add "$ns" 2>/dev/null; then
    trap 'ip netns delete "$ns" 2>/dev/null || true' EXIT
    ip netns exec "$ns" ip link set lo up
    HOMEAUDIT_OWN_NETNS="$ns" ip netns exec "$ns" "$@"
    exit $?
  fi
  echo "in-own-netns: could not make a network namespace; running on this machine's own" >&2
fi
exec "$@"
