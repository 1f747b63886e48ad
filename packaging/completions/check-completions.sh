#!/usr/bin/env bash
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
#
# packaging/completions/check-completions.sh APINATORCTL BASH_COMPLETION [ZSH_COMPLETION]
#
# Loads the shell completion of apinatorctl in bash (and zsh, when given and installed) the
# way the shell does, completes command lines with it and compares the offers with what
# `apinatorctl --help` and `apinatorctl COMMAND --help` print, read here independently of
# the completion's own parsing. The suite runs it on packaging/completions/ (CTest
# packaging/completions); packaging/check-package.sh on the installed files.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 APINATORCTL BASH_COMPLETION [ZSH_COMPLETION]" >&2; exit 2; }
ctl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bash_completion=$2
zsh_completion=${3:-}
failures=0

fail() { printf 'completion check FAILED: %s\n' "$*" >&2; failures=$((failures + 1)); }
# Sorted, one per line, no blank lines: the form both sides are compared in.
lines() { tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort -u; }
oneline() { paste -s -d ' ' -; }

# What the completion should offer, from the help texts.
commands=$("$ctl" --help | sed -n '/^Commands:/,/^$/p' | sed '1d;/^$/d')
top_level=$({ awk '{print $1}' <<<"$commands"; printf -- '--help\n--version\n'; } | lines)
sign_subcommands=$(awk '$1 == "sign" {print $2}' <<<"$commands" | lines)
trigger_options=$("$ctl" trigger --help | sed -n '/^Options:/,/^$/p' | grep -oE '^  --[a-z-]+' | lines)
[ "$(wc -l <<<"$top_level")" -ge 10 ] || fail "apinatorctl --help lists only: $top_level"
if [ -z "$sign_subcommands" ] || [ -z "$trigger_options" ]; then
    fail "the help texts have no sign commands or trigger options"
fi

# Each case: the words typed before the cursor, the word under it (may be empty), what
# must be offered (words on one line).
cases=(
    "apinatorctl||$(oneline <<<"$top_level")"
    "apinatorctl|s|$(grep '^s' <<<"$top_level" | oneline)"
    "apinatorctl sign||$(oneline <<<"$sign_subcommands")"
    "apinatorctl trigger|--|$(oneline <<<"$trigger_options")"
    "apinatorctl trigger|--ev|--event"
    "apinatorctl trigger --event|new|"
    "apinatorctl snippet|--la|--lang"
)

# bash: the file sourced in a clean shell, `complete -p` names its function, which is
# called with COMP_WORDS/COMP_CWORD as readline sets them.
bash_offers() { # $1 words before, $2 current word
    PATH="$(dirname "$ctl"):$PATH" bash --norc --noprofile -c '
        source "$1" || exit 3
        spec=$(complete -p apinatorctl) || exit 4
        function=$(sed -n "s/.*-F \([^ ]*\).*/\1/p" <<<"$spec")
        read -r -a COMP_WORDS <<<"$2"
        COMP_WORDS+=("$3")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="$2 $3" COMP_POINT=${#COMP_LINE}
        "$function" apinatorctl "$3" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"' check "$bash_completion" "$1" "$2"
}

# zsh: the file autoloaded from an fpath folder as compinit would; compadd and the other
# completion builtins, which only run inside a completion widget, print what they offer
# (compadd keeps what starts with the word under the cursor, $PREFIX, as the real one).
zsh_offers() { # $1 words before, $2 current word
    PATH="$(dirname "$ctl"):$PATH" zsh -f -c '
        compadd() { [[ $1 == -- ]] && shift; local w; for w; do [[ $w == $PREFIX* ]] && print -r -- $w; done; : }
        _files() { print -- "<files>" }
        _message() { }
        dir=$(mktemp -d) && cp "$1" "$dir/_apinatorctl" && fpath=("$dir" $fpath)
        autoload -Uz _apinatorctl
        words=(${=2} "$3")
        CURRENT=${#words} PREFIX=$3
        _apinatorctl
        rm -rf "$dir"' check "$zsh_completion" "$1" "$2"
}

check_shell() { # $1 bash or zsh
    local entry before current want got before_failures=$failures
    for entry in "${cases[@]}"; do
        IFS='|' read -r before current want <<<"$entry"
        got=$("$1_offers" "$before" "$current" | lines) || { fail "$1 could not complete '$before $current'"; continue; }
        want=$(lines <<<"$want")
        if [ "$got" != "$want" ]; then
            fail "$1: '$before $current<TAB>' offers [$(oneline <<<"$got")], --help says [$(oneline <<<"$want")]"
        fi
    done
    [ "$failures" -eq "$before_failures" ] && echo "$1 completion: ${#cases[@]} command lines complete as --help says"
    return 0
}

check_shell bash
if [ -z "$zsh_completion" ]; then
    :
elif command -v zsh >/dev/null; then
    check_shell zsh
else
    echo "zsh is not installed: the zsh completion is not checked"
fi
[ "$failures" -eq 0 ] || exit 1
