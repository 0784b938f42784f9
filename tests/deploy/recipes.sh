#!/usr/bin/env bash
# Tests the deploy recipes in docs/deploy/ by running every eqsite command
# they show, on a copy of the example site.
#
# Usage: tests/deploy/recipes.sh EQSITE_BINARY SITE_EXAMPLE_DIR
#
# For each recipe docs/deploy/*.md (README.md, the index, is not a recipe):
#
# 1. Extract the commands, in the order the recipe shows them:
#    - from ```sh, ```bash and ```shell blocks (the build scripts shown in
#      the recipes are such blocks), every line;
#    - from ```yaml and ```yml blocks, the values of `run:` (one line, or a
#      `run: |` / `run: >` block) and the items of GitLab's `script:`,
#      `before_script:` and `after_script:` lists.
#    A line ending in a backslash is joined to the next; comment lines are
#    skipped. A line is an eqsite command when `eqsite` is a command word:
#    first on the line, or after &&, ||, ;, |, (, !, then, else or do. An
#    eqsite command must be complete on its line (after joining). A line
#    that starts with `rsync` or `aws s3 sync` is an upload command.
# 2. Make a work folder holding a copy of SITE_EXAMPLE_DIR named `site`, and
#    put a folder first on PATH whose `eqsite` is EQSITE_BINARY, so that the
#    commands run the binary under test exactly as written.
# 3. Replace hosting values and upload commands using the two tables below.
#    A `$NAME` or `${{ ... }}` left in a command after that is a failure:
#    add it to the table.
# 4. Run each command with bash in the work folder. After a successful
#    `eqsite build` with --base-url, the built home page's canonical link
#    must be that address. A recipe with upload commands is run a second
#    time, and the second uploads must copy no file (the recipes promise
#    that unchanged files are not uploaded again).
#
# It fails, naming the recipe file, line and command, when a command fails,
# when a recipe has no eqsite command, fewer than 2, or no `eqsite check`
# and `eqsite build`.
#
# The example site has warnings on purpose (overdue reviews, a school with
# no accessibility plan, ...), so `eqsite check --strict` fails on it with
# exit status 1. Such a command counts as passed, and is reported as
# "warnings only", when it exits with 1 and the same command without
# --strict exits with 0 (no errors). Set RECIPES_WARNINGS=fail to count it
# as a failure instead (for a site with no warnings).
#
# Exit status: 0 all passed, 1 a recipe failed, 2 usage error.
# KEEP_WORK=1 keeps the work folders (their path is printed).
set -euo pipefail

# Hosting values -> local values. Each pair: the text in the recipe, then
# what the test puts instead. Applied in this order; `$NAME` is replaced
# only when it is not followed by a letter, digit or underscore.
# shellcheck disable=SC2016 # the recipes' text, not expanded here
SUBSTITUTIONS=(
  # GitHub Pages: the site's address from actions/configure-pages. Like
  # the real one, it has a path and no slash at the end.
  '${{ steps.pages.outputs.base_url }}' 'https://example.org/equality'
  # GitLab Pages: the address GitLab gives the Pages site.
  '${CI_PAGES_URL}' 'https://example.org/equality'
  '$CI_PAGES_URL' 'https://example.org/equality'
  # Netlify: the address of one deploy, and the site's main address.
  '${DEPLOY_PRIME_URL}' 'https://example.org'
  '$DEPLOY_PRIME_URL' 'https://example.org'
  '${URL}' 'https://example.org'
  '$URL' 'https://example.org'
)

# Upload commands -> a copy into a local folder, WORK/uploaded/rsync or
# WORK/uploaded/s3 (see local_upload below). Each pair: how the command
# starts in the recipe, then what the test runs instead.
UPLOADS=(
  'rsync ' 'local_upload rsync '
  'aws s3 sync ' 'local_upload s3 '
)

