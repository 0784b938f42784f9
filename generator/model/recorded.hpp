// Which parts of the model a page read, recorded while it renders, so the
// preview server re-renders exactly the pages an edit concerns.
//
// Every part of a Site that a page can read is wrapped in Recorded<T> or
// RecordedList<T>, and carries an input id. Reading it (operator*, ->, [],
// iteration) notes that id on the current thread's recorder, if one is
// active; building the model uses edit(), which notes nothing. Nobody keeps
// a table of which page shows what: the reads themselves are the record,
// so a new view that reads a new part of the model is recorded too.
//
// Ids are stable across rebuilds (InputNames gives the same id to the same
// name: a file's path, "schools", "config"), and each has a fingerprint
// (InputTable) that changes whenever what a reader can see through it
// changes. A page needs rendering again when the fingerprint of an input it
// read changed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "util/digest.hpp"

namespace eqsite {

using InputId = std::uint32_t;

// Notes reads on the current thread while a Scope is open.
class InputRecorder {
public:
    static void note(InputId id) {
        if (current_) current_->push_back(id);
    }
    // Whether this thread's reads are being recorded (the preview).
    static bool recording() { return current_ != nullptr; }
    // Records the reads of this thread into `into` until destroyed.
    class Scope {
    public:
        explicit Scope(std::vector<InputId>& into) : previous_(current_) { current_ = &into; }
        ~Scope() { current_ = previous_; }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        std::vector<InputId>* previous_;
    };

private:
    static inline thread_local std::vector<InputId>* current_ = nullptr;
};

// Stable ids for input names, kept across rebuilds by whoever rebuilds.
class InputNames {
public:
    InputId id(const std::string& name) {
        const auto [it, added] = ids_.try_emplace(name, static_cast<InputId>(names_.size()));
        if (added) names_.push_back(name);
        return it->second;
    }
    const std::string& name(InputId id) const { return names_[id]; }
    std::size_t size() const { return names_.size(); }

private:
    std::unordered_map<std::string, InputId> ids_;
    std::vector<std::string> names_;
};

// The fingerprint of every input of one model, by id. An id with no
// fingerprint is not part of this model (the file is gone).
class InputTable {
public:
    void set(InputId id, Digest print) {
        if (id >= prints_.size()) {
            prints_.resize(id + 1);
            present_.resize(id + 1, false);
        }
        prints_[id] = print;
        present_[id] = true;
    }
    bool has(InputId id) const { return id < present_.size() && present_[id]; }
    const Digest& print(InputId id) const { return prints_[id]; }
    // Whether a reader of `id` could see a difference between two models.
    static bool same(const InputTable& a, const InputTable& b, InputId id) {
        return a.has(id) == b.has(id) && (!a.has(id) || a.print(id) == b.print(id));
    }
    // Every id whose readers could see a difference, as a table of flags
    // (worked out once, then looked up for each of thousands of pages).
    static std::vector<bool> differences(const InputTable& a, const InputTable& b) {
        std::vector<bool> out(std::max(a.prints_.size(), b.prints_.size()));
        for (InputId id = 0; id < out.size(); ++id) out[id] = !same(a, b, id);
        return out;
    }

private:
    std::vector<Digest> prints_;
    std::vector<bool> present_;
};

// A part of the model read as a whole (the settings, the home page text).
template <typename T>
class Recorded {
public:
    Recorded() = default;
    explicit Recorded(T value) : value_(std::move(value)) {}

    const T& operator*() const {
        InputRecorder::note(id);
        return value_;
    }
    const T* operator->() const {
        InputRecorder::note(id);
        return &value_;
    }
    // For building the model, and for code that is not a page (the writer).
    T& edit() { return value_; }
    const T& unrecorded() const { return value_; }

    InputId id = 0;

private:
    T value_{};
};

// A list whose items are read one at a time (objectives, schools): reading
// item i notes the item's id; reading the list as a whole (its size, or
// going through it) notes the list's id, whose fingerprint covers every
// item and their order.
template <typename T>
class RecordedList {
public:
    using const_iterator = typename std::vector<T>::const_iterator;

    const T& operator[](std::size_t i) const {
        if (i < ids_.size()) InputRecorder::note(ids_[i]);
        return items_[i];
    }
    const T& at(std::size_t i) const {
        (void)items_.at(i);  // throws when out of range, as std::vector does
        return (*this)[i];
    }
    std::size_t size() const {
        InputRecorder::note(id);
        return items_.size();
    }
    bool empty() const { return size() == 0; }
    const_iterator begin() const {
        InputRecorder::note(id);
        return items_.begin();
    }
    const_iterator end() const { return items_.end(); }

    // For building the model, and for code that is not a page.
    std::vector<T>& edit() { return items_; }
    const std::vector<T>& unrecorded() const { return items_; }
    // The id of item i (set with the model's inputs).
    std::vector<InputId>& item_ids() { return ids_; }
    const std::vector<InputId>& item_ids() const { return ids_; }

    InputId id = 0;  // the whole list

private:
    std::vector<T> items_;
    std::vector<InputId> ids_;
};

}  // namespace eqsite
