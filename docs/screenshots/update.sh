#!/usr/bin/env bash
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
#
# docs/screenshots/update.sh [BUILD_DIR]   (default build/release)
# Renders every page of the console offscreen against the embedded sandbox, after some
# sample traffic, into docs/screenshots/page-<page id>.png (tests/ui/tst_pagescreenshots.cpp;
# the suite runs the same test without saving, and it fails when a page renders empty).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
cmake --build "$build" --target tst_pagescreenshots
APINATOR_UI_SCREENSHOTS=$PWD/docs/screenshots QT_QPA_PLATFORM=offscreen \
    XDG_RUNTIME_DIR=$(mktemp -d) "$build/tests/tst_pagescreenshots"
ls -l docs/screenshots/page-*.png
