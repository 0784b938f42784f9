// Problems found in a site, collected as values and reported together.
//
// Every stage adds what it finds to a Diagnostics list instead of throwing,
// so one run tells the user about every mistake, not just the first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eqsite {

// A note says what eqsite decided on the author's behalf (for example which
// groups it treats as adding up to "All pupils"); it never fails a build.
enum class Severity { note, warning, error };

// A place in a site file. `file` is relative to the site folder and always
// uses '/'. Lines and columns count from 1, as editors show them.
struct Location {
    std::string file;
    int line = 1;
    int column = 1;
};

struct Diagnostic {
    Location where;
    Severity severity = Severity::error;
    std::string message;
};

class Diagnostics {
public:
    void error(Location where, std::string message);
    void warning(Location where, std::string message);
    void note(Location where, std::string message);
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    std::size_t note_count() const;
    bool empty() const { return items_.empty(); }
    // Every diagnostic in the order added.
    const std::vector<Diagnostic>& all() const { return items_; }

    // Sorted by file, line, column, then message: stable, readable output.
    std::vector<Diagnostic> sorted() const;
    // The same without notes (what build and serve print).
    std::vector<Diagnostic> sorted_without_notes() const;

private:
    std::vector<Diagnostic> items_;
};

// "content/x.md:3:7: error: message" (or warning:, note:)
std::string_view severity_word(Severity s);
std::string format_diagnostic(const Diagnostic& d);

}  // namespace eqsite
