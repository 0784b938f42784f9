// The model stage: turns what load/ found into a validated Site, merging
// trust-wide objectives into every school and indexing by aim and
// characteristic, and gives every part a page can read an input id and a
// fingerprint (model/recorded.hpp).
#pragma once

#include <optional>

#include "load/file_store.hpp"
#include "load/site_files.hpp"
#include "model/model_cache.hpp"
#include "model/recorded.hpp"
#include "model/review.hpp"
#include "model/site.hpp"

namespace eqsite {

struct ModelOptions {
    std::optional<Date> today;  // --today; site.yaml `today` wins over it
    unsigned jobs = 0;          // schools read in parallel; 0: one thread per core
};

// What the model stage keeps between builds of one site. The preview
// server keeps one for its whole run (`keep_reads`: what was made of each
// file is kept, so a rebuild reads only changed files); a one-off build or
// check uses a fresh one that keeps nothing it does not need.
struct ModelState {
    ModelState(std::filesystem::path root, bool keep_reads) : files(std::move(root), keep_reads), keep(keep_reads) {}
    FileStore files;
    ModelCache cache;
    InputNames names;
    bool keep;
    // Where each objective of the last model was lent from: its entry in
    // `cache`, in the model's order, so lend_back() returns each without
    // looking its name up (it checks the entry's path is the objective's).
    // Entries stay where they are until the next build_model() (the cache
    // moves them as nodes); null where there is no entry to go back to.
    std::vector<CachedEntry<Objective>*> lent_from;  // the trust's objectives
    // Where each school's objectives came from: its folder's read in
    // `cache.school_folders`, in the model's order of schools (each
    // school's objectives follow the trust's, school by school).
    struct LentSchool {
        SchoolFolderRead* folder;
        std::string name;   // the folder's, to check the entry is still this folder's
        std::size_t count;  // of its objectives
    };
    std::vector<LentSchool> lent_schools;
    // Between lend_back() and the next build_model(): the last model's
    // objectives (the trust's, first, are given back to their entries).
    std::vector<Objective> kept;
    std::size_t kept_trust = 0;
    // The last model's review of dates, the trust's and each school's
    // (review_dates()), and what the trust's part was made from.
    std::vector<ReviewGroup> review;
    Digest review_print;
};

// Always returns a Site; check diags.has_errors() before publishing it.
Site build_model(const SiteFiles& files, const ModelOptions& options, ModelState& state, Diagnostics& diags);

// Before the preview's next build_model(): gives the objectives of the
// model `previous` back to the cache they were lent from, so the next
// model moves, rather than copies, every objective whose file did not
// change. `previous` is left without objectives.
void lend_back(Site& previous, ModelState& state);

// Reads and validates a whole site folder once: load + model in one call.
Site load_site(const std::filesystem::path& root, const ModelOptions& options, Diagnostics& diags);

}  // namespace eqsite
