#!/usr/bin/env bash
# The browser gate on every fixture site that builds (tests/sites/*: the
# invalid ones stop with errors, as they should), as well as site-example.
# Two sites at a time (the machine has two cores); no screenshots.
# Usage: tests/browser/fixtures.sh EQSITE_BINARY WORK_FOLDER
set -u
eqsite=$(realpath "$1")
mkdir -p "$2"
work=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sites=()
broken=0
for site in "$root"/tests/sites/*/; do
  name=$(basename "$site")
  rm -rf "${work:?}/$name"
  if "$eqsite" build "$site" -o "$work/$name" --today 2026-09-01 --quiet >/dev/null 2>&1; then
    sites+=("$name")
  elif ! grep -q ': error: ' "$site/expected.txt" 2>/dev/null; then
    # A fixture whose expected messages have no error must build.
    echo "FAIL $name: it does not build, and its expected.txt has no error"
    broken=1
  fi
done
# One log per site, printed whole, so two at once do not interleave.
check() {
  if (cd "$here" && EQSITE_SCREENSHOTS=0 node run.mjs "$work/$1") >"$work/$1.log" 2>&1; then
    echo "ok   $1 ($(tail -1 "$work/$1.log"))"
  else
    echo "FAIL $1"
    grep -v '^ok ' "$work/$1.log"
    return 1
  fi
}
export -f check
export here work
printf '%s\n' "${sites[@]}" | xargs -P 2 -I{} bash -c 'check "$@"' _ {}
status=$?
echo "fixtures: ${#sites[@]} sites checked"
[ "${#sites[@]}" -gt 5 ] && [ "$status" -eq 0 ] && [ "$broken" -eq 0 ]
