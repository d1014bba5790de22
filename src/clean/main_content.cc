#include "clean/main_content.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace vigie {
namespace {

using dom::attr;
using dom::ClassCues;
using dom::ElementStats;
using dom::StatsTable;

// Class and id words of elements that are page furniture, never the article.
constexpr std::string_view kUnlikelyWords[] = {
    "nav",          "navbar",    "navigation",  "menu",    "breadcrumb",  "breadcrumbs",
    "share",        "sharing",   "social",      "related", "recommended", "recirculation",
    "newsletter",   "subscribe", "signup",      "promo",   "advert",      "advertisement",
    "ads",          "ad",        "sponsored",   "sponsor", "comments",    "comment",
    "disqus",       "community", "sidebar",     "cookie",  "cookies",     "gdpr",
    "popup",        "modal",     "outbrain",    "taboola", "paywall",     "footer",
    "masthead",     "toolbar",   "banner",      "skip",    "pagination",  "pager",
    "trending",     "teaser",    "teasers",     "rss",     "replies",     "agegate",
    "interstitial", "partage",   "abonnement",  "pub",     "most",        "popular",
    "header",       "topbar",    "supplemental"};
// Words that say an element holds content even when it also carries an unlikely word
// ("post-navigation-wrapper" is doubtful, "article-body share" is the article).
constexpr std::string_view kContentWords[] = {"article", "body",  "content", "main", "column",
                                              "story",   "entry", "post",    "text", "shadow"};
// Attribute fragments for prompts that span several words.
constexpr std::string_view kUnlikelyPhrases[] = {
    "read-more", "lire-aussi", "see-also",  "voir-aussi", "meme-sujet", "more-on",
    "most-read", "plus-lus",   "read-next", "readmore",   "seealso"};

// Class and id fragments that raise or lower a container's score.
constexpr std::string_view kPositiveFragments[] = {
    "article", "body", "content", "entry", "hentry", "main",  "page",
    "post",    "text", "blog",    "story", "corps",  "texte", "contenu"};
constexpr std::string_view kNegativeFragments[] = {
    "hidden",  "banner",     "combx",      "comment",   "contact",   "foot",   "gdpr",   "masthead",
    "media",   "meta",       "outbrain",   "promo",     "related",   "scroll", "share",  "shoutbox",
    "sidebar", "skyscraper", "sponsor",    "shopping",  "tags",      "tool",   "widget", "caption",
    "credit",  "byline",     "newsletter", "recommend", "subscribe", "social", "partage"};

// Class and id words of small furniture inside an article: captions, credits, bylines,
// datelines, tag lists, kickers. Dropped only when they hold little of the article's text.
constexpr std::string_view kSmallFurnitureWords[] = {
    "caption",   "credit",     "credits",   "byline",  "author",    "authors", "dateline",
    "timestamp", "date",       "dates",     "pubdate", "tags",      "tag",     "kicker",
    "overline",  "eyebrow",    "surtitre",  "legende", "copyright", "share",   "social",
    "related",   "newsletter", "subscribe", "promo",   "inread",    "ad",      "ads",
    "advert",    "readmore",   "meta",      "print",   "email",     "toolbar", "tools",
    "paywall",   "image",      "img",       "photo",   "picture",   "gallery", "slideshow"};

constexpr int kMaxAncestorLevels = 5;
constexpr std::uint32_t kMinParagraphChars = 25;

bool role_is_furniture(const GumboElement& el) {
  const char* role = attr(el, "role");
  if (!role) return false;
  const std::string r = dom::lower_ascii(role);
  return r == "navigation" || r == "menu" || r == "menubar" || r == "complementary" ||
         r == "dialog" || r == "alertdialog" || r == "banner" || r == "contentinfo";
}

bool is_structural_furniture(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return false;
  }
}

int class_weight(const GumboElement& el) {
  int weight = 0;
  for (const char* name : {"class", "id"}) {
    const char* value = attr(el, name);
    if (!value) continue;
    const std::string v = dom::lower_ascii(value);
    for (auto f : kNegativeFragments) {
      if (v.find(f) != std::string::npos) {
        weight -= 25;
        break;
      }
    }
    for (auto f : kPositiveFragments) {
      if (v.find(f) != std::string::npos) {
        weight += 25;
        break;
      }
    }
  }
  return weight;
}

