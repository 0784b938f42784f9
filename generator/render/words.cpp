#include "render/words.hpp"

#include "util/text.hpp"

namespace eqsite {

namespace {

// A list of vocabulary values as a short key: one byte each, in order.
template <typename T>
std::string key_of(const std::vector<T>& values) {
    std::string key;
    key.reserve(values.size());
    for (T v : values) key += static_cast<char>(static_cast<int>(v));
    return key;
}

}  // namespace

const std::string& Words::date(const Date& d) {
    const auto key = static_cast<std::uint32_t>((((d.year * 13 + d.month) * 32 + d.day) << 1) | (d.whole_month ? 1 : 0));
    auto [it, added] = dates_.try_emplace(key);
    if (added) it->second = strings_.date(d);
    return it->second;
}

const std::string& Words::aims(const std::vector<Aim>& aims) {
    auto [it, added] = aims_.try_emplace(key_of(aims));
    if (added) {
        std::vector<std::string> names;
        for (Aim a : aims) names.push_back(strings_.term("aims", slug(a)));
        it->second = join(names, strings_.text("labels.aims_separator"));
    }
    return it->second;
}

const std::string& Words::characteristics(const std::vector<Characteristic>& characteristics) {
    auto [it, added] = characteristics_.try_emplace(key_of(characteristics));
    if (added) {
        if (characteristics.size() == characteristic_count) {
            it->second = strings_.text("labels.all_characteristics");
        } else {
            std::vector<std::string> names;
            for (Characteristic c : characteristics) names.push_back(strings_.term("characteristics", slug(c)));
            it->second = join(names, strings_.text("labels.list_separator"));
        }
    }
    return it->second;
}

}  // namespace eqsite
