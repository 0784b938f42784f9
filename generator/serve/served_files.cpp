#include "serve/served_files.hpp"

#include "util/files.hpp"

namespace eqsite {

namespace fs = std::filesystem;

// A folder holding one full build, and the files in it.
struct ServedFiles::Base {
    fs::path folder;
    std::set<std::string> files;
};

// A full build, with what changed since written over it.
struct ServedFiles::Version {
    // A file written over the full build: its bytes, or pieces held as
    // they were written (joined when the file is asked for). Neither: it
    // is gone.
    struct Over {
        std::shared_ptr<const std::string> bytes;
        std::shared_ptr<const HeldPieces> pieces;
        bool gone() const { return !bytes && !pieces; }
    };
    std::shared_ptr<Base> base;
    std::unordered_map<std::string, Over> over;
};

ServedFiles::~ServedFiles() {
    std::error_code ec;
    if (current_) fs::remove_all(current_->base->folder, ec);
    for (const auto& b : retired_) fs::remove_all(b->folder, ec);
}

std::unique_ptr<ServedFiles::Next> ServedFiles::start_full() {
    std::unique_ptr<Next> next(new Next());
    auto base = std::make_shared<Base>();
    base->folder = work_ / ("build-" + std::to_string(++folders_));
    std::error_code ec;
    fs::remove_all(base->folder, ec);
    fs::create_directories(base->folder, ec);
    next->version_ = std::make_shared<Version>();
    next->version_->base = std::move(base);
    next->folder_.emplace(next->version_->base->folder);
    return next;
}

std::unique_ptr<ServedFiles::Next> ServedFiles::start_changes() {
    std::unique_ptr<Next> next(new Next());
    std::lock_guard lock(mutex_);
    next->version_ = std::make_shared<Version>(*current_);  // shares the base and the unchanged entries
    return next;
}

void ServedFiles::publish(std::unique_ptr<Next> next) {
    std::shared_ptr<const Version> old;
    {
        std::lock_guard lock(mutex_);
        old = std::move(current_);
        current_ = std::move(next->version_);
    }
    if (old && old->base != current_->base) retired_.push_back(old->base);
    old.reset();
    // Folders no version uses any more (requests still reading one keep
    // it alive until they finish).
    std::error_code ec;
    for (auto it = retired_.begin(); it != retired_.end();) {
        if (it->use_count() == 1) {
            fs::remove_all((*it)->folder, ec);
            it = retired_.erase(it);
        } else {
            ++it;
        }
    }
}

bool ServedFiles::empty() const {
    std::lock_guard lock(mutex_);
    return !current_;
}

std::optional<ServedFiles::Found> ServedFiles::find(const std::string& path) const {
    std::shared_ptr<const Version> v;
    {
        std::lock_guard lock(mutex_);
        v = current_;
    }
    if (!v) return std::nullopt;
    if (const auto it = v->over.find(path); it != v->over.end()) {
        const Version::Over& o = it->second;
        if (o.gone()) return std::nullopt;
        if (o.bytes) return Found{o.bytes, {}};
        auto joined = std::make_shared<std::string>();
        for (const auto& piece : *o.pieces) *joined += *piece;
        return Found{std::move(joined), {}};
    }
    if (!v->base->files.count(path)) return std::nullopt;
    return Found{nullptr, v->base->folder / from_utf8(path)};
}

std::set<std::string> ServedFiles::paths() const {
    std::shared_ptr<const Version> v;
    {
        std::lock_guard lock(mutex_);
        v = current_;
    }
    std::set<std::string> out;
    if (!v) return out;
    out = v->base->files;
    for (const auto& [path, o] : v->over) {
        if (!o.gone()) out.insert(path);
        else out.erase(path);
    }
    return out;
}

bool ServedFiles::Next::write(const std::string& path, std::string_view bytes) {
    if (folder_) {
        if (!folder_->write(path, bytes)) return false;
        std::lock_guard lock(mutex_);
        version_->base->files.insert(path);
        return true;
    }
    auto held = std::make_shared<const std::string>(bytes);
    std::lock_guard lock(mutex_);
    version_->over[path] = {std::move(held), nullptr};
    return true;
}

bool ServedFiles::Next::write_pieces(const std::string& path, const FilePieces& make) {
    if (folder_) return OutputSink::write_pieces(path, make);
    // Held in memory: made once and moved in, not copied (a national
    // /objectives.json is hundreds of MB).
    auto bytes = std::make_shared<std::string>();
    make([&](std::string_view piece) { bytes->append(piece); });
    std::lock_guard lock(mutex_);
    version_->over[path] = {std::move(bytes), nullptr};
    return true;
}

bool ServedFiles::Next::write_held(const std::string& path, std::shared_ptr<const HeldPieces> pieces) {
    if (folder_) return OutputSink::write_held(path, std::move(pieces));
    // Kept as they are: an edit at national size changes one objective of
    // /objectives.json, and the file is rarely asked for in a preview.
    std::lock_guard lock(mutex_);
    version_->over[path] = {nullptr, std::move(pieces)};
    return true;
}

bool ServedFiles::Next::copy(const std::string& path, const fs::path& from) {
    if (folder_) {
        if (!folder_->copy(path, from)) return false;
        std::lock_guard lock(mutex_);
        version_->base->files.insert(path);
        return true;
    }
    auto bytes = read_file(from);
    if (!bytes) return false;
    return write(path, *bytes);
}

void ServedFiles::Next::remove(const std::string& path) {
    std::lock_guard lock(mutex_);
    if (folder_) version_->base->files.erase(path);
    else version_->over[path] = {};
}

}  // namespace eqsite