double tag_base_score(GumboTag tag) {
  if (dom::is_heading(tag) || tag == GUMBO_TAG_TH) return -5;
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_SECTION:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    default:
      return 0;
  }
}

const GumboVector& children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

bool is_element(const GumboNode* node) {
  return node && node->type == GUMBO_NODE_ELEMENT;
}

// The text length a paragraph-like element contributes, or 0 when it is not one: <p>, <pre>,
// <td>, and containers whose own text (outside block children) reads as a paragraph.
std::uint32_t paragraph_chars(const GumboNode* node, const ElementStats& s) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
      return s.chars;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_FONT:
      return s.direct_chars();
    default:
      return 0;
  }
}

class Scorer {
 public:
  Scorer(const GumboNode* root, const StatsTable& stats, const GumboNode* headline)
      : root_(root), stats_(stats), headline_(headline) {}

  MainContent run() {
    score_paragraphs();
    const GumboNode* top = best_candidate();
    MainContent content;
    if (!top) {
      if (stats_.at(root_).chars > 0) content.parts.push_back(root_);
    } else {
      for (const GumboNode* n = top; is_element(n); n = n->parent) best_line_.insert(n);
      top = widen(top);
      std::vector<const GumboNode*> parts = with_siblings(top);
      for (const GumboNode* part : from_headline(top)) {
        if (std::find(parts.begin(), parts.end(), part) != parts.end()) continue;
        parts.push_back(part);
        content.lead_in.insert(part);
      }
      std::stable_sort(parts.begin(), parts.end(), [](const GumboNode* a, const GumboNode* b) {
        return a->v.element.start_pos.offset < b->v.element.start_pos.offset;
      });
      // Beside the article, bylines, share bars and their like are left out whole.
      const std::uint32_t top_chars = stats_.at(top).chars;
      for (const GumboNode* part : parts) {
        if (part == top || !is_furniture_inside(part, top_chars)) content.parts.push_back(part);
      }
    }
    for (const GumboNode* part : content.parts) drop_furniture(part, content.dropped);
    return content;
  }

 private:
  double& score_of(const GumboNode* node) {
    auto [it, inserted] = scores_.try_emplace(node, 0.0);
    if (inserted) {
      it->second = tag_base_score(node->v.element.tag) + class_weight(node->v.element);
    }
    return it->second;
  }

