// eqsite's command line (spec section 7). Parses arguments and hands each
// command to the stage that owns it. Exit status: 0 success (warnings
// allowed), 1 content errors, 2 usage errors.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/import_objectives.hpp"
#include "cli/new_files.hpp"
#include "cli/report.hpp"
#include "model/build_site.hpp"
#include "render/theme.hpp"
#include "serve/preview.hpp"
#include "util/files.hpp"
#include "util/platform.hpp"
#include "util/text.hpp"
#include "util/url.hpp"
#include "pipeline/build.hpp"
#include "pipeline/pipeline.hpp"

// CMake sets the version from project(); a compile outside CMake (the
// clang check) still needs a value.
#ifndef EQSITE_VERSION
#define EQSITE_VERSION "(unreleased)"
#endif

namespace {

using namespace eqsite;
namespace fs = std::filesystem;

constexpr int exit_ok = 0;
constexpr int exit_content = 1;
constexpr int exit_usage = 2;

// CLI11 check that --today is a real date.
std::string validate_date(const std::string& s) {
    DateError why;
    return parse_date(s, &why, DatePrecision::day_only) ? std::string() : why.reason;  // CLI11 names the option
}

// CLI11 check that --base-url can be the site's address.
std::string validate_base_url(const std::string& s) {
    const std::string problem = site_address_problem(s);
    return problem;  // CLI11 names the option before it
}

bool site_folder_exists(const fs::path& site) {
    std::error_code ec;
    if (fs::is_directory(site, ec)) return true;
    std::cerr << "eqsite: error: the site folder \"" << to_utf8(site) << "\" does not exist\n";
    return false;
}

// On a terminal, a build that takes more than a second shows how far it
// has got on one line that rewrites itself; in a log or a pipe, nothing.
// (EQSITE_PROGRESS_AFTER_MS changes the second, for the test that runs a
// build in a pseudo-terminal.)
struct ProgressLine {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::chrono::milliseconds after{std::getenv("EQSITE_PROGRESS_AFTER_MS")
                                        ? std::atol(std::getenv("EQSITE_PROGRESS_AFTER_MS"))
                                        : 1000};
    std::chrono::steady_clock::time_point last{};
    bool shown = false;
    void operator()(std::size_t done, std::size_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (now - start < after || (shown && now - last < std::chrono::milliseconds(100))) return;
        last = now;
        std::cerr << "\reqsite: rendering pages: " << done << " of " << total << std::flush;
        shown = true;
    }
    void clear() {
        if (shown) std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
    }
};

int run_build(BuildOptions options) {
    if (!site_folder_exists(options.site)) return exit_usage;
    auto progress = std::make_shared<ProgressLine>();
    if (!options.quiet && platform::stderr_is_terminal())
        options.progress = [progress](std::size_t done, std::size_t total) { (*progress)(done, total); };
    BuildResult r = build(options);
    progress->clear();
    if (r.status == BuildStatus::refused) {
        std::cerr << "eqsite: error: " << r.refusal << '\n';
        return exit_usage;
    }
    if (options.quiet) {
        Diagnostics errors;
        for (const auto& d : r.diags.sorted())
            if (d.severity == Severity::error) errors.add(d);
        print_diagnostics(errors, ReportFormat::text, std::cerr);
    } else {
        print_diagnostics(r.diags, ReportFormat::text, std::cerr);
    }
    if (r.status == BuildStatus::content_errors) {
        std::cerr << "eqsite: " << count_words(r.diags) << "; nothing was published and " << to_utf8(r.out)
                  << " is unchanged. Fix the errors above and build again.\n";
        return exit_content;
    }
    if (options.quiet) return exit_ok;
    std::cout << "Built " << r.pages << " pages (" << r.files << " files) into " << to_utf8(r.out) << " with "
              << count_words(r.diags) << ".\n";
    if (!r.kept.empty())
        std::cout << "Kept " << r.kept.size() << (r.kept.size() == 1 ? " file" : " files")
                  << " in the output that eqsite did not write: " << join(r.kept, ", ")
                  << " (a file every build should publish, such as CNAME, belongs in static/).\n";
    return exit_ok;
}

// With `strict` (for CI), warnings fail the check too: a site that is
// missing a statutory date or still has placeholder text is not ready.
int run_check(const fs::path& site_root, std::optional<Date> today, ReportFormat format, bool strict, bool quiet) {
    if (!site_folder_exists(site_root)) return exit_usage;
    // The same pipeline as build, rendering every page, writing nothing.
    const Diagnostics diags = check_site({site_root, today, 0, std::nullopt, false, {}});
    const std::string prefix = format == ReportFormat::github ? repository_prefix(site_root) : "";
    if (quiet) {
        Diagnostics shown;
        for (const auto& d : diags.sorted())
            if (d.severity == Severity::error || (strict && d.severity == Severity::warning)) shown.add(d);
        print_diagnostics(shown, format, std::cout, Notes::hide, prefix);
    } else {
        print_diagnostics(diags, format, std::cout, Notes::show, prefix);
    }
    // The summary line, for people reading a terminal or a CI log (a JSON
    // report has its counts inside).
    if (format != ReportFormat::json && !quiet) {
        std::cout << "eqsite check: " << count_words(diags) << ".";
        if (strict && !diags.has_errors() && diags.warning_count() > 0)
            std::cout << " --strict: the warnings fail the check.";
        std::cout << "\n";
    }
    if (diags.has_errors()) return exit_content;
    return strict && diags.warning_count() > 0 ? exit_content : exit_ok;
}

// eqsite new site DIR | new school SLUG | new objective [SCHOOL] SLUG
int run_new(const std::vector<std::string>& args) {
    const std::string what = args.empty() ? "" : args[0];
    if (what == "site" && args.size() == 2) return new_site(from_utf8(args[1]), std::cout, std::cerr);
    if (what == "school" && args.size() == 2) return new_school(".", args[1], std::cout, std::cerr);
    if (what == "objective" && args.size() == 2) return new_objective(".", std::nullopt, args[1], std::cout, std::cerr);
    if (what == "objective" && args.size() == 3) return new_objective(".", args[1], args[2], std::cout, std::cerr);
    std::cerr << "eqsite: error: use one of: eqsite new site DIR | eqsite new school SLUG | "
                 "eqsite new objective [SCHOOL] SLUG\n";
    return exit_usage;
}

// A message for a misspelt command or option ("biuld", "--base-ulr"), with
// the nearest real one; "" when every word is known, so CLI11's own message
// stands.
std::string did_you_mean(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> commands;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        commands.push_back(sub->get_name());
    const CLI::App* command = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") break;
        if (!command) {
            if (arg.rfind('-', 0) == 0) continue;  // --help, --version
            for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
                if (sub->get_name() == arg) command = sub;
            if (command) continue;
            const auto near = nearest(arg, commands);
            return "\"" + arg + "\" is not an eqsite command" + (near ? ": did you mean \"" + *near + "\"?" : ".") +
                   " The commands are " + join_words(commands, " and ") + "; eqsite --help explains them.";
        }
        if (arg.rfind("--", 0) != 0 || arg.size() == 2) continue;
        const std::string name = arg.substr(0, arg.find('='));
        std::vector<std::string> options{"--help"};
        bool known = name == "--help";
        for (const CLI::Option* o : command->get_options())
            for (const auto& l : o->get_lnames()) {
                options.push_back("--" + l);
                known = known || "--" + l == name;
            }
        if (known) continue;
        const auto near = nearest(name, options);
        return "\"" + name + "\" is not an option of eqsite " + command->get_name() +
               (near ? ": did you mean \"" + *near + "\"?" : ".") + " eqsite " + command->get_name() +
               " --help lists them.";
    }
    return "";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"eqsite: builds a trust's equality information and objectives into an accessible website"};
    app.name("eqsite");  // not argv[0]: the help (and the man page made from it) names the command
    app.require_subcommand(1);
    app.set_version_flag("--version", "eqsite " EQSITE_VERSION);

    BuildOptions build_opts;
    std::string build_site = ".", build_out, build_today;
    auto* build_cmd = app.add_subcommand("build", "Build the site into static HTML (default output: SITE/public)");
    build_cmd->add_option("SITE", build_site, "The site folder (holding site.yaml)");
    build_cmd->add_option("-o,--output", build_out, "Output folder (default: SITE/public)");
    build_cmd->add_option("--base-url", build_opts.base_url, "The site's public address (default: trust.url)")
        ->check(validate_base_url);
    build_cmd->add_option("--jobs", build_opts.jobs, "Pages rendered in parallel (default: one per core)")
        ->check(CLI::Range(1u, 1024u));
    build_cmd->add_flag("-q,--quiet", build_opts.quiet, "Print errors only: no warnings, no summary");
    build_cmd->add_flag("--fragments", build_opts.fragments,
                        "Also write fragments/: each school's page and the trust's as HTML to paste into another "
                        "website (a CMS page), with absolute links and a stylesheet scoped to them");
    build_cmd->add_option("--today", build_today, "Date used for review checks (YYYY-MM-DD) if site.yaml has no today")
        ->check(validate_date);

    std::string serve_site = ".", serve_today;
    ServeOptions serve_opts;
    auto* serve_cmd = app.add_subcommand("serve", "Preview the site locally with live reload");
    serve_cmd->add_option("SITE", serve_site, "The site folder");
    serve_cmd->add_option("--port", serve_opts.port, "Port to listen on (0: any free port)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    serve_cmd->add_option("--bind", serve_opts.bind, "Address to listen on (other than 127.0.0.1 shows the "
                                                     "preview to your network)")
        ->capture_default_str();
    serve_cmd->add_flag("--poll", serve_opts.poll,
                        "Watch files by polling instead of the system's file events (inotify on Linux)");
    serve_cmd->add_option("--jobs", serve_opts.jobs, "Pages rendered in parallel (default: all cores)");
    serve_cmd->add_option("--today", serve_today, "Date used for review checks (YYYY-MM-DD)")->check(validate_date);

    std::string check_site = ".", check_format = "text", check_today;
    auto* check_cmd = app.add_subcommand("check", "Check the site for errors without writing anything");
    check_cmd->add_option("SITE", check_site, "The site folder");
    check_cmd->add_option("--format", check_format, "Output format")->check(CLI::IsMember({"text", "json", "github"}));
    check_cmd->add_option("--today", check_today, "Date used for review checks (YYYY-MM-DD)")->check(validate_date);
    bool check_strict = false, check_quiet = false;
    check_cmd->add_flag("-q,--quiet", check_quiet, "Print errors only (and, with --strict, warnings): no notes, no summary");
    check_cmd->add_flag("--strict", check_strict, "Fail (exit 1) on warnings too, not only errors: for CI");

    std::vector<std::string> new_args;
    auto* new_cmd = app.add_subcommand("new", "Create a site, school or objective from a template: new site DIR | "
                                              "new school SLUG | new objective [SCHOOL] SLUG");
    new_cmd->add_option("ARGS", new_args, "What to create and its name")->required();

    ImportOptions import_opts;
    std::string import_file, import_school, import_sheet;
    std::size_t import_table = 0;
    auto* import_cmd = app.add_subcommand(
        "import", "Import a school's action plan (Excel, Word, CSV or TSV), one objective per row: import objectives FILE");
    std::string import_what;
    import_cmd->add_option("WHAT", import_what, "objectives")->required()->check(CLI::IsMember({"objectives"}));
    import_cmd->add_option("FILE", import_file, "A .xlsx, .docx, .csv or .tsv file")->required();
    import_cmd->add_option("--school", import_school, "The school the objectives belong to (default: the trust's)");
    import_cmd->add_flag("--dry-run", import_opts.dry_run,
                         "Show how each column is read and each file that would be written; write nothing");
    import_cmd->add_flag("--update", import_opts.update,
                         "Rewrite the files an earlier import made, unless someone has edited them since");
    import_cmd->add_flag("--force", import_opts.force, "With --update: rewrite edited files too (their edits are lost)");
    import_cmd->add_option("--sheet", import_sheet, "The worksheet to read (default: the first)");
    import_cmd->add_option("--table", import_table, "The table of a Word document to read, from 1 (default: the one "
                                                     "that looks like an action plan)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
    import_cmd->add_option("--map", import_opts.maps, "Say which setting a column holds: --map \"Lead person=owner\"");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (const std::string message = did_you_mean(app, argc, argv); !message.empty()) {
            std::cerr << "eqsite: error: " << message << '\n';
            return exit_usage;
        }
        app.exit(e);
        return exit_usage;
    }

    if (build_cmd->parsed()) {
        build_opts.site = from_utf8(build_site);
        if (!build_out.empty()) build_opts.out = from_utf8(build_out);
        if (!build_today.empty()) build_opts.today = parse_date(build_today);
        return run_build(build_opts);
    }
    if (check_cmd->parsed()) {
        const ReportFormat format = check_format == "json"     ? ReportFormat::json
                                    : check_format == "github" ? ReportFormat::github
                                                               : ReportFormat::text;
        return run_check(from_utf8(check_site), check_today.empty() ? std::nullopt : parse_date(check_today), format,
                         check_strict, check_quiet);
    }
    if (serve_cmd->parsed()) {
        serve_opts.site = from_utf8(serve_site);
        if (!serve_today.empty()) serve_opts.today = parse_date(serve_today);
        if (!site_folder_exists(serve_opts.site)) return exit_usage;
        return serve(serve_opts, std::cout, std::cerr);
    }
    if (new_cmd->parsed()) return run_new(new_args);
    if (import_cmd->parsed()) {
        import_opts.file = from_utf8(import_file);
        if (!import_school.empty()) import_opts.school = import_school;
        if (!import_sheet.empty()) import_opts.sheet = import_sheet;
        if (import_table > 0) import_opts.table = import_table;
        return import_objectives(import_opts, std::cout, std::cerr);
    }
    return exit_usage;
}
