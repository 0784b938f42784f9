#include "util/diagnostics.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <tuple>

namespace eqsite {

void Diagnostics::error(Location where, std::string message) {
    items_.push_back({std::move(where), Severity::error, std::move(message)});
}

void Diagnostics::warning(Location where, std::string message) {
    items_.push_back({std::move(where), Severity::warning, std::move(message)});
}

void Diagnostics::note(Location where, std::string message) {
    items_.push_back({std::move(where), Severity::note, std::move(message)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    }));
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::warning;
    }));
}

std::size_t Diagnostics::note_count() const { return items_.size() - error_count() - warning_count(); }

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    auto key = [](const Diagnostic& d) {
        return std::tie(d.where.file, d.where.line, d.where.column, d.severity, d.message);
    };
    // Files in the order people read their names (objective-9.md before
    // objective-10.md, Sheet1!B9 before B10), then by place.
    std::sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.file != b.where.file) return natural_less(a.where.file, b.where.file);
        return key(a) < key(b);
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
              out.end());
    return out;
}

std::vector<Diagnostic> Diagnostics::sorted_without_notes() const {
    std::vector<Diagnostic> out = sorted();
    std::erase_if(out, [](const Diagnostic& d) { return d.severity == Severity::note; });
    return out;
}

std::string_view severity_word(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

namespace {

// Text for a terminal: a control character a file name or a value holds
// (ESC starts a sequence that can clear the screen, retitle the window or
// hide the lines before it) is shown as \xNN instead, and so are the C1
// controls (U+0080 to U+009F), which some terminals obey too. Line breaks
// in a message stay.
std::string for_terminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto escaped = [&](unsigned char c) {
        static const char* hex = "0123456789abcdef";
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            escaped(c);
        } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            escaped(static_cast<unsigned char>(text[++i]));
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
    // Line 0: a place that is not a line of a text file (a spreadsheet
    // cell, "plan.xlsx:Sheet1!F3 (Action)"), named whole in `file`.
    const std::string where = d.where.line > 0 ? d.where.file + ":" + std::to_string(d.where.line) + ":" +
                                                     std::to_string(d.where.column)
                                               : d.where.file;
    return for_terminal(where + ": " + std::string(severity_word(d.severity)) + ": " + d.message);
}

}  // namespace eqsite