usage() {
  echo "usage: $0 EQSITE_BINARY SITE_EXAMPLE_DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
if [ ! -f "$1" ] || [ ! -x "$1" ]; then
  echo "$0: $1 is not an executable file" >&2
  exit 2
fi
[ -f "$2/site.yaml" ] || { echo "$0: $2 is not a site folder (it has no site.yaml)" >&2; exit 2; }
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
site_example=$(cd "$2" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
docs="$root/docs/deploy"
warnings_mode=${RECIPES_WARNINGS:-allow}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/eqsite-recipes.XXXXXX")
if [ "${KEEP_WORK:-}" = 1 ]; then
  echo "work folders kept in $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi

mkdir "$tmp/bin"
ln -s "$binary" "$tmp/bin/eqsite"
export PATH="$tmp/bin:$PATH"
if [ "$(command -v eqsite)" != "$tmp/bin/eqsite" ]; then
  echo "$0: cannot put the binary under test first on PATH" >&2
  exit 2
fi

# Prints the recipe's commands, one a line: LINE, KIND (eqsite or upload)
# and the command, separated by the byte 0x1f.
extract() {
  awk '
    function indent_of(s) { match(s, /^ */); return RLENGTH }
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
    function unquote(s) {
      if (s ~ /^".*"$/ || s ~ /^\047.*\047$/) return substr(s, 2, length(s) - 2)
      return s
    }
    function calls_eqsite(s) {
      return s ~ /^eqsite([ \t]|$)/ ||
             s ~ /(&&|\|\||[;|(!])[ \t]*eqsite([ \t]|$)/ ||
             s ~ /(^|[ \t])(then|else|do)[ \t]+eqsite([ \t]|$)/
    }
    function shell_line(s, n) {
      if (pending != "") { s = pending " " trim(s); n = pending_line }
      else s = trim(s)
      if (s ~ /\\$/) { pending = substr(s, 1, length(s) - 1); pending_line = n; return }
      pending = ""
      if (s == "" || s ~ /^#/) return
      if (calls_eqsite(s)) print n "\037eqsite\037" s
      else if (s ~ /^rsync[ \t]/ || s ~ /^aws[ \t]+s3[ \t]+sync[ \t]/) print n "\037upload\037" s
    }
    BEGIN { fence = ""; lang = ""; ymode = ""; pending = "" }
    {
      line = $0
      if (fence == "") {
        if (match(line, /^[ \t]*(```+|~~~+)/)) {
          fence = trim(substr(line, RSTART, RLENGTH))
          lang = tolower(trim(substr(line, RSTART + RLENGTH)))
          sub(/[ \t{].*$/, "", lang)
          ymode = ""; pending = ""
        }
        next
      }
      if (trim(line) ~ /^(```+|~~~+)$/ && substr(trim(line), 1, 1) == substr(fence, 1, 1) &&
          length(trim(line)) >= length(fence)) {
        fence = ""; lang = ""; ymode = ""; pending = ""
        next
      }
      if (lang == "sh" || lang == "bash" || lang == "shell") { shell_line(line, NR); next }
      if (lang != "yaml" && lang != "yml") next

      # YAML: inside a run: block or a script: list?
      if (ymode != "") {
        if (trim(line) == "") next
        ind = indent_of(line); t = trim(line)
        if (ind > ykey || (ymode == "list" && ind == ykey && t ~ /^- /)) {
          if (ymode == "list") {
            if (t ~ /^- /) t = trim(substr(t, 3))
            if (t ~ /^[|>][-+0-9]*$/) next
            t = unquote(t)
          }
          shell_line(t, NR)
          next
        }
        ymode = ""; pending = ""
      }
      if (line ~ /^[ \t]*(- +)?(run|script|before_script|after_script):([ \t]|$)/) {
        prefix = line
        sub(/(run|script|before_script|after_script):.*$/, "", prefix)
        ykey = length(prefix)
        value = line
        sub(/^[ \t]*(- +)?(run|script|before_script|after_script):/, "", value)
        value = trim(value)
        if (value ~ /^[|>][-+0-9]*$/) ymode = "block"
        else if (value == "") ymode = "list"
        else shell_line(unquote(value), NR)
      }
    }
  ' "$1"
}

# Replaces every `from` in `text` by `to`; a `from` ending in a name
# character is not replaced when a name character follows it.
replace_all() {
  local text=$1 from=$2 to=$3 out="" before after
  while [[ $text == *"$from"* ]]; do
    before=${text%%"$from"*}
    after=${text#*"$from"}
    if [[ $from =~ [A-Za-z0-9_]$ && $after =~ ^[A-Za-z0-9_] ]]; then
      out+=$before$from
    else
      out+=$before$to
    fi
    text=$after
  done
  printf '%s' "$out$text"
}

substitute() {
  local cmd=$1 i
  for ((i = 0; i < ${#SUBSTITUTIONS[@]}; i += 2)); do
    cmd=$(replace_all "$cmd" "${SUBSTITUTIONS[i]}" "${SUBSTITUTIONS[i + 1]}")
  done
  for ((i = 0; i < ${#UPLOADS[@]}; i += 2)); do
    if [[ $cmd == "${UPLOADS[i]}"* ]]; then
      cmd=${UPLOADS[i + 1]}${cmd#"${UPLOADS[i]}"}
    fi
  done
  printf '%s' "$cmd"
}

# Stands in for an upload: local_upload KIND [OPTIONS] SOURCE DESTINATION.
# Copies SOURCE into $UPLOAD_ROOT/KIND instead of DESTINATION, as rsync -a
# does: a file is copied (keeping its modification time) only when it is
# missing there or its size or modification time (to the nanosecond, so a
# file rewritten in the same second counts as changed) differ. --delete removes
# files that are no longer in SOURCE; --exclude PATTERN (a shell pattern,
# matched against the file's name and its path) leaves files out. Other
# options are ignored. Writes the number of files copied to
# $UPLOAD_ROOT/KIND.copied.
local_upload() {
  local kind=$1 delete=0 source="" f rel dest copied=0 deleted=0 skip p
  local -a excludes=() positional=()
  shift
  while [ $# -gt 0 ]; do
    case $1 in
      --delete) delete=1 ;;
      --exclude) excludes+=("$2"); shift ;;
      --exclude=*) excludes+=("${1#--exclude=}") ;;
      -*) ;;
      *) positional+=("$1") ;;
    esac
    shift
  done
  [ ${#positional[@]} -eq 2 ] || { echo "local_upload: expected SOURCE and DESTINATION, got: ${positional[*]}" >&2; return 1; }
  source=${positional[0]%/}
  [ -d "$source" ] || { echo "local_upload: no folder $source" >&2; return 1; }
  dest="$UPLOAD_ROOT/$kind"
  mkdir -p "$dest"
  excluded() {
    for p in "${excludes[@]}"; do
      # shellcheck disable=SC2053
      [[ $1 == $p || ${1##*/} == $p ]] && return 0
    done
    return 1
  }
  while IFS= read -r -d '' f; do
    rel=${f#"$source"/}
    excluded "$rel" && continue
    if [ ! -f "$dest/$rel" ] || [ "$(stat -c '%s %y' "$f")" != "$(stat -c '%s %y' "$dest/$rel")" ]; then
      mkdir -p "$(dirname "$dest/$rel")"
      cp -p "$f" "$dest/$rel"
      copied=$((copied + 1))
    fi
  done < <(find "$source" -type f -print0)
  if [ $delete = 1 ]; then
    while IFS= read -r -d '' f; do
      rel=${f#"$dest"/}
      skip=0
      excluded "$rel" && skip=1
      if [ $skip = 0 ] && [ ! -f "$source/$rel" ]; then
        rm -f "$f"
        deleted=$((deleted + 1))
      fi
    done < <(find "$dest" -type f -print0)
  fi
  echo "local_upload: $kind: copied $copied files, deleted $deleted, into $dest"
  echo "$copied" >"$UPLOAD_ROOT/$kind.copied"
}
export -f local_upload

# After a successful simple `eqsite build ...`: the output has a home page,
# and with --base-url its canonical link is that address.
check_build_output() {
  local work=$1 cmd=$2 site="." out="" base=""
  [[ $cmd =~ ^eqsite[[:space:]]+build([[:space:]]|$) ]] || return 0
  [[ $cmd == *[\;\&\|\<\>\`\$]* ]] && return 0
  eval "set -- ${cmd#eqsite}"
  shift
  while [ $# -gt 0 ]; do
    case $1 in
      -o | --output) out=$2; shift ;;
      --output=*) out=${1#--output=} ;;
      --base-url) base=$2; shift ;;
      --base-url=*) base=${1#--base-url=} ;;
      --jobs | --today) shift ;;
      -*) ;;
      *) site=$1 ;;
    esac
    shift
  done
  [ -n "$out" ] || out="$site/public"
  if [ ! -f "$work/$out/index.html" ]; then
    echo "the build wrote no $out/index.html"
    return 1
  fi
  if [ -n "$base" ] && ! grep -qF "<link rel=\"canonical\" href=\"${base%/}/\">" "$work/$out/index.html"; then
    echo "$out/index.html has no canonical link to ${base%/}/ (the --base-url)"
    return 1
  fi
}

# A hosting value the tables above did not replace.
leftover_pattern='(\$\{\{[^}]*\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]*)'

failures=()
total_eqsite=0
total_uploads=0
summary=()

fail() { # recipe line command message
  failures+=("$1:$2: $3: $4")
  echo "  FAIL  $1:$2: $3"
  echo "        $4"
}

show_output() {
  sed -e 's/^/        | /' "$1" | tail -n 40
}

recipes=()
for f in "$docs"/*.md; do
  [ -e "$f" ] || continue
  [ "$(basename "$f")" = README.md ] && continue
  recipes+=("$f")
done
if [ ${#recipes[@]} -eq 0 ]; then
  echo "$0: no recipes in $docs" >&2
  exit 1
fi

for recipe in "${recipes[@]}"; do
  name=$(basename "$recipe")
  lines=() kinds=() cmds=()
  while IFS=$'\037' read -r n kind cmd; do
    lines+=("$n") kinds+=("$kind") cmds+=("$cmd")
  done < <(extract "$recipe")

  n_eqsite=0 n_check=0 n_build=0 n_upload=0
  for i in "${!cmds[@]}"; do
    if [ "${kinds[i]}" = eqsite ]; then
      n_eqsite=$((n_eqsite + 1))
      [[ ${cmds[i]} =~ (^|[^[:alnum:]_-])eqsite[[:space:]]+check([[:space:]]|$) ]] && n_check=$((n_check + 1))
      [[ ${cmds[i]} =~ (^|[^[:alnum:]_-])eqsite[[:space:]]+build([[:space:]]|$) ]] && n_build=$((n_build + 1))
    else
      n_upload=$((n_upload + 1))
    fi
  done
  total_eqsite=$((total_eqsite + n_eqsite))
  total_uploads=$((total_uploads + n_upload))
  echo "$name: $n_eqsite eqsite commands ($n_check check, $n_build build), $n_upload uploads"
  summary+=("$(printf '%-18s %d eqsite commands (%d check, %d build), %d uploads' "$name" "$n_eqsite" "$n_check" "$n_build" "$n_upload")")

  if [ "$n_eqsite" -eq 0 ]; then
    fail "$name" 1 "(whole recipe)" "no eqsite command found in a sh, bash or yaml block"
    continue
  fi
  if [ "$n_eqsite" -lt 2 ]; then
    fail "$name" 1 "(whole recipe)" "only $n_eqsite eqsite command; a recipe needs at least 2 (check and build)"
  fi
  if [ "$n_check" -eq 0 ] || [ "$n_build" -eq 0 ]; then
    fail "$name" 1 "(whole recipe)" "a recipe needs an 'eqsite check' and an 'eqsite build' command"
  fi

  work="$tmp/${name%.md}"
  mkdir -p "$work"
  cp -a "$site_example" "$work/site"
  rm -rf "$work/site/public" "$work/site"/.public.eqsite-*
  export UPLOAD_ROOT="$work/uploaded"

  passes=1
  [ "$n_upload" -gt 0 ] && passes=2
  for ((pass = 1; pass <= passes; pass++)); do
    [ "$passes" -gt 1 ] && echo "  pass $pass of $passes"
    rm -f "$UPLOAD_ROOT"/*.copied
    for i in "${!cmds[@]}"; do
      n=${lines[i]} original=${cmds[i]}
      cmd=$(substitute "$original")
      where="$name:$n"
      shown=$original
      [ "$cmd" != "$original" ] && shown="$original"$'\n'"        ran: $cmd"
      if [[ $cmd =~ $leftover_pattern ]]; then
        fail "$name" "$n" "$original" "no substitution for ${BASH_REMATCH[1]}: add it to SUBSTITUTIONS in $0"
        continue
      fi
      log="$work/command.log"
      status=0
      (cd "$work" && bash -o pipefail -c "$cmd") >"$log" 2>&1 || status=$?
      note=""
      if [ "$status" -eq 1 ] && [ "${kinds[i]}" = eqsite ] &&
        [[ $cmd =~ eqsite[[:space:]]+check([[:space:]]|$) && $cmd == *--strict* ]]; then
        relaxed=$(replace_all "$cmd" " --strict" "")
        relaxed_status=0
        (cd "$work" && bash -o pipefail -c "$relaxed") >"$work/relaxed.log" 2>&1 || relaxed_status=$?
        if [ "$relaxed_status" -eq 0 ]; then
          count=$(grep -cE '^::warning |: warning: ' "$log" || true)
          if [ "$warnings_mode" = fail ]; then
            note="warnings only ($count), and RECIPES_WARNINGS=fail"
          else
            status=0
            note="  [warnings only: exit 1 with --strict and $count warnings; exit 0 without --strict]"
          fi
        fi
      fi
      if [ "$status" -ne 0 ]; then
        fail "$name" "$n" "$shown" "exit status $status${note:+; $note}"
        show_output "$log"
        continue
      fi
      if [ "${kinds[i]}" = eqsite ]; then
        if ! problem=$(check_build_output "$work" "$cmd"); then
          fail "$name" "$n" "$shown" "$problem"
          continue
        fi
      fi
      echo "  ok    $where: $shown${note:+$note}"
      if [ "${kinds[i]}" = upload ]; then
        tail -n 1 "$log" | sed -e 's/^/        /'
      fi
    done
    # The second uploads must copy nothing: the site did not change.
    if [ "$pass" -eq 2 ]; then
      for c in "$UPLOAD_ROOT"/*.copied; do
        [ -e "$c" ] || continue
        copied=$(cat "$c")
        kind=$(basename "$c" .copied)
        if [ "$copied" -ne 0 ]; then
          fail "$name" "-" "second $kind upload" "copied $copied files although nothing changed (unchanged files must keep their modification time)"
        else
          echo "  ok    second $kind upload of an unchanged site copied no file"
        fi
      done
    fi
  done
done

echo
echo "Commands found:"
printf '  %s\n' "${summary[@]}"
if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "FAILED: ${#failures[@]} problems:"
  printf '  %s\n' "${failures[@]}"
  exit 1
fi
echo "All ${#recipes[@]} recipes passed: $total_eqsite eqsite commands and $total_uploads uploads ran."
