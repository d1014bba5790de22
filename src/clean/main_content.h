#pragma once
// Where the article is in a page. Every paragraph-like element scores its parent and, less, its
// further ancestors by its length and commas; a container's score is then discounted by the share
// of its text in links; the best container, and those of its siblings that score nearly as well
// or read as prose, are the article (the approach of Arc90's Readability, written anew here).
// Inside them, page furniture is dropped: blocks named like navigation, sharing, related stories
// or captions, and blocks that by their figures are link lists, forms or image galleries.
#include <gumbo.h>

#include <unordered_set>
#include <vector>

#include "clean/dom.h"

namespace vigie {

struct MainContent {
  std::vector<const GumboNode*> parts;           ///< the article's elements, in page order
  std::unordered_set<const GumboNode*> lead_in;  ///< parts between the headline and the article
  std::unordered_set<const GumboNode*> dropped;  ///< furniture inside them, skipped whole
};

/// The article of the page under `root` (its <body>, or the document); parts is empty when the
/// page holds no text at all. With the page's headline, what lies between it and the article
/// inside their common container (a standfirst, a lead) is part of the article too.
MainContent find_main_content(const GumboNode* root, const dom::StatsTable& stats,
                              const GumboNode* headline = nullptr);

/// Whether class and id name the element as furniture that never holds an article
/// (navigation, sharing, comments, sidebars, advertising...) — and not as content as well.
bool is_unlikely_content(const GumboNode* node);

/// Never article text, by what the element is (scripts, hidden blocks, <nav>, <aside>,
/// <footer>, <figure>…) or by its names (is_unlikely_content).
bool is_page_furniture(const GumboNode* node);

}  // namespace vigie
