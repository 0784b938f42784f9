# bash completion for eqsite (installed as
# share/bash-completion/completions/eqsite by cmake --install).
_eqsite() {
    local cur prev words cword
    _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; cword=$COMP_CWORD; words=("${COMP_WORDS[@]}"); }
    local commands="build serve check new import"
    if [ "$cword" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    local options
    case ${words[1]} in
        build) options="--output -o --base-url --jobs --today --quiet -q --fragments --help" ;;
        serve) options="--port --bind --poll --jobs --today --help" ;;
        check) options="--format --today --strict --quiet -q --help" ;;
        new) [ "$cword" -eq 2 ] && { COMPREPLY=($(compgen -W "site school objective" -- "$cur")); return; } ;;
        import) [ "$cword" -eq 2 ] && { COMPREPLY=($(compgen -W "objectives" -- "$cur")); return; }
                options="--school --dry-run --update --force --sheet --table --map --help" ;;
    esac
    case $prev in
        --format) COMPREPLY=($(compgen -W "text json github" -- "$cur")); return ;;
        -o|--output) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --port|--bind|--jobs|--today|--base-url|--school) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    else
        COMPREPLY=($(compgen -d -- "$cur"))
        [ "${words[1]}" = import ] && COMPREPLY+=($(compgen -f -X '!*.@(csv|tsv|xlsx|docx)' -- "$cur"))
    fi
}
complete -F _eqsite eqsite
