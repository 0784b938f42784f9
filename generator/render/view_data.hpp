// Building the values a template is rendered with (kainjow's
// mustache::data) without copying them.
//
// kainjow's `data::set(key, value)` takes the value by reference and
// copies it, deeply: a list of 200 objective cards was built once and
// copied twice (once by `data(const list&)`, which has no moving form, and
// once by `set`). And since its move constructor is not noexcept, a
// growing list copies all its items each time it grows: lists are given
// their size first (List::reserve) where it is known. Page values are
// made once and thrown away after the page
// is rendered, so these helpers move them into place instead: through
// `operator[]`, and through `list_value`/`string_value`, which return
// const references to objects the data owns and that are not const
// themselves, so writing through them is well defined.
#pragma once

#include <string>
#include <utility>

#include <kainjow/mustache.hpp>

namespace eqsite {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

// A string value, taking `text` without copying it.
inline Data text_data(std::string&& text) {
    Data d(Data::type::string);
    const_cast<std::string&>(d.string_value()) = std::move(text);
    return d;
}

// A list value, taking `items` without copying them.
inline Data list_data(List&& items) {
    Data d(Data::type::list);
    const_cast<List&>(d.list_value()) = std::move(items);
    return d;
}

// d[key] = value, moved in. Does nothing if `d` is not an object, like set().
inline void put(Data& d, const std::string& key, Data&& value) {
    if (d.is_object()) d[key] = std::move(value);  // one lookup, nothing copied
}
inline void put(Data& d, const std::string& key, const Data& value) { put(d, key, Data(value)); }
inline void put(Data& d, const std::string& key, List&& items) { put(d, key, list_data(std::move(items))); }
inline void put(Data& d, const std::string& key, std::string&& text) { put(d, key, text_data(std::move(text))); }
inline void put(Data& d, const std::string& key, const std::string& text) { put(d, key, Data(text)); }
inline void put(Data& d, const std::string& key, const char* text) { put(d, key, Data(text)); }

}  // namespace eqsite
