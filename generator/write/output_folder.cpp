#include "write/output_folder.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/files.hpp"

namespace eqsite {

namespace fs = std::filesystem;

std::optional<std::string> refuse_output_folder(const fs::path& site, const fs::path& out) {
    std::error_code ec;
    const std::string shown = to_utf8(out);
    if (is_inside(site, out))
        return is_inside(out, site) ? "the output folder \"" + shown + "\" is the site folder itself; choose a folder "
                                          "inside it, such as public (the default)"
                                    : "the output folder \"" + shown + "\" contains the site folder; building there "
                                          "would delete your site. Choose a folder such as " +
                                          to_utf8(site / "public");
    // The whole output folder is swapped for the new one: a link there
    // would be replaced by a folder, and its target would become the spare,
    // whose files the next build deletes.
    if (fs::is_symlink(fs::symlink_status(out, ec)))
        return "the output folder \"" + shown + "\" is a link" +
               (fs::exists(out, ec) ? " to " + to_utf8(fs::read_symlink(out, ec)) : std::string(" that leads nowhere")) +
               "; eqsite replaces the output folder as a whole, which would replace the link. Give the folder "
               "itself with -o (or remove the link)";
    // A folder the build reads would publish the last build inside the next.
    for (const char* read : {"static", "content", "data", "theme"})
        if (is_inside(out, site / read))
            return "the output folder \"" + shown + "\" is inside the site's " + read +
                   "/ folder, which every build reads (each build would publish the one before inside itself); "
                   "choose a folder outside it, such as " + to_utf8(site / "public");
    if (fs::exists(out / "content", ec))
        return "the output folder \"" + shown + "\" contains a content/ folder, so it looks like a site, not "
               "a build output; choose another folder";
    if (fs::exists(out, ec) && !fs::is_directory(out, ec))
        return "\"" + shown + "\" is a file, not a folder; choose another output folder";
    if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) && !fs::exists(out / output_marker, ec))
        return "the output folder \"" + shown + "\" already holds files that eqsite did not make, and a build "
               "publishes its own site there; empty it or choose another folder";
    return std::nullopt;
}

// ---- writing a file safely ---------------------------------------------------

namespace {

// Writes through a temporary name and renames it over the target, so a
// file that is a hard link shared with the published output is replaced,
// never changed in place, and no reader sees half a file.
fs::path temporary_for(const fs::path& file) {
    return file.parent_path() / ("." + to_utf8(file.filename()) + ".eqsite-tmp");
}

// Renames `tmp` over `file`; on failure `tmp` is removed.
bool rename_into_place(const fs::path& tmp, const fs::path& file) {
    std::error_code ec;
    fs::rename(tmp, file, ec);
    if (ec) fs::remove(tmp, ec);
    return !ec;
}

bool write_replacing(const fs::path& file, std::string_view bytes) {
    const fs::path tmp = temporary_for(file);
    return write_file_into_folder(tmp, bytes) && rename_into_place(tmp, file);
}

// Removes every file under `folder` that is not in `keep` (paths relative
// to `root`, with '/'), then every folder left empty, in one walk. Returns
// whether `folder` is empty afterwards.
bool prune(const fs::path& root, const fs::path& folder, const std::map<std::string, Digest>& keep) {
    std::error_code ec;
    bool empty = true;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code e;
        if (it->is_directory(e) && !it->is_symlink(e)) {
            if (prune(root, it->path(), keep)) fs::remove(it->path(), e);
            else empty = false;
            continue;
        }
        const std::string rel = to_utf8(it->path().lexically_relative(root));
        if (rel == output_marker || keep.count(rel)) empty = false;
        else fs::remove(it->path(), e);
    }
    return empty && !ec;
}

// Makes `target` the published file itself (a hard link), so an unchanged
// file keeps its modification time and costs no write. False if it cannot.
bool link_published(const fs::path& published, const fs::path& target) {
    std::error_code ec;
    if (fs::equivalent(published, target, ec)) return true;
    fs::remove(target, ec);
    fs::create_hard_link(published, target, ec);
    return !ec;
}

}  // namespace