  // Walks the tree outside never-text and unlikely subtrees; every paragraph scores upwards.
  void score_paragraphs() {
    std::vector<const GumboNode*> stack{root_};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (node != root_ && is_element(node)) {
        if (is_page_furniture(node)) {
          unlikely_.insert(node);
          continue;
        }
        const ElementStats& s = stats_.at(node);
        const std::uint32_t chars = paragraph_chars(node, s);
        if (chars >= kMinParagraphChars) add_paragraph(node, chars, s);
      }
      const GumboVector& children = children_of(node);
      for (unsigned i = children.length; i-- > 0;) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (is_element(child)) stack.push_back(child);
      }
    }
  }

  void add_paragraph(const GumboNode* node, std::uint32_t chars, const ElementStats& s) {
    // A container scored for its own text counts its commas only roughly: all of them.
    const double score = 1.0 + s.commas + std::min(std::floor(chars / 100.0), 3.0);
    const GumboNode* ancestor = node->parent;
    for (int level = 0; level < kMaxAncestorLevels && is_element(ancestor);
         ++level, ancestor = ancestor->parent) {
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score_of(ancestor) += score / divider;
    }
    // A text container is a candidate itself (a <div> of <br>-separated lines).
    if (node->v.element.tag != GUMBO_TAG_P && node->v.element.tag != GUMBO_TAG_PRE) {
      score_of(node) += score;
    }
  }

  double final_score(const GumboNode* node) const {
    const auto it = scores_.find(node);
    if (it == scores_.end()) return 0.0;
    return it->second * (1.0 - stats_.at(node).link_density());
  }

  const GumboNode* best_candidate() {
    std::vector<std::pair<double, const GumboNode*>> ranked;
    for (const auto& [node, raw] : scores_) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_HTML) continue;
      ranked.push_back({final_score(node), node});
    }
    if (ranked.empty()) return nullptr;
    // Ties go to the element earlier in the page, so the choice never depends on hashing.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first > b.first;
      return a.second->v.element.start_pos.offset < b.second->v.element.start_pos.offset;
    });
    const GumboNode* top = ranked.front().second;
    // When several strong candidates share an ancestor (an article cut in blocks by ads), the
    // ancestor is the article.
    std::vector<const GumboNode*> close;
    for (std::size_t i = 1; i < ranked.size() && i < 5; ++i) {
      if (ranked[i].first >= 0.75 * ranked.front().first) close.push_back(ranked[i].second);
    }
    if (close.size() >= 3) {
      for (const GumboNode* up = top->parent; is_element(up); up = up->parent) {
        int within = 0;
        for (const GumboNode* c : close) {
          for (const GumboNode* a = c; a; a = a->parent) {
            if (a == up) {
              ++within;
              break;
            }
          }
        }
        if (within >= 3) {
          top = up;
          break;
        }
      }
    }
    return top;
  }

  // Moves up while a parent scores better than the candidate (it holds more of the article) or
  // holds nothing else.
  const GumboNode* widen(const GumboNode* top) {
    double last = final_score(top);
    const double threshold = last / 3.0;
    for (const GumboNode* parent = top->parent; is_element(parent) && parent != root_;
         parent = parent->parent) {
      if (!scores_.count(parent)) continue;
      const double score = final_score(parent);
      if (score < threshold) break;
      if (score > last) {
        top = parent;
        break;
      }
      last = score;
    }
    while (is_element(top->parent) && top->parent != root_ &&
           stats_.at(top->parent).chars == stats_.at(top).chars) {
      top = top->parent;
    }
    return top;
  }

  // The candidate and those of its siblings that belong to the article.
  std::vector<const GumboNode*> with_siblings(const GumboNode* top) {
    const GumboNode* parent = top->parent;
    if (!is_element(parent)) return {top};
    const double top_score = final_score(top);
    const double threshold = std::max(10.0, top_score * 0.2);
    const char* top_class = attr(top->v.element, "class");
    std::vector<const GumboNode*> parts;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = 0; i < siblings.length; ++i) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
      if (!is_element(sibling)) continue;
      if (sibling == top) {
        parts.push_back(sibling);
        continue;
      }
      if (unlikely_.count(sibling) || dom::is_never_text(sibling)) continue;
      double bonus = 0;
      const char* cls = attr(sibling->v.element, "class");
      if (top_class && cls && *top_class && std::string_view(top_class) == cls) {
        bonus = top_score * 0.2;
      }
      if (scores_.count(sibling) && final_score(sibling) + bonus >= threshold) {
        parts.push_back(sibling);
        continue;
      }
      if (sibling->v.element.tag == GUMBO_TAG_P && reads_as_prose(sibling)) {
        parts.push_back(sibling);
      }
    }
    return parts;
  }

  bool reads_as_prose(const GumboNode* p) const {
    const ElementStats& s = stats_.at(p);
    const double density = s.link_density();
    if (s.chars > 80) return density < 0.25;
    if (s.chars == 0 || density > 0) return false;
    // A short paragraph joins only when it holds a sentence end.
    return ends_a_sentence(p);
  }

  static bool ends_a_sentence(const GumboNode* node) {
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT) {
        const std::string_view t = n->v.text.text;
        if (t.find(". ") != t.npos || (!t.empty() && t.back() == '.')) return true;
      } else if (n->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& c = n->v.element.children;
        for (unsigned i = 0; i < c.length; ++i) stack.push_back(static_cast<GumboNode*>(c.data[i]));
      }
    }
    return false;
  }

  // Marks, inside one part of the article, the subtrees that are furniture.
  void drop_furniture(const GumboNode* part, std::unordered_set<const GumboNode*>& dropped) {
    const std::uint32_t part_chars = stats_.at(part).chars;
    std::vector<const GumboNode*> stack;
    const GumboVector& top_children = children_of(part);
    for (unsigned i = top_children.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(top_children.data[i]));
    }
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (!is_element(node) || dom::is_never_text(node)) continue;
      if (is_furniture_inside(node, part_chars)) {
        dropped.insert(node);
        continue;
      }
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
  }

  bool is_furniture_inside(const GumboNode* node, std::uint32_t part_chars) const {
    const GumboElement& el = node->v.element;
    const ElementStats& s = stats_.at(node);
    // What holds most of the article, or the best-scoring container, is never dropped for its
    // name or figures.
    const bool holds_the_article = s.chars * 2 > part_chars || best_line_.count(node);
    if (unlikely_.count(node)) return !holds_the_article || is_structural_furniture(el.tag);
    if (holds_the_article) return false;
    // Captions, bylines and tag lists are short: a block of several paragraphs is text whatever
    // its name ("entry-content-read-more").
    if (s.paragraphs < 3 && class_cues_small_furniture(el)) return true;
    switch (el.tag) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_FORM:
        return fails_content_figures(node, s);
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
        return class_weight(el) < 0 || s.link_density() > 0.33;
      default:
        return false;
    }
  }

  static bool class_cues_small_furniture(const GumboElement& el) {
    const ClassCues cues = dom::class_cues(el);
    if (cues.text.empty()) return false;
    for (auto phrase : kUnlikelyPhrases) {
      if (cues.contains(phrase)) return true;
    }
    return cues.has_any_word(kSmallFurnitureWords);
  }

  // Blocks that by their figures are not prose: link lists, forms, galleries, embeds.
  bool fails_content_figures(const GumboNode* node, const ElementStats& s) const {
    const GumboElement& el = node->v.element;
    const int weight = class_weight(el);
    if (weight < 0) return true;
    if (s.commas >= 10) return false;
    bool is_list = el.tag == GUMBO_TAG_UL || el.tag == GUMBO_TAG_OL;
    const double density = s.link_density();
    const std::uint32_t p = s.paragraphs;
    if (s.images > 1 && p * 2 < s.images) return true;
    if (s.inputs > p / 3) return true;
    if (!is_list && s.heading_chars * 10 < s.chars * 9 && s.chars < kMinParagraphChars &&
        (s.images == 0 || s.images > 2)) {
      return true;
    }
    if (!is_list && weight < 25 && density > 0.2) return true;
    if (weight >= 25 && density > 0.5) return true;
    if ((s.embeds == 1 && s.chars < 75) || s.embeds > 1) return true;
    return false;
  }

  // The blocks between the headline and the article when both sit in one container below the
  // page's body (header, standfirst, lead), in page order; none otherwise.
  std::vector<const GumboNode*> from_headline(const GumboNode* top) const {
    if (!headline_) return {};
    std::unordered_set<const GumboNode*> headline_line;
    for (const GumboNode* n = headline_; is_element(n); n = n->parent) headline_line.insert(n);
    const GumboNode* below = top;  // the common container's child that holds the article
    const GumboNode* common = top->parent;
    while (is_element(common) && !headline_line.count(common)) {
      below = common;
      common = common->parent;
    }
    if (!is_element(common) || common == root_ || common->v.element.tag == GUMBO_TAG_BODY ||
        common->v.element.tag == GUMBO_TAG_HTML || headline_line.count(top)) {
      return {};
    }
    std::vector<const GumboNode*> parts;
    bool after_headline = false;
    const GumboVector& children = common->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child == below) break;
      if (headline_line.count(child)) after_headline = true;
      if (!after_headline || !is_element(child) || dom::is_never_text(child) ||
          unlikely_.count(child) || is_structural_furniture(child->v.element.tag)) {
        continue;
      }
      parts.push_back(child);
    }
    return parts;
  }

  const GumboNode* root_;
  const StatsTable& stats_;
  const GumboNode* headline_;
  std::unordered_map<const GumboNode*, double> scores_;
  std::unordered_set<const GumboNode*> unlikely_;
  std::unordered_set<const GumboNode*> best_line_;  // the best container and its ancestors
};

}  // namespace

bool is_unlikely_content(const GumboNode* node) {
  if (!is_element(node)) return false;
  const GumboElement& el = node->v.element;
  switch (el.tag) {
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_A:
      return false;
    default:
      break;
  }
  if (role_is_furniture(el)) return true;
  const ClassCues cues = dom::class_cues(el);
  if (cues.text.empty()) return false;
  if (cues.has_any_word(kContentWords)) return false;
  for (auto phrase : kUnlikelyPhrases) {
    if (cues.contains(phrase)) return true;
  }
  return cues.has_any_word(kUnlikelyWords);
}

bool is_page_furniture(const GumboNode* node) {
  return dom::is_never_text(node) || is_unlikely_content(node) ||
         (is_element(node) && is_structural_furniture(node->v.element.tag));
}

MainContent find_main_content(const GumboNode* root, const dom::StatsTable& stats,
                              const GumboNode* headline) {
  return Scorer(root, stats, headline).run();
}

}  // namespace vigie
