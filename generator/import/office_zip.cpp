#include "import/office_zip.hpp"

#include <zip.h>

#include "util/files.hpp"

namespace eqsite::import {

OfficeZip::OfficeZip(const std::filesystem::path& file) {
    int code = 0;
    archive_ = zip_open(file.string().c_str(), ZIP_RDONLY, &code);
    if (!archive_) {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        error_ = "cannot open " + to_utf8(file.filename()) + " as an Office file (" + zip_error_strerror(&e) +
                 "); open it in Excel or Word and save it again";
        zip_error_fini(&e);
    }
}

OfficeZip::~OfficeZip() {
    if (archive_) zip_discard(archive_);
}

std::optional<std::string> OfficeZip::read(const std::string& part) {
    if (!archive_) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(archive_, part.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
    if (st.size > most_bytes) {
        error_ = part + " is larger than eqsite reads (" + std::to_string(most_bytes >> 20) + " MB unpacked)";
        return std::nullopt;
    }
    zip_file_t* f = zip_fopen(archive_, part.c_str(), 0);
    if (!f) return std::nullopt;
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const zip_int64_t n = zip_fread(f, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    zip_fclose(f);
    if (done != bytes.size()) {
        error_ = "cannot read " + part + " in the file: it may be damaged";
        return std::nullopt;
    }
    return bytes;
}

}  // namespace eqsite::import
