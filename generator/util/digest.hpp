// A 128-bit fingerprint of some bytes, to tell whether a file changed
// without keeping or rereading it. Not cryptographic: fast (several GB/s),
// and a chance collision is about 2^-64 for a whole national site.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eqsite {

struct Digest {
    std::uint64_t a = 0, b = 0;
    auto operator<=>(const Digest&) const = default;
    std::string hex() const;                 // 32 hex digits
    static bool parse(std::string_view hex, Digest& out);
};

Digest digest_of(std::string_view bytes);

}  // namespace eqsite
