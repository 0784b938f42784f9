// Files compiled into the binary: the default theme (themes/default/...)
// and the built-in statutory text (content/...). See cmake/Embed.cmake.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace eqsite::embedded {

struct File {
    std::string_view path;  // relative to the repository root, '/' separators
    std::string_view data;
};

std::span<const File> files();

inline std::optional<std::string_view> find(std::string_view path) {
    for (const auto& f : files())
        if (f.path == path) return f.data;
    return std::nullopt;
}

}  // namespace eqsite::embedded
