#!/bin/sh
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
# The console starts without Qt Network: its executable names none of the libraries its
# network module brings (ui/networkparts.h), and the module names them, with the one entry
# point the console resolves. A class that needs Qt Network and lands in the executable
# (its moc in mocs_compilation, a page that uses it directly) makes this fail.
#   check-network-module.sh CONSOLE MODULE
set -eu
console=$1
module=$2
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

status=0
for library in libQt6Network libQt6WebSockets libgssapi_krb5 libproxy; do
    if needed "$console" | grep -q "^$library\."; then
        echo "FAIL: $console needs $library at start (it belongs in the network module)"
        status=1
    fi
done
for library in libQt6Network libQt6WebSockets; do
    if ! needed "$module" | grep -q "^$library\."; then
        echo "FAIL: $module does not need $library: is it the network module?"
        status=1
    fi
done
if ! readelf --dyn-syms -W "$module" | grep -q ' apinator_console_network_parts$'; then
    echo "FAIL: $module does not export apinator_console_network_parts"
    status=1
fi
[ $status -eq 0 ] && echo "PASS: $(basename "$console") needs: $(needed "$console" | tr '\n' ' ')"
exit $status
