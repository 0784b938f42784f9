#!/usr/bin/env bash
# Installing eqsite (issue 14): `cmake --install` into a temporary prefix
# gives a binary that builds site-example on its own (its theme is inside
# it), a man page and bash completion; `cpack` makes a .deb that declares
# the libraries it needs and holds the same files.
#   tests/install/install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install test: FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" || { cat "$work/install.log"; fail "cmake --install failed"; }
bin=$work/prefix/bin/eqsite
[ -x "$bin" ] || fail "no bin/eqsite under the prefix"
[ -s "$work/prefix/share/man/man1/eqsite.1" ] || fail "no man page under share/man/man1"
grep -q 'eqsite build' "$work/prefix/share/man/man1/eqsite.1" || fail "the man page does not describe eqsite build"
completion=$work/prefix/share/bash-completion/completions/eqsite
[ -s "$completion" ] || fail "no bash completion"

# The installed binary alone, from a folder far from the source tree.
"$bin" --version | grep -q '^eqsite [0-9]' || fail "--version does not print the version"
cp -r "$source/site-example" "$work/site"
rm -rf "$work/site/public"
(cd "$work" && "$bin" build site -o out --quiet) || fail "the installed eqsite could not build site-example"
[ -s "$work/out/index.html" ] || fail "no index.html in the installed binary's build"
grep -q 'href="[^"]*assets/style[^"]*\.css"' "$work/out/index.html" || fail "the page does not link the theme's stylesheet"
ls "$work/out/assets/" | grep -q '^style.*\.css$' || fail "the embedded theme's stylesheet was not written"

# Completion: "eqsite bu<TAB>" completes to build; "eqsite check --fo" to --format.
got=$(bash -c 'source "$1"; COMP_WORDS=(eqsite bu); COMP_CWORD=1; _eqsite; echo "${COMPREPLY[*]}"' _ "$completion")
[ "$got" = build ] || fail "completion of 'eqsite bu' gave '$got'"
got=$(bash -c 'source "$1"; COMP_WORDS=(eqsite check --fo); COMP_CWORD=2; _eqsite; echo "${COMPREPLY[*]}"' _ "$completion")
[ "$got" = --format ] || fail "completion of 'eqsite check --fo' gave '$got'"

# The Debian package (needs dpkg-dev for dpkg-shlibdeps: scripts/install-deps --test).
if ! command -v dpkg-shlibdeps >/dev/null || ! command -v dpkg-deb >/dev/null; then
    echo "install test: the .deb part needs dpkg-dev (scripts/install-deps --test)" >&2
    exit 1
fi
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/pkg/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack made no .deb"
info=$(dpkg-deb --info "$deb")
depends=$(printf '%s\n' "$info" | sed -n 's/^ Depends: //p')
for lib in libyaml-cpp0.7 libmd4c0 libcsv3 libstdc++6 libc6; do
    [[ $depends == *"$lib"* ]] || fail "the .deb does not depend on $lib (Depends: $depends)"
done
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/eqsite ./usr/share/man/man1/eqsite.1 ./usr/share/bash-completion/completions/eqsite; do
    printf '%s\n' "$contents" | grep -q " $f\$" || fail "the .deb does not hold $f"
done
echo "install test: prefix install builds site-example; .deb $(basename "$deb") depends on: $depends"
