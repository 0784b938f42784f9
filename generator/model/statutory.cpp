#include "model/statutory.hpp"

#include "load/embedded.hpp"

namespace eqsite {

Text read_text(const Document& doc, Diagnostics& diags) {
    Fields f(doc.front, doc.path, doc.front_first_line, diags);
    Text t;
    t.title = f.text("title", Need::required).value_or("");
    t.summary = f.text("summary").value_or("");
    t.markdown = doc.body;
    t.source = doc.path;
    f.finish();
    return t;
}

namespace {

Text statutory_text(const SiteFiles& files, const std::string& path, Diagnostics& diags, const ReadText& read) {
    for (const auto& [p, file] : files.statutory_overrides)
        if (p == path) return read(file, diags).value_or(Text{});
    const std::string builtin = "content/" + path;
    auto data = embedded::find(builtin);
    if (!data) {
        diags.error({builtin, 1, 1}, "built-in text missing from this eqsite build (please report this)");
        return {};
    }
    auto doc = load_document(builtin + " (built-in)", *data, diags);
    return doc ? read_text(*doc, diags) : Text{};
}

}  // namespace

Statutory read_statutory(const SiteFiles& loaded, Diagnostics& diags, const ReadText& read) {
    Statutory s;
    s.duty = statutory_text(loaded, "duty.md", diags, read);
    s.equality_information = statutory_text(loaded, "equality-information.md", diags, read);
    for (std::size_t i = 0; i < aim_count; ++i)
        s.aims[i] = statutory_text(loaded, "aims/" + std::string(aims_vocabulary().terms[i]) + ".md", diags, read);
    for (std::size_t i = 0; i < characteristic_count; ++i)
        s.characteristics[i] = statutory_text(
            loaded, "characteristics/" + std::string(characteristics_vocabulary().terms[i]) + ".md", diags, read);
    return s;
}

}  // namespace eqsite