bool FolderSink::write(const std::string& path, std::string_view bytes) {
    return write_file(folder_ / from_utf8(path), bytes);
}

bool FolderSink::copy(const std::string& path, const fs::path& from) {
    std::error_code ec;
    const fs::path to = folder_ / from_utf8(path);
    fs::create_directories(to.parent_path(), ec);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    return !ec;
}

// ---- the manifest -------------------------------------------------------------

Manifest Manifest::read(const fs::path& folder) {
    Manifest m;
    const auto text = read_file(folder / output_marker);
    if (!text) return m;
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        // "<32 hex digits> <path>"; other lines are comments.
        Digest d;
        if (line.size() < 34 || line[32] != ' ' || !Digest::parse(std::string_view(line).substr(0, 32), d)) continue;
        m.files.emplace(line.substr(33), d);
        m.known = true;
    }
    return m;
}

std::string Manifest::text() const {
    std::string out = "# This folder is made by eqsite: every file below is rewritten by each build; edit the\n"
                      "# site's files instead. Files not listed here are yours, and eqsite keeps them.\n";
    for (const auto& [path, d] : files) out += d.hex() + " " + path + "\n";
    return out;
}

// ---- replacing the output ------------------------------------------------------

OutputWriter::OutputWriter(fs::path out) : out_(std::move(out)) {
    std::error_code ec;
    fs::create_directories(out_.parent_path().empty() ? fs::path(".") : out_.parent_path(), ec);
    lock_ = std::make_unique<platform::FileLock>(sibling("lock"));
    if (!lock_->held()) {
        error_ = "another eqsite build is writing " + to_utf8(out_) + " now; wait for it to finish";
        return;
    }
    recover();
    if (!error_.empty()) return;
    previous_ = Manifest::read(out_);
    prepare_staging();
}

OutputWriter::~OutputWriter() = default;  // an unfinished staging folder stays, as the next build's spare

fs::path OutputWriter::sibling(std::string_view what) const {
    const fs::path parent = out_.parent_path().empty() ? fs::path(".") : out_.parent_path();
    return parent / ("." + to_utf8(out_.filename()) + ".eqsite-" + std::string(what));
}

// A folder beside the output under one of eqsite's names is eqsite's own
// only when it is a real folder (not a link) holding eqsite's marker file,
// or is empty. Anything else there is someone else's: it is never removed,
// reused or written into.
namespace {
bool made_by_eqsite(const fs::path& folder) {
    std::error_code ec;
    const auto own = fs::symlink_status(folder, ec);
    if (!fs::is_directory(own)) return false;
    return fs::exists(fs::symlink_status(folder / output_marker, ec)) || fs::is_empty(folder, ec);
}
}  // namespace

// Whether `folder` (one of eqsite's names beside the output) may be used:
// it is not there, or eqsite made it. Otherwise the build stops, naming it.
bool OutputWriter::may_use(const fs::path& folder) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(folder, ec)) || made_by_eqsite(folder)) return true;
    if (error_.empty())
        error_ = "\"" + to_utf8(folder) + "\" is in the way: eqsite keeps its work beside the output folder under "
                 "this name, but this " + (fs::is_symlink(fs::symlink_status(folder, ec)) ? "link" : "folder") +
                 " is not one it made (it has no " + output_marker + " file), so it is left alone. Move or rename "
                 "it, then build again";
    return false;
}

// What an earlier build left when it was stopped: a build swapped in but
// whose predecessor still holds the user's files ("previous"), a staging
// folder half written, and the folders older versions of eqsite left.
void OutputWriter::recover() {
    std::error_code ec;
    const fs::path previous = sibling("previous"), staging = sibling("staging"), spare = sibling("spare");
    if (!may_use(previous) || !may_use(staging) || !may_use(spare)) return;
    if (fs::exists(previous, ec)) {
        take_back_user_files(previous, Manifest::read(previous));
        if (fs::exists(spare, ec)) fs::remove_all(spare, ec);
        fs::rename(previous, spare, ec);
    }
    if (fs::exists(staging, ec)) {
        if (fs::exists(spare, ec)) fs::remove_all(staging, ec);
        else fs::rename(staging, spare, ec);
    }
    const fs::path parent = out_.parent_path().empty() ? fs::path(".") : out_.parent_path();
    const std::string older = "." + to_utf8(out_.filename()) + ".eqsite-";
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = to_utf8(it->path().filename());
        if ((name.starts_with(older + "staging-") || name.starts_with(older + "old-")) && made_by_eqsite(it->path()))
            fs::remove_all(it->path(), ec);
    }
}

