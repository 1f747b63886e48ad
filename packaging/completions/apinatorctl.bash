# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
# bash completion for apinatorctl. Commands and options are read from apinatorctl's own
# --help, so a new command or option completes without editing this file.

# "sign request", "trigger", ...: the first column of the Commands: block.
_apinatorctl_commands()
{
    "$1" --help 2>/dev/null | awk '/^Commands:/ {on = 1; next} on && /^$/ {exit}
        on {sub(/^ +/, ""); split($0, f, /  +/); print f[1]}'
}

_apinatorctl()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local prog=${COMP_WORDS[0]} commands cmdpath="" try i
    commands=$(_apinatorctl_commands "$prog")
    # The longest run of words after the program that starts a command name.
    for ((i = 1; i < COMP_CWORD; i++)); do
        try="${cmdpath:+$cmdpath }${COMP_WORDS[i]}"
        if grep -q -x -e "$try" -e "$try .*" <<<"$commands"; then cmdpath=$try; else break; fi
    done

    if [[ -n $cmdpath ]] && grep -q -x -e "$cmdpath" <<<"$commands"; then
        # A whole command: its options, and their values where the set is known.
        local help opts
        # shellcheck disable=SC2086 # the command path is several words on purpose
        help=$("$prog" $cmdpath --help 2>/dev/null)
        case $prev in
            --*-file)
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
                return ;;
            --lang) mapfile -t COMPREPLY < <(compgen -W "curl python node go php http" -- "$cur"); return ;;
            --format) mapfile -t COMPREPLY < <(compgen -W "json form" -- "$cur"); return ;;
        esac
        # prev takes a value (its help row reads "--name VALUE  text"): nothing to offer.
        if [[ $prev == --* ]] && grep -q -E "^  $prev [^ ]" <<<"$help"; then
            COMPREPLY=()
            return
        fi
        opts=$(awk '/^Options:/ {on = 1; next} on && /^$/ {exit} on && $1 ~ /^--/ {print $1}' <<<"$help")
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return
    fi

    # The next word of a command name (a group's subcommands, or the top-level commands).
    local depth next
    depth=$(wc -w <<<"$cmdpath")
    next=$(awk -v p="$cmdpath" -v d="$depth" '(p == "" || index($0, p " ") == 1) {split($0, w, " "); print w[d + 1]}' \
        <<<"$commands" | sort -u)
    [[ -z $cmdpath ]] && next+=$'\n--help\n--version'
    mapfile -t COMPREPLY < <(compgen -W "$next" -- "$cur")
}
complete -F _apinatorctl apinatorctl
