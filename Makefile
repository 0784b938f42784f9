# The two commands of the README's quick start:
#   make demo   install what is missing, build, build site-example and preview it
#   make test   install what is missing, build, run every test
BUILD ?= build
JOBS  ?= 2
EQSITE = $(BUILD)/generator/eqsite

PREFIX ?= /usr/local

.PHONY: all deps build demo install test test-unit test-browser screenshots bench clean

all: build

# Only what building needs; `make test` and `make bench` add their extras
# (a target-specific variable is passed on to the targets it depends on).
DEPS ?=
deps:
	scripts/install-deps $(DEPS)

CONFIGURE ?=
build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CONFIGURE)
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	$(EQSITE) build site-example
	@echo
	@echo "Built site-example/public/. Now previewing it with live reload; edit a file in site-example/ and"
	@echo "the page in your browser updates. Press Ctrl-C to stop."
	$(EQSITE) serve site-example

# Installs the binary (with its theme inside), the man page and bash
# completion under PREFIX.
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# Unit and integration tests (ctest), then the browser tests.
test: DEPS = --test
test: CONFIGURE = -DEQSITE_REQUIRE_TESTS=ON
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)
	scripts/check-clang
	@if [ -f tests/browser/package.json ]; then $(MAKE) --no-print-directory test-browser; fi

# First prove the gate can fail (pages broken on purpose), then run it on
# every page of site-example and of every fixture site that builds (one
# replaces the table markup and ten strings), then the preview server's live reload and
# error overlay in the browser (on a copy of site-example it may edit), then
# prove that no script written in content (OWASP XSS vectors) can run.
test-browser:
	tests/browser/selftest.sh
	$(EQSITE) build site-example -o $(BUILD)/browser-site --fragments
	cd tests/browser && node run.mjs ../../$(BUILD)/browser-site
	tests/browser/fixtures.sh $(EQSITE) $(BUILD)/browser-fixtures
	rm -rf $(BUILD)/live-site && cp -r site-example $(BUILD)/live-site && rm -rf $(BUILD)/live-site/public
	cd tests/browser && node live.mjs ../../$(EQSITE) ../../$(BUILD)/live-site
	cd tests/browser && node xss.mjs ../../$(EQSITE) ../../$(BUILD)/xss-site
	cd tests/browser && node subpath.mjs ../../$(EQSITE) ../../site-example ../../$(BUILD)/subpath-site

# One page of each kind of site-example at 390 px, 1280 px and printed,
# into build/screenshots/, for review (not asserted).
screenshots: DEPS = --test
screenshots: build
	$(EQSITE) build site-example -o $(BUILD)/screenshots-site --quiet
	cd tests/browser && node screenshots.mjs ../../$(BUILD)/screenshots-site ../../$(BUILD)/screenshots

bench: DEPS = --bench
bench: build
	bench/run

clean:
	rm -rf $(BUILD) site-example/public