void OutputWriter::prepare_staging() {
    std::error_code ec;
    staging_ = sibling("staging");
    const fs::path spare = sibling("spare");
    if (fs::exists(spare, ec)) fs::rename(spare, staging_, ec);
    if (ec || !fs::exists(staging_)) {
        ec.clear();
        fresh_ = fs::create_directories(staging_, ec);  // false if it was there after all
        // Marked at once, so a build stopped now leaves a folder the next
        // one knows as its own (commit writes the real manifest over it).
        if (!ec && !write_file_into_folder(staging_ / output_marker, Manifest{}.text()))
            ec = std::make_error_code(std::errc::io_error);
    }
    if (ec) error_ = "cannot create the staging folder " + to_utf8(staging_) + ": " + ec.message();
}

void OutputWriter::ensure_folder(const fs::path& folder) {
    {
        std::lock_guard lock(mutex_);
        if (folders_.count(folder.native())) return;
    }
    // Most folders' parent is there already: one mkdir, not a look at
    // each folder above it first.
    std::error_code ec;
    if (!fs::create_directory(folder, ec) && ec) fs::create_directories(folder, ec);
    std::lock_guard lock(mutex_);
    folders_.insert(folder.native());
}

bool OutputWriter::write_new(const fs::path& target, std::string_view bytes) {
    // In a staging folder this build made, a file is written where it goes
    // when nothing is there yet, created exclusively: a file that is there
    // may be a hard link to the published one (an unchanged file this
    // build linked, perhaps under another spelling on a file system that
    // ignores case), which must be replaced, never written through. In
    // the spare, any file may be such a link.
    if (fresh_) {
        const auto made = platform::write_new_file(target, bytes);
        if (made != platform::NewFile::exists) return made == platform::NewFile::written;
    }
    return write_replacing(target, bytes);
}

bool OutputWriter::finish(const std::string& path, const Digest& digest) {
    std::lock_guard lock(mutex_);
    next_.files[path] = digest;
    next_.known = true;
    return true;
}

bool OutputWriter::write(const std::string& path, std::string_view bytes) {
    if (staging_.empty()) return false;  // the writer could not start (error())
    const Digest digest = digest_of(bytes);
    const fs::path target = staging_ / from_utf8(path);
    ensure_folder(target.parent_path());
    // The same bytes as the published file: link to it, so it keeps its
    // modification time (and costs no write). The file itself is compared,
    // not only the manifest: a page someone edited in the output by hand
    // must be replaced, never published again as if the build made it.
    if (const auto it = previous_.files.find(path); it != previous_.files.end() && it->second == digest) {
        std::error_code ec;
        const fs::path published = out_ / from_utf8(path);
        ReadError why;
        const auto on_disk = fs::is_regular_file(fs::symlink_status(published, ec))
                                 ? read_file(published, bytes.size() + 1, why)
                                 : std::nullopt;
        if (on_disk && *on_disk == bytes && link_published(published, target)) return finish(path, digest);
    }
    return write_new(target, bytes) && finish(path, digest);
}

namespace {
// Whether two files hold the same bytes, read a block at a time.
bool same_bytes(const fs::path& a, const fs::path& b) {
    std::error_code ec1, ec2;
    if (fs::file_size(a, ec1) != fs::file_size(b, ec2) || ec1 || ec2) return false;
    std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
    if (!x || !y) return false;
    std::vector<char> p(1 << 16), q(1 << 16);
    for (;;) {
        x.read(p.data(), static_cast<std::streamsize>(p.size()));
        y.read(q.data(), static_cast<std::streamsize>(q.size()));
        if (x.gcount() != y.gcount() || !std::equal(p.begin(), p.begin() + x.gcount(), q.begin())) return false;
        if (x.gcount() == 0 || !x || !y) return x.eof() && y.eof() && !x.bad() && !y.bad();
    }
}
}  // namespace

