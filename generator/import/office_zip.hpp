// The container of .xlsx and .docx files: a ZIP archive of XML parts,
// opened with libzip. Parts are read whole, with a size limit, so a file
// made to expand without end (a "zip bomb") is refused, never unpacked.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

struct zip;

namespace eqsite::import {

class OfficeZip {
public:
    // On failure, ok() is false and error() says why in words.
    explicit OfficeZip(const std::filesystem::path& file);
    ~OfficeZip();
    OfficeZip(const OfficeZip&) = delete;
    OfficeZip& operator=(const OfficeZip&) = delete;

    bool ok() const { return archive_ != nullptr; }
    const std::string& error() const { return error_; }
    // The part's bytes ("xl/workbook.xml"), or nullopt if it is missing or
    // larger than the limit (error() then says which).
    std::optional<std::string> read(const std::string& part);

    static constexpr std::uint64_t most_bytes = 64u << 20;  // per part, unpacked

private:
    ::zip* archive_ = nullptr;
    std::string error_;
};

}  // namespace eqsite::import
