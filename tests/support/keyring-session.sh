#!/bin/sh
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
#
# Runs a command against a real, throwaway Secret Service: gnome-keyring-daemon,
# unlocked with a dummy password, in a private D-Bus session under a temporary HOME.
# Nothing touches the caller's own keyring. Needs: dbus, gnome-keyring, libsecret-1-0.
#
#   tests/support/keyring-session.sh ./tst_keyring [test arguments...]
#
# Exports APINATOR_KEYRING_SESSION=1 so the tests can refuse to run against a real keyring.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool not found (install the dbus and gnome-keyring packages)" >&2
        exit 2
    fi
done

session_home=$(mktemp -d)
trap 'rm -rf "$session_home"' EXIT INT TERM
mkdir -m 0700 "$session_home/run"

status=0
HOME=$session_home XDG_RUNTIME_DIR=$session_home/run APINATOR_KEYRING_SESSION=1 \
    dbus-run-session -- sh -c 'printf %s pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@" \
    || status=$?
exit "$status"