bool OutputWriter::write_pieces(const std::string& path, const FilePieces& make) {
    if (staging_.empty()) return false;  // the writer could not start (error())
    const fs::path target = staging_ / from_utf8(path);
    ensure_folder(target.parent_path());
    // Into a new file beside the target (which may be a link to the
    // published file), then renamed over it, as write_replacing() does.
    const fs::path tmp = temporary_for(target);
    // The manifest's digest of a file made in pieces is the digest of its
    // pieces' digests: the same pieces give the same digest every build.
    Digest digest = digest_of("pieces");
    bool ok = false;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        make([&](std::string_view piece) {
            out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            digest = combine(digest, digest_of(piece));
        });
        ok = static_cast<bool>(out.flush());
    }
    std::error_code ec;
    if (!ok) {
        fs::remove(tmp, ec);
        return false;
    }
    // The same bytes as the published file: link to it, as write() does.
    if (const auto it = previous_.files.find(path); it != previous_.files.end() && it->second == digest) {
        const fs::path published = out_ / from_utf8(path);
        if (fs::is_regular_file(fs::symlink_status(published, ec)) && same_bytes(published, tmp) &&
            link_published(published, target)) {
            fs::remove(tmp, ec);
            return finish(path, digest);
        }
    }
    return rename_into_place(tmp, target) && finish(path, digest);
}

bool OutputWriter::copy(const std::string& path, const fs::path& from) {
    ReadError why;
    const auto bytes = read_file(from, max_data_file, why);
    return bytes && write(path, *bytes);
}

std::vector<std::string> OutputWriter::user_files_in_the_way(const std::set<std::string>& paths) const {
    std::vector<std::string> out;
    if (!previous_.known) return out;  // an older eqsite's output: all of it was eqsite's
    std::error_code ec;
    for (const auto& path : paths)
        if (!previous_.files.count(path) && fs::exists(fs::symlink_status(out_ / from_utf8(path), ec)))
            out.push_back(path);
    return out;
}

namespace {

// A copy of the tree at `from` at `to` that shares the files' storage
// (hard links; a copy where a link cannot be made), so that either may be
// deleted later without losing the other. Returns the first path it could
// not copy, or "" when all of it is there.
std::string link_tree(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    const auto status = fs::symlink_status(from, ec);
    if (ec) return to_utf8(from);
    if (fs::is_symlink(status)) {
        fs::copy_symlink(from, to, ec);
    } else if (fs::is_directory(status)) {
        fs::create_directories(to, ec);
        if (ec) return to_utf8(from);
        fs::directory_iterator it(from, ec), end;
        for (; !ec && it != end; it.increment(ec))
            if (auto failed = link_tree(it->path(), to / it->path().filename()); !failed.empty()) return failed;
    } else {
        fs::create_hard_link(from, to, ec);
        if (ec) {
            ec.clear();
            fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
        }
    }
    return ec ? to_utf8(from) : "";
}

}  // namespace

