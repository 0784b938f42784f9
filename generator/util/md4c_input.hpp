// What eqsite hands md4c: the text followed by NUL bytes md4c is told not
// to parse.
//
// Why: Debian's md4c 0.4.8 reads a few bytes past the end of its input on
// some documents (upstream fixed these in 0.5: commits 933388a, 260cd33
// and f436c30; the longest is a 9-byte compare with "</script>"). A file
// read into std::string has one NUL after it, which is not enough, and a
// string_view may have none. Our fuzz harness found one of these reads
// (tests/fuzz/corpus/md4c-reads-past-end). The padding keeps such reads
// inside memory we own, and NUL matches nothing md4c looks for there.
#pragma once

#include <md4c.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace eqsite {

class Md4cInput {
public:
    explicit Md4cInput(std::string_view markdown) : size_(static_cast<MD_SIZE>(markdown.size())) {
        bytes_.reserve(markdown.size() + padding);
        bytes_.append(markdown);
        bytes_.append(padding, '\0');
    }
    const MD_CHAR* data() const { return bytes_.data(); }
    MD_SIZE size() const { return size_; }
    // The text itself, without the padding: where md4c's pointers point.
    std::string_view text() const { return std::string_view(bytes_).substr(0, size_); }

private:
    static constexpr std::size_t padding = 16;
    std::string bytes_;
    MD_SIZE size_;
};

}  // namespace eqsite
