#!/usr/bin/env bash
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
#
# packaging/check-package.sh BUILD_DIR   (./dev test runs it on build/release; ./dev package alone)
#
# Checks Apinator Console as users get it, from a built tree:
#  1. `cmake --install` into a staging prefix (DESTDIR): every file is where it belongs,
#     the icons have their sizes, the version is the same everywhere;
#  2. the desktop entry and the AppStream metainfo pass their validators, the man page
#     renders without warnings and has a section for every command `apinatorctl --help` lists,
#     the bash and zsh completions complete its commands and options;
#  3. examples/trigger-and-verify is built against the staged prefix (CMake package and
#     pkg-config file), never the build tree, and run against `apinatorctl sandbox`;
#  4. cpack makes the .debs and the .tar.gz; the control files' Depends name the Qt 6,
#     OpenSSL, QtKeychain, libcurl and libsecret packages;
#  5. the runtime .deb is installed (apt-get as root, else unpacked with dpkg -x) and the
#     installed apinator-console --smoke-test and apinatorctl --version run, and the console
#     opens its parts module from where the package put it; then removed.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.apinator_console.Console
work=$build/package-check
stage=$work/stage
started=$SECONDS

log() { printf '\033[1m==> package: %s (%ds)\033[0m\n' "$*" "$((SECONDS - started))" >&2; }
fail() { printf 'package check FAILED: %s\n' "$*" >&2; exit 1; }
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }

version=$(cache CMAKE_PROJECT_VERSION)
libdir=$(cache CMAKE_INSTALL_LIBDIR)
libdir=${libdir:-lib}
[ -n "$version" ] || fail "$build is not a configured build tree"
rm -rf "$work"
mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
# Nothing here reads or writes the user's own profiles, data or keyring.
export APINATOR_CONFIG_DIR=$work/home/config APINATOR_DATA_DIR=$work/home/data
export XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=offscreen

pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -n "${installed_deb:-}" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq apinator-console >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

