#include "render/json_text.hpp"

#include <cstdint>
#include <cstring>

#include "util/text.hpp"

namespace eqsite {
namespace {

using nlohmann::ordered_json;
using Kind = ordered_json::value_t;

void indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

// Whether any of the eight bytes of `block` is one a JSON text escapes:
// a control character, the quote or the backslash.
bool has_special(std::uint64_t block) {
    return any_byte_below(block, 0x20) || any_byte_is(block, '"') || any_byte_is(block, '\\');
}

// "text" with nlohmann's escapes: the two-character ones, \u00XX (lower
// case) for other control characters, and everything else as it is.
void append_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Eight bytes at a time while none needs escaping: most do not.
        for (std::uint64_t block; i + 8 <= s.size(); i += 8) {
            std::memcpy(&block, s.data() + i, 8);
            if (has_special(block)) break;
        }
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, from, i - from);
        from = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            }
        }
    }
    out.append(s, from, std::string::npos);
    out += '"';
}

// Whether append_json writes `j` itself, all of it.
bool ours(const ordered_json& j) {
    switch (j.type()) {
        case Kind::null:
        case Kind::boolean: return true;
        case Kind::string: return is_valid_utf8(j.get_ref<const std::string&>());
        case Kind::array:
            for (const auto& item : j)
                if (!ours(item)) return false;
            return true;
        case Kind::object:
            for (auto it = j.begin(); it != j.end(); ++it)
                if (!is_valid_utf8(it.key()) || !ours(it.value())) return false;
            return true;
        default: return false;
    }
}

void append(std::string& out, const ordered_json& j, int depth) {
    switch (j.type()) {
        case Kind::null: out += "null"; return;
        case Kind::boolean: out += j.get<bool>() ? "true" : "false"; return;
        case Kind::string: append_string(out, j.get_ref<const std::string&>()); return;
        case Kind::array: {
            if (j.empty()) {
                out += "[]";
                return;
            }
            out += "[\n";
            std::size_t left = j.size();
            for (const auto& item : j) {
                indent(out, depth + 1);
                append(out, item, depth + 1);
                out += --left ? ",\n" : "\n";
            }
            indent(out, depth);
            out += ']';
            return;
        }
        case Kind::object: {
            if (j.empty()) {
                out += "{}";
                return;
            }
            out += "{\n";
            std::size_t left = j.size();
            for (auto it = j.begin(); it != j.end(); ++it) {
                indent(out, depth + 1);
                append_string(out, it.key());
                out += ": ";
                append(out, it.value(), depth + 1);
                out += --left ? ",\n" : "\n";
            }
            indent(out, depth);
            out += '}';
            return;
        }
        default: return;  // not reached: ours() said no
    }
}

}  // namespace

void append_json(std::string& out, const ordered_json& j, int depth) {
    if (ours(j)) {
        append(out, j, depth);
        return;
    }
    // nlohmann's text, each line after the first moved in by `depth` levels.
    const std::string text = j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        out.append(text, from, nl + 1 - from);
        indent(out, depth);
        from = nl + 1;
    }
    out.append(text, from, std::string::npos);
}

void JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    items_.push_back(0);
}

void JsonWriter::close(char bracket) {
    const std::size_t items = items_.back();
    items_.pop_back();
    if (items > 0) {
        out_ += '\n';
        indent(out_, depth_ + static_cast<int>(items_.size()));
    }
    out_ += bracket;
}

// Each item of an object or list on a line of its own, after a comma if
// it is not the first; a value after its key goes on the key's line.
void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (items_.empty()) return;  // the outermost value
    out_ += items_.back()++ ? ",\n" : "\n";
    indent(out_, depth_ + static_cast<int>(items_.size()));
}

void JsonWriter::key(std::string_view k) {
    before_value();
    valid_ = valid_ && is_valid_utf8(k);
    append_string(out_, k);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
    before_value();
    valid_ = valid_ && is_valid_utf8(text);
    append_string(out_, text);
}

void JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
}

void JsonWriter::field(std::string_view k, const std::vector<std::string>& texts) {
    key(k);
    begin_array();
    for (const auto& t : texts) value(t);
    end_array();
}

}  // namespace eqsite
