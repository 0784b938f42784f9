#!/usr/bin/env bash
# The browser gate must be able to fail: run it on pages broken on purpose
# (selftest/) and check that it exits 1 and names every kind of problem.
set -u
cd "$(dirname "$0")"
output=$(node run.mjs selftest 2>&1)
status=$?
problems=0
if [ "$status" -ne 1 ]; then
  echo "selftest: the gate exited $status on broken pages, not 1"
  problems=1
fi
expect() {  # a line the gate must print
  if ! grep -qF -- "$1" <<<"$output"; then
    echo "selftest: the gate did not report: $1"
    problems=1
  fi
}
expect "FAIL /"
expect 'keyboard: the first Tab focuses'
expect "FAIL /missing-alt.html"
expect "axe image-alt"
expect "FAIL /low-contrast.html"
expect "axe color-contrast"
expect "FAIL /wide.html"
expect "reflow: the page scrolls sideways"
expect "FAIL /invalid.html"
expect "no-dup-id"
if [ "$problems" -ne 0 ]; then
  echo "$output"
  exit 1
fi
echo "selftest: the gate caught every broken page"
