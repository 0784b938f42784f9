#include "serve/request_path.hpp"

#include <exception>
#include <system_error>

#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace fs = std::filesystem;

std::optional<std::string> output_path_of_request(std::string_view path) {
    // Only plain absolute URL paths: "/", "/a/b/", "/a/b.css".
    if (path.empty() || path.front() != '/' || path.size() > 2048) return std::nullopt;
    if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return std::nullopt;
    if (path.find("//") != std::string_view::npos || path.find(':') != std::string_view::npos) return std::nullopt;
    // No "." or ".." segment, whatever encoding the client used: the path is
    // already decoded, so "%2e%2e" arrives here as "..".
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment == "." || segment == "..") return std::nullopt;
        start = end + 1;
    }
    std::string rel(path.substr(1));
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    return rel;
}

std::optional<fs::path> resolve_request_path(const fs::path& root, std::string_view path) {
    const auto checked = output_path_of_request(path);
    if (!checked) return std::nullopt;
    const std::string& rel = *checked;
    fs::path file;
    try {
        file = root / from_utf8(rel);
    } catch (const std::exception&) {
        return std::nullopt;  // not UTF-8: no such file (Windows converts paths and may throw)
    }

    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;  // also: no folder listings
    // A symlink inside the output could point anywhere: the real file must
    // still be inside the real root.
    const fs::path real_file = fs::canonical(file, ec);
    if (ec) return std::nullopt;
    const fs::path real_root = fs::canonical(root, ec);
    if (ec) return std::nullopt;
    if (!is_inside(real_file, real_root)) return std::nullopt;
    return real_file;
}

std::string content_type_for(const fs::path& file) {
    const std::string ext = to_lower_ascii(to_utf8(file.extension()));
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".gif") return "image/gif";
    if (ext == ".webp") return "image/webp";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".csv") return "text/csv; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".xml") return "application/xml";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    if (ext == ".pdf") return "application/pdf";
    return "application/octet-stream";
}

}  // namespace eqsite