// Moves every file of `old_output` that its manifest does not list (the
// user's own) into the output, where the output does not have it. Only
// for a "previous" folder that eqsite 0.1 left when it was stopped between
// its swap and giving the user's files back; builds now lend them before
// the swap (lend_user_files).
void OutputWriter::take_back_user_files(const fs::path& old_output, const Manifest& old_manifest) {
    if (!old_manifest.known) return;
    std::error_code ec;
    for (fs::directory_iterator it(old_output, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = to_utf8(it->path().filename());
        std::error_code e;
        if (name == output_marker || old_manifest.files.count(name)) continue;
        if (it->is_directory(e) && !it->is_symlink(e)) {
            bool has_eqsite_file = false;
            for (const auto& [path, d] : old_manifest.files) has_eqsite_file = has_eqsite_file || path.rfind(name + "/", 0) == 0;
            if (has_eqsite_file) continue;  // an eqsite folder
        }
        if (fs::exists(fs::symlink_status(out_ / name, e))) continue;
        fs::rename(it->path(), out_ / name, e);
        if (!e) kept_.push_back(name);
    }
}

// Links every file of the output that its manifest does not list (the
// user's own: CNAME, .git/) into the staging folder, a whole folder at a
// time where no eqsite file is in it. Done before the swap, so that the
// new output has them from its first instant and the old one still has
// them: a build stopped at any moment loses none of them.
bool OutputWriter::lend_user_files() {
    if (!previous_.known) return true;  // an older eqsite's output: all of it was eqsite's
    std::set<std::string> eqsite_folders;  // every folder that holds an eqsite file
    for (const auto& [path, d] : previous_.files)
        for (auto slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            eqsite_folders.insert(path.substr(0, slash));
    std::vector<fs::path> todo{fs::path()};
    while (!todo.empty()) {
        const fs::path rel = todo.back();
        todo.pop_back();
        std::error_code ec;
        for (fs::directory_iterator it(out_ / rel, ec), end; !ec && it != end; it.increment(ec)) {
            const fs::path child = rel / it->path().filename();
            const std::string name = to_utf8(child);
            if (name == output_marker) continue;
            std::error_code e;
            const bool folder = it->is_directory(e) && !it->is_symlink(e);
            // A folder of eqsite's, or one this build writes into too (a
            // school added where the user keeps photos): look inside it.
            const auto in_staging = fs::symlink_status(staging_ / child, e);
            if (folder && (eqsite_folders.count(name) || fs::is_directory(in_staging))) {
                todo.push_back(child);
                continue;
            }
            if (!folder && previous_.files.count(name)) continue;  // eqsite's
            if (fs::exists(in_staging)) continue;                   // this build's own file
            fs::create_directories((staging_ / child).parent_path(), e);
            if (const auto failed = link_tree(it->path(), staging_ / child); !failed.empty()) {
                error_ = "cannot carry your file " + failed + " over into the new output (no hard link or copy could "
                         "be made: check its permissions); nothing was published and " + to_utf8(out_) +
                         " is unchanged";
                return false;
            }
            kept_.push_back(name);
        }
        if (ec) {
            error_ = "cannot read " + to_utf8(out_ / rel) + " to keep your own files in it (" + ec.message() +
                     "); nothing was published";
            return false;
        }
    }
    return true;
}

bool OutputWriter::commit() {
    if (staging_.empty()) return false;  // the writer could not start (error())
    std::error_code ec;
    // Files of the build before last that this build did not write go, and
    // folders left empty (a school that went); the rest of the staging
    // folder is this build. A staging folder this build made holds only
    // what it wrote.
    if (!fresh_) prune(staging_, staging_, next_.files);
    // An unchanged manifest keeps its file and time too, like any other file
    // (rsync and aws s3 sync then upload nothing after an unchanged build).
    const std::string manifest = next_.text();
    ReadError unread;
    const auto published = read_file(out_ / output_marker, manifest.size() + 1, unread);
    bool linked = false;
    if (published && *published == manifest) {
        fs::remove(staging_ / output_marker, ec);
        fs::create_hard_link(out_ / output_marker, staging_ / output_marker, ec);
        linked = !ec;
    }
    if (!linked && !write_replacing(staging_ / output_marker, manifest)) {
        error_ = "cannot write " + to_utf8(staging_ / output_marker) + " (is the disk full?)";
        return false;
    }
    if (!fs::exists(out_, ec)) {
        fs::rename(staging_, out_, ec);
        if (ec) error_ = "cannot move the new output into place at " + to_utf8(out_) + ": " + ec.message();
        return !ec;
    }
    if (!lend_user_files()) return false;
    // One step: the output is the whole old site or the whole new one.
    std::string why;
    if (!platform::exchange(staging_, out_, why)) {
        error_ = "cannot swap the new output in at " + to_utf8(out_) + ": " + why;
        return false;
    }
    // The old output, now at the staging path, is the next build's spare
    // (its links to the user's files go when that build cleans it).
    fs::rename(staging_, sibling("spare"), ec);
    return true;
}

}  // namespace eqsite
