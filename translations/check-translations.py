#!/usr/bin/env python3
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
"""Fails when the committed .ts file is not what `update_translations` would write.

check-translations.py CMAKE GENERATOR PROJECT_CMAKE LUPDATE TS_FILE WORK_DIR

Runs lupdate over the same project as the update_translations target (qt_add_lupdate's
project description: sources and include paths), into a scratch file, and compares the
set of (context, source text, disambiguation) with the committed file's. A string the
sources have and the .ts lacks cannot be translated; one the .ts has and the sources
lost is a stale entry. Either way: run the target and commit the file. The comparison is
of sets, not bytes, so another lupdate version's layout does not fail it.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def messages(ts_file):
    """{(context, source, comment)} of every message that is not obsolete or vanished."""
    found = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((name, message.findtext("source", ""), message.findtext("comment", "")))
    return found


def describe(entry):
    context, source, comment = entry
    return f"  [{context}] {source!r}" + (f" ({comment})" if comment else "")


def main():
    if len(sys.argv) != 7:
        print(__doc__, file=sys.stderr)
        return 2
    cmake, generator, project_cmake, lupdate, ts_file, work = sys.argv[1:]
    work_dir = Path(work)
    work_dir.mkdir(parents=True, exist_ok=True)
    project_json = work_dir / "project.json"
    fresh = work_dir / "fresh.ts"
    fresh.unlink(missing_ok=True)
    subprocess.run([cmake, f"-DIN_FILE={project_cmake}", f"-DOUT_FILE={project_json}", "-P", generator],
                   check=True)
    # The options of translations/CMakeLists.txt; -ts sends the output to the scratch file.
    run = subprocess.run([lupdate, "-project", str(project_json), "-no-obsolete", "-locations", "none",
                          "-ts", str(fresh)], capture_output=True, text=True)
    if run.returncode != 0 or not fresh.exists():
        print(run.stdout + run.stderr, file=sys.stderr)
        print("lupdate failed", file=sys.stderr)
        return 1
    # lupdate's own warnings (a tr() it cannot place in a context) are failures too: their
    # strings land in a context that nothing looks up at run time.
    warnings = [line for line in (run.stdout + run.stderr).splitlines() if re.match(r"\S+:\d+: ", line)]
    in_sources = messages(fresh)
    committed = messages(ts_file)
    missing = sorted(in_sources - committed)
    stale = sorted(committed - in_sources)
    if missing:
        print(f"{len(missing)} string(s) of the sources are missing from {ts_file}:")
        print("\n".join(describe(entry) for entry in missing))
    if stale:
        print(f"{len(stale)} string(s) in {ts_file} are no longer in the sources:")
        print("\n".join(describe(entry) for entry in stale))
    if warnings:
        print("lupdate warned:\n  " + "\n  ".join(warnings))
    if missing or stale or warnings:
        print(("Fix the warnings, then run" if warnings else "Run")
              + " cmake --build BUILD_DIR --target update_translations and commit the .ts file")
        return 1
    print(f"{ts_file}: all {len(in_sources)} strings of the sources, none stale")
    return 0


if __name__ == "__main__":
    sys.exit(main())
