#!/bin/sh
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
# The console starts without Qt Network, QtKeychain or Qt SQL: its executable names none of
# the libraries its parts module brings (ui/deferredparts.h), and the module names them,
# with the one entry point the console resolves. A class that needs one of them and lands
# in the executable (its moc in mocs_compilation, a page that uses it directly) makes this
# fail.
#   check-parts-module.sh CONSOLE MODULE
set -eu
console=$1
module=$2
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

status=0
for library in libQt6Network libQt6WebSockets libgssapi_krb5 libproxy libqt6keychain libQt6Sql; do
    if needed "$console" | grep -q "^$library\."; then
        echo "FAIL: $console needs $library at start (it belongs in the parts module)"
        status=1
    fi
done
for library in libQt6Network libQt6WebSockets libqt6keychain libQt6Sql; do
    if ! needed "$module" | grep -q "^$library\."; then
        echo "FAIL: $module does not need $library: is it the parts module?"
        status=1
    fi
done
if ! readelf --dyn-syms -W "$module" | grep -q ' apinator_console_parts$'; then
    echo "FAIL: $module does not export apinator_console_parts"
    status=1
fi
# Copies of core objects in the module bind to the executable's at load: a static
# initialiser among them would construct the executable's object a second time. (GCC names
# them _GLOBAL__sub_I_<file>; AddressSanitizer's own are _GLOBAL__sub_I_00099_...)
initialisers=$(nm "$module" | sed -n 's/.* _GLOBAL__sub_I_\([^0].*\)/\1/p')
if [ -n "$initialisers" ]; then
    echo "FAIL: $module has static initialisers: $initialisers"
    status=1
fi
[ $status -eq 0 ] && echo "PASS: $(basename "$console") needs: $(needed "$console" | tr '\n' ' ')"
exit $status
