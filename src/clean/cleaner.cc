#include "clean/cleaner.h"

namespace vigie {
namespace {

// The most text a "read more" line may cut off after itself in plain text (related headlines).
constexpr std::size_t kMaxCutTailBytes = 2000;

bool blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r\f") == std::string_view::npos;
}

}  // namespace

Document Cleaner::clean(RawDocument raw) const {
  if (raw.format != InputFormat::Html) {
    Document doc(std::move(raw.bytes), raw.format, std::move(raw.origin));
    doc.meta = std::move(raw.meta);
    mark_boilerplate(doc);
    return doc;
  }
  ExtractedArticle article = html_.extract(raw.bytes);
  Document doc(std::move(article.text), InputFormat::Html, std::move(raw.origin));
  if (article.headline_bytes > 0) {
    doc.headline = Span{0, static_cast<std::uint32_t>(article.headline_bytes)};
  }
  doc.meta = std::move(raw.meta);
  // The feed's own metadata (JSONL fields) outranks what the page says about itself.
  if (!doc.meta.title) doc.meta.title = article.title;
  if (!doc.meta.published) doc.meta.published = article.published;
  if (!doc.meta.source) doc.meta.source = article.source;
  if (!doc.meta.url) doc.meta.url = article.url;
  if (!doc.meta.declared_lang) doc.meta.declared_lang = article.lang;
  find_paragraphs(doc);
  return doc;
}

void Cleaner::mark_boilerplate(Document& doc) const {
  const std::string& text = doc.text();
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string_view line(text.data() + pos, eol - pos);
    if (!blank_line(line)) {
      const auto verdict = boilerplate_.classify(line);
      // A "read more" line ends the article only when little follows it: in a long file of
      // several articles it is dropped alone, and the articles after it are kept.
      if (verdict == BoilerplateFilter::Verdict::CutRest && text.size() - eol <= kMaxCutTailBytes) {
        doc.exclusions.push_back(
            {{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(text.size())},
             "read-more tail"});
        break;
      }
      if (verdict != BoilerplateFilter::Verdict::Keep) {
        // The blank lines after a dropped line go with it, so the clean text keeps one break.
        std::size_t end = eol < text.size() ? eol + 1 : eol;
        while (end < text.size()) {
          std::size_t next = text.find('\n', end);
          if (next == std::string::npos) next = text.size();
          if (!blank_line(std::string_view(text.data() + end, next - end))) break;
          end = next < text.size() ? next + 1 : next;
        }
        doc.exclusions.push_back(
            {{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)},
             "caption or prompt"});
        pos = end;
        continue;
      }
    }
    pos = eol + 1;
  }
  find_paragraphs(doc);
}

void find_paragraphs(Document& doc) {
  const std::string& text = doc.text();
  doc.paragraphs.clear();
  std::size_t pos = 0;
  std::size_t para_begin = std::string::npos;
  std::size_t para_end = 0;
  std::size_t next_exclusion = 0;
  auto close = [&] {
    if (para_begin != std::string::npos) {
      doc.paragraphs.push_back(
          {static_cast<std::uint32_t>(para_begin), static_cast<std::uint32_t>(para_end)});
    }
    para_begin = std::string::npos;
  };
  while (pos < text.size()) {
    if (next_exclusion < doc.exclusions.size() &&
        pos >= doc.exclusions[next_exclusion].span.begin) {
      close();
      pos = doc.exclusions[next_exclusion++].span.end;
      continue;
    }
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    if (next_exclusion < doc.exclusions.size()) {
      eol = std::min<std::size_t>(eol, doc.exclusions[next_exclusion].span.begin);
    }
    const std::string_view line(text.data() + pos, eol - pos);
    if (blank_line(line)) {
      close();
    } else {
      const std::size_t first = pos + line.find_first_not_of(" \t\r\f");
      const std::size_t last = pos + line.find_last_not_of(" \t\r\f") + 1;
      if (para_begin == std::string::npos) para_begin = first;
      para_end = last;
    }
    pos = eol < text.size() && text[eol] == '\n' ? eol + 1 : eol;
  }
  close();
}

}  // namespace vigie
