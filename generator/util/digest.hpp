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

// Digest of several digests (a file's, and what its reading depended on).
inline Digest combine(const Digest& a, const Digest& b) {
    return {a.a * 0x9E3779B97F4A7C15ull ^ (b.a + 0x632BE59BD9B4E019ull + (a.a << 6) + (a.a >> 2)),
            a.b * 0xC2B2AE3D27D4EB4Full ^ (b.b + 0x165667B19E3779F9ull + (a.b << 6) + (a.b >> 2))};
}
inline Digest combine(const Digest& a, std::string_view text) { return combine(a, digest_of(text)); }

}  // namespace eqsite
