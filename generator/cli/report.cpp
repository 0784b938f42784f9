#include "cli/report.hpp"

#include <cstdlib>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "util/files.hpp"

namespace eqsite {
namespace {

std::string plural(std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// GitHub workflow commands need %, CR and LF escaped in messages.
std::string github_escape(const std::string& s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else if (property && c == ':') out += "%3A";
        else if (property && c == ',') out += "%2C";
        else out.push_back(c);
    }
    return out;
}

// The report, into `out`.
void print_into(std::ostringstream& out, const Diagnostics& diags, ReportFormat format, Notes notes,
                const std::string& prefix) {
    const auto items = notes == Notes::show ? diags.sorted() : diags.sorted_without_notes();
    switch (format) {
        case ReportFormat::text:
            for (const auto& d : items) out << format_diagnostic(d) << '\n';
            break;
        case ReportFormat::github:
            for (const auto& d : items)
                out << (d.severity == Severity::error     ? "::error "
                        : d.severity == Severity::warning ? "::warning "
                                                          : "::notice ")
                    << "file=" << github_escape(d.where.file.empty() ? d.where.file : prefix + d.where.file, true) << ",line=" << d.where.line
                    << ",col=" << d.where.column << "::" << github_escape(d.message, false) << '\n';
            break;
        case ReportFormat::json: {
            nlohmann::json j;
            j["errors"] = diags.error_count();
            j["warnings"] = diags.warning_count();
            j["diagnostics"] = nlohmann::json::array();
            for (const auto& d : items)
                j["diagnostics"].push_back({{"file", d.where.file},
                                            {"line", d.where.line},
                                            {"column", d.where.column},
                                            {"severity", std::string(severity_word(d.severity))},
                                            {"message", d.message}});
            // A file name that is not UTF-8 is shown with U+FFFD rather than stopping the report.
            out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            break;
        }
    }
}

}  // namespace

std::string count_words(const Diagnostics& diags) {
    return plural(diags.error_count(), "error") + " and " + plural(diags.warning_count(), "warning");
}

void print_diagnostics(const Diagnostics& diags, ReportFormat format, std::ostream& to, Notes notes,
                       const std::string& prefix) {
    // Gathered, then written at once: standard error is unbuffered, and a
    // large trust's tens of thousands of lines were as many system calls.
    std::ostringstream out;
    print_into(out, diags, format, notes, prefix);
    to << out.view();
}

std::string repository_prefix(const std::filesystem::path& site) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path here = fs::weakly_canonical(fs::absolute(site, ec), ec);
    auto inside = [&](const fs::path& root) -> std::optional<std::string> {
        const fs::path rel = here.lexically_relative(root);
        if (rel.empty() || *rel.begin() == "..") return std::nullopt;
        const std::string s = to_utf8(rel);
        return s == "." ? std::string() : s + "/";
    };
    if (const char* workspace = std::getenv("GITHUB_WORKSPACE"); workspace && *workspace)
        if (auto p = inside(fs::weakly_canonical(from_utf8(workspace), ec))) return *p;
    for (fs::path dir = here; !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / ".git", ec)) return inside(dir).value_or("");
        if (dir == dir.parent_path()) break;
    }
    return "";
}

}  // namespace eqsite
