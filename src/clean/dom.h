#pragma once
// What the HTML cleaner asks of gumbo's tree: attributes, tag classes, class/id cues, and the
// text statistics of every element (how much text, how much of it in links, how many commas and
// paragraphs), computed in one pass so that scoring a page stays linear in its size.
#include <gumbo.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vigie::dom {

const char* attr(const GumboElement& el, const char* name);
std::string lower_ascii(std::string_view s);

/// Elements whose content is never article text whatever their place: scripts, styles, forms'
/// controls, media, embedded documents, and whatever the page hides (hidden, aria-hidden,
/// display:none).
bool is_never_text(const GumboNode* node);

/// Elements that start a new block of text (paragraphs, headings, list items, containers).
bool is_block_tag(GumboTag tag);

bool is_heading(GumboTag tag);

/// Words of the class, id and data-component attributes (split at spaces, '-' and '_', lower case)
/// and the whole attribute values, for cue matching.
struct ClassCues {
  std::string text;  ///< "class id data-component", lower case
  bool has_word(std::string_view word) const;
  bool has_any_word(std::span<const std::string_view> words) const;
  bool contains(std::string_view fragment) const { return text.find(fragment) != text.npos; }
};
ClassCues class_cues(const GumboElement& el);

/// Text statistics of one element's subtree (never-text subtrees left out). Lengths count code
/// points with every run of white space as one.
struct ElementStats {
  std::uint32_t chars = 0;        ///< text length
  std::uint32_t link_chars = 0;   ///< text length inside <a>
  std::uint32_t block_chars = 0;  ///< text length inside block-level children
  std::uint32_t commas = 0;
  std::uint32_t paragraphs = 0;  ///< <p> elements
  std::uint32_t images = 0;
  std::uint32_t list_items = 0;
  std::uint32_t inputs = 0;
  std::uint32_t embeds = 0;  ///< iframes, objects, embeds, videos
  std::uint32_t heading_chars = 0;

  double link_density() const { return chars ? static_cast<double>(link_chars) / chars : 0.0; }
  /// Text held directly, outside block-level children (a <div> used as a paragraph).
  std::uint32_t direct_chars() const { return chars - block_chars; }
};

class StatsTable {
 public:
  /// One post-order walk of the whole tree under root.
  explicit StatsTable(const GumboNode* root);
  const ElementStats& at(const GumboNode* element) const;

 private:
  std::unordered_map<const GumboNode*, ElementStats> stats_;
  ElementStats none_;
};

}  // namespace vigie::dom