# ---- 1. the staged install --------------------------------------------------------------
log "installing into $stage/usr"
DESTDIR=$stage cmake --install "$build" --prefix /usr >"$work/install.log"
usr=$stage/usr
expected=(
    bin/apinator-console bin/apinatorctl
    "share/applications/$app_id.desktop"
    "share/metainfo/$app_id.metainfo.xml"
    "share/icons/hicolor/scalable/apps/$app_id.svg"
    share/man/man1/apinatorctl.1
    share/bash-completion/completions/apinatorctl
    share/zsh/vendor-completions/_apinatorctl
    "$libdir/apinator-console/libapinator-console-parts.so"
    "$libdir/libApinatorCore.a"
    "$libdir/cmake/ApinatorCore/ApinatorCoreConfig.cmake"
    "$libdir/cmake/ApinatorCore/ApinatorCoreConfigVersion.cmake"
    "$libdir/cmake/ApinatorCore/ApinatorCoreTargets.cmake"
    "$libdir/pkgconfig/apinatorcore.pc"
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("share/icons/hicolor/${size}x$size/apps/$app_id.png")
done
for header in "$source_dir"/core/include/apinator/*.h; do
    expected+=("include/apinator/$(basename "$header")")
done
for file in "${expected[@]}"; do
    [ -s "$usr/$file" ] || fail "not installed: /usr/$file"
done
for size in 16 22 24 32 48 64 128 256; do
    file -b "$usr/share/icons/hicolor/${size}x$size/apps/$app_id.png" | grep -q "PNG image data, $size x $size" \
        || fail "the ${size}px icon is not a ${size}x$size PNG"
done
[ -x "$usr/bin/apinator-console" ] || fail "apinator-console is not executable"
[ -x "$usr/bin/apinatorctl" ] || fail "apinatorctl is not executable"
echo "installed: ${#expected[@]} files checked"

# One version: the CMake project's, in the programs, the metainfo and the .pc file.
[ "$("$usr/bin/apinatorctl" --version)" = "apinatorctl $version" ] || fail "apinatorctl --version is not $version"
[ "$("$usr/bin/apinator-console" --version)" = "apinator-console $version" ] \
    || fail "apinator-console --version is not $version"
grep -q "<release version=\"$version\"" "$usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "the metainfo has no release $version"
grep -qx "Version: $version" "$usr/$libdir/pkgconfig/apinatorcore.pc" || fail "apinatorcore.pc is not version $version"

# ---- 2. validators, man page --------------------------------------------------------------
log "validating the desktop entry, the metainfo and the man page"
desktop-file-validate "$usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net --explain "$usr/share/metainfo/$app_id.metainfo.xml"
man_warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$usr/share/man/man1/apinatorctl.1" 2>&1 >/dev/null || true)
[ -z "$man_warnings" ] || fail "apinatorctl.1 renders with warnings: $man_warnings"
man_text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$usr/share/man/man1/apinatorctl.1" 2>/dev/null)
commands=$("$usr/bin/apinatorctl" --help | awk '/^Commands:/ {on = 1; next} on && /^$/ {exit}
    on {sub(/^ +/, ""); split($0, f, /  +/); print f[1]}')
[ -n "$commands" ] || fail "apinatorctl --help lists no commands"
while IFS= read -r command; do
    grep -q "^   $command\$" <<<"$man_text" || fail "apinatorctl.1 has no section for '$command'"
done <<<"$commands"
echo "man page: a section for each of $(wc -l <<<"$commands") commands"
# The installed completion files, loaded in bash and zsh, complete what --help lists.
"$source_dir/packaging/completions/check-completions.sh" "$usr/bin/apinatorctl" \
    "$usr/share/bash-completion/completions/apinatorctl" "$usr/share/zsh/vendor-completions/_apinatorctl" \
    || fail "the installed shell completion does not complete what apinatorctl --help lists"

# ---- 3. the example, against the staged prefix -------------------------------------------
log "building examples/trigger-and-verify against the staged prefix"
example_build=$work/example
cmake -S "$source_dir/examples/trigger-and-verify" -B "$example_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$usr" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$work/example-configure.log"
# The build tree must not leak in: the example's include paths point into the stage only.
grep -q "$source_dir/core" "$example_build/build.ninja" && fail "the example build refers to the source tree"
cmake --build "$example_build" >"$work/example-build.log"
# The pkg-config file alone is enough to compile and link it too.
pc_flags=$(PKG_CONFIG_PATH="$usr/$libdir/pkgconfig" pkg-config --cflags --libs apinatorcore)
# Every installed header compiles from the staged prefix alone (none reaches into core/).
for header in "$usr"/include/apinator/*.h; do
    echo "#include <apinator/$(basename "$header")>"
done >"$work/all-headers.cpp"
# shellcheck disable=SC2086 # pkg-config's flags are words
c++ -std=c++20 -fPIC -fsyntax-only "$work/all-headers.cpp" $pc_flags || fail "the installed headers do not compile"
# shellcheck disable=SC2086 # pkg-config's flags are words
c++ -std=c++20 -fPIC "$source_dir/examples/trigger-and-verify/main.cpp" -o "$work/example-pkgconfig" $pc_flags

log "running the example against apinatorctl sandbox"
"$usr/bin/apinatorctl" sandbox --port 0 --print-config >"$work/sandbox.out" 2>"$work/sandbox.log" &
pids+=($!)
for _ in $(seq 100); do
    [ -s "$work/sandbox.out" ] && break
    sleep 0.1
done
base_url=$(head -n1 "$work/sandbox.out" | jq -r .base_url)
[[ $base_url == http://* ]] || fail "the sandbox printed no base_url: $(cat "$work/sandbox.log")"
for example in "$example_build/trigger-and-verify" "$work/example-pkgconfig"; do
    output=$("$example" "$base_url" package-check) || fail "$(basename "$example") failed: $output"
    echo "$output"
    grep -q "HTTP 200" <<<"$output" || fail "the example's trigger did not get HTTP 200"
done
kill "${pids[0]}" 2>/dev/null || true
wait "${pids[0]}" 2>/dev/null || true
pids=()

# ---- 4. cpack: the .debs and the .tar.gz -------------------------------------------------
log "cpack (DEB, TGZ)"
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/packages" >"$work/cpack.log") \
    || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
runtime_deb=$(ls "$work"/packages/apinator-console_"$version"_*.deb)
dev_deb=$(ls "$work"/packages/libapinatorcore-dev_"$version"_*.deb)
tarball=$(ls "$work"/packages/apinator-console-"$version"-*.tar.gz)
ls -l "$runtime_deb" "$dev_deb" "$tarball"

[ "$(dpkg-deb -f "$runtime_deb" Version)" = "$version" ] || fail "the .deb's version is not $version"
depends=$(dpkg-deb -f "$runtime_deb" Depends)
echo "apinator-console Depends: $depends"
for package in libqt6core6 libqt6widgets6 libqt6network6 libqt6websockets6 libqt6sql6 libqt6sql6-sqlite \
    libqt6svg6 libssl3 libqt6keychain1 libcurl4 libsecret-1-0; do
    grep -Eq "(^|, )$package( |,|$)" <<<"$depends" || fail "apinator-console does not depend on $package"
done
dev_depends=$(dpkg-deb -f "$dev_deb" Depends)
echo "libapinatorcore-dev Depends: $dev_depends"
for package in qt6-base-dev qt6-websockets-dev libssl-dev qtkeychain-qt6-dev; do
    grep -Eq "(^|, )$package( |,|$)" <<<"$dev_depends" || fail "libapinatorcore-dev does not depend on $package"
done
# Listed first, then searched: grep -q leaving early would break the pipe under pipefail.
dev_files=$(dpkg-deb -c "$dev_deb")
runtime_files=$(dpkg-deb -c "$runtime_deb")
tar_files=$(tar -tzf "$tarball")
grep -q "/usr/include/apinator/webhook.h$" <<<"$dev_files" || fail "the -dev package has no headers"
grep -q "/ApinatorCoreConfig.cmake$" <<<"$dev_files" || fail "the -dev package has no CMake package"
grep -q "/libApinatorCore.a$" <<<"$dev_files" || fail "the -dev package has no library"
grep -q "/usr/bin/apinator-console$" <<<"$runtime_files" || fail "the runtime package has no apinator-console"
grep -q "/apinator-console/libapinator-console-parts.so$" <<<"$runtime_files" \
    || fail "the runtime package has no parts module"
grep -q "/usr/include/" <<<"$runtime_files" && fail "the runtime package carries headers"
grep -q "/bin/apinatorctl$" <<<"$tar_files" || fail "the .tar.gz has no apinatorctl"

# ---- 5. the .deb installed ----------------------------------------------------------------
# APINATOR_PACKAGE_UNPACK=1 takes the dpkg -x path even as root.
if [ "$(id -u)" -eq 0 ] && [ -z "${APINATOR_PACKAGE_UNPACK:-}" ] && command -v apt-get >/dev/null \
    && ! dpkg -s apinator-console >/dev/null 2>&1; then
    log "apt-get install ./$(basename "$runtime_deb")"
    installed_deb=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$runtime_deb" >"$work/apt.log" 2>&1 \
        || { cat "$work/apt.log" >&2; fail "apt-get install failed"; }
    root=""
else
    log "dpkg -x $(basename "$runtime_deb") (not root, apinator-console installed already, or asked to)"
    root=$work/root
    dpkg -x "$runtime_deb" "$root"
fi
[ "$("$root/usr/bin/apinatorctl" --version)" = "apinatorctl $version" ] || fail "installed apinatorctl --version"
smoke=$("$root/usr/bin/apinator-console" --smoke-test 2>"$work/smoke.log") \
    || fail "installed apinator-console --smoke-test failed: $(cat "$work/smoke.log")"
grep -q '"startup_ms"' <<<"$smoke" || fail "--smoke-test printed no startup_ms: $smoke"
echo "installed apinator-console --smoke-test: $smoke"
# The parts module, found where the package put it: the Monitor page (the last page, so
# built at start) comes from it, and the sandbox starts with it.
mkdir -p "$work/console-config"
printf '[navigation]\nlastPage=monitor\n' >"$work/console-config/console.ini"
APINATOR_CONFIG_DIR=$work/console-config APINATOR_DATA_DIR=$work/console-data \
    "$root/usr/bin/apinator-console" --screenshot "$work/monitor.png" >/dev/null 2>"$work/module.log" \
    || fail "installed apinator-console --screenshot failed: $(cat "$work/module.log")"
grep -q "parts module" "$work/module.log" && fail "installed apinator-console: $(cat "$work/module.log")"
echo "installed apinator-console opened its parts module"
if [ -n "${installed_deb:-}" ]; then
    [ -f "/usr/share/applications/$app_id.desktop" ] || fail "the .deb did not install the desktop entry"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq apinator-console >>"$work/apt.log" 2>&1
    installed_deb=
    [ ! -e /usr/bin/apinatorctl ] || fail "apt-get remove left /usr/bin/apinatorctl"
fi
log "all package checks passed"
