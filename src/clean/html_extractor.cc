#include "clean/html_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_set>
#include <vector>

#include "input/jsonl_record.h"
#include "util/utf8.h"

namespace vigie {
namespace {

using Output = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

// Class and id words that mark page furniture. Matched against the words of the attribute
// (split at spaces, '-' and '_'), so "share-bar" and "article__related" both match.
const std::unordered_set<std::string_view> kFurnitureWords = {
    "nav",          "navbar",  "navigation",   "menu",          "share",      "sharing",
    "social",       "related", "recommended",  "recirculation", "newsletter", "subscribe",
    "subscription", "promo",   "advert",       "advertisement", "ads",        "ad",
    "sponsored",    "sponsor", "comments",     "comment",       "breadcrumb", "breadcrumbs",
    "caption",      "credit",  "credits",      "byline",        "author",     "authors",
    "tags",         "sidebar", "cookie",       "cookies",       "popup",      "modal",
    "outbrain",     "taboola", "paywall",      "readmore",      "footer",     "masthead",
    "signup",       "widget",  "toolbar",      "timestamp",     "dateline",   "copyright",
    "legende",      "partage", "abonnement",   "pub",           "teaser",     "teasers",
    "trending",     "kicker",  "banner",       "skip",          "tag",        "date",
    "dates",        "pubdate", "interstitial", "inread",        "overline",   "surtitre",
    "eyebrow"};

// Attribute substrings for prompts that span several words.
constexpr std::string_view kFurniturePhrases[] = {"read-more",  "lire-aussi", "see-also",
                                                  "voir-aussi", "meme-sujet", "more-on",
                                                  "most-read",  "plus-lus",   "read-next"};

bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

const char* attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool attribute_marks_furniture(const char* value) {
  if (!value) return false;
  const std::string v = lower_ascii(value);
  for (auto phrase : kFurniturePhrases) {
    if (v.find(phrase) != std::string::npos) return true;
  }
  std::size_t start = 0;
  while (start < v.size()) {
    std::size_t end = v.find_first_of(" \t\n-_", start);
    if (end == std::string::npos) end = v.size();
    if (end > start && kFurnitureWords.count(std::string_view(v).substr(start, end - start))) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// A <time> standing alone in a header or container is a dateline; inside a sentence it is text.
bool is_standalone_time(const GumboNode* node) {
  if (node->v.element.tag != GUMBO_TAG_TIME || !node->parent ||
      node->parent->type != GUMBO_NODE_ELEMENT) {
    return false;
  }
  switch (node->parent->v.element.tag) {
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool is_furniture(const GumboElement& el) {
  if (is_skipped_tag(el.tag)) return true;
  if (const char* hidden = attr(el, "hidden"); hidden) return true;
  if (const char* aria = attr(el, "aria-hidden"); aria && std::string_view(aria) == "true")
    return true;
  if (const char* role = attr(el, "role")) {
    const std::string r = lower_ascii(role);
    if (r == "navigation" || r == "complementary" || r == "banner" || r == "contentinfo")
      return true;
  }
  return attribute_marks_furniture(attr(el, "class")) ||
         attribute_marks_furniture(attr(el, "id")) ||
         attribute_marks_furniture(attr(el, "data-component"));
}

// Appends text with runs of whitespace collapsed to one space.
void append_collapsed(std::string& out, std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
}

std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \n");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \n");
  return s.substr(first, last - first + 1);
}

// Plain text of a subtree without furniture, iteratively (pages nest deeply).
std::string inner_text(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      append_collapsed(out, node->v.text.text);
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      if (node != root && (is_furniture(node->v.element) || is_standalone_time(node))) continue;
      if (node->v.element.tag == GUMBO_TAG_BR) append_collapsed(out, " ");
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
  }
  return trimmed(std::move(out));
}

struct PageFacts {
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> articles;  // <article>, articleBody, known body classes
  const GumboNode* main = nullptr;
  const GumboNode* first_h1 = nullptr;
  std::optional<std::string> title_tag;
  std::optional<std::string> first_time_datetime;
  std::optional<std::string> meta_published;
  std::optional<std::string> meta_title;
  std::optional<std::string> site_name;
  std::optional<std::string> url;
  std::optional<std::string> lang;
  std::vector<std::string> json_ld;
};

bool looks_like_article_body(const GumboElement& el) {
  if (const char* ip = attr(el, "itemprop"); ip && std::string_view(ip) == "articleBody")
    return true;
  const char* cls = attr(el, "class");
  if (!cls) return false;
  const std::string c = lower_ascii(cls);
  for (std::string_view marker :
       {"article-body", "article__body", "articlebody", "story-body", "entry-content",
        "article-content", "article__content", "post-content", "story-content", "article-text"}) {
    if (c.find(marker) != std::string::npos) return true;
  }
  return false;
}

void read_meta(const GumboElement& el, PageFacts& facts) {
  const char* key = attr(el, "property");
  if (!key) key = attr(el, "name");
  if (!key) key = attr(el, "itemprop");
  const char* content = attr(el, "content");
  if (!key || !content) return;
  const std::string k = lower_ascii(key);
  if (k == "article:published_time" || k == "datepublished" || k == "pubdate" ||
      k == "publishdate" || k == "date" || k == "dc.date.issued" || k == "dc.date" ||
      k == "parsely-pub-date" || k == "sailthru.date" || k == "og:published_time") {
    // article:published_time outranks the generic names wherever it appears.
    if (!facts.meta_published || k == "article:published_time") {
      if (auto d = iso_date_prefix(content)) facts.meta_published = *d;
    }
  } else if (k == "og:title") {
    facts.meta_title = content;
  } else if (k == "og:site_name") {
    facts.site_name = content;
  } else if (k == "og:url") {
    facts.url = content;
  }
}

void collect_facts(const GumboNode* root, PageFacts& facts) {
  // Metadata is read anywhere on the page; article containers only outside page furniture
  // (a related-stories <article> is not the story).
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
  while (!stack.empty()) {
    const auto [node, in_furniture_parent] = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const bool in_furniture = in_furniture_parent || is_furniture(node->v.element);
    const GumboElement& el = node->v.element;
    switch (el.tag) {
      case GUMBO_TAG_HTML:
        if (const char* l = attr(el, "lang")) facts.lang = lower_ascii(std::string(l).substr(0, 2));
        break;
      case GUMBO_TAG_BODY:
        facts.body = node;
        break;
      case GUMBO_TAG_MAIN:
        if (!facts.main && !in_furniture) facts.main = node;
        break;
      case GUMBO_TAG_H1:
        if (!facts.first_h1 && !in_furniture) facts.first_h1 = node;
        break;
      case GUMBO_TAG_TITLE:
        if (!facts.title_tag) facts.title_tag = inner_text(node);
        break;
      case GUMBO_TAG_META:
        read_meta(el, facts);
        break;
      case GUMBO_TAG_LINK: {
        const char* rel = attr(el, "rel");
        if (rel && lower_ascii(rel) == "canonical" && attr(el, "href"))
          facts.url = attr(el, "href");
        break;
      }
      case GUMBO_TAG_TIME:
        if (!facts.first_time_datetime) {
          if (const char* dt = attr(el, "datetime"))
            facts.first_time_datetime = iso_date_prefix(dt);
        }
        break;
      case GUMBO_TAG_SCRIPT: {
        const char* type = attr(el, "type");
        if (type && lower_ascii(type) == "application/ld+json" && el.children.length > 0) {
          const auto* text = static_cast<const GumboNode*>(el.children.data[0]);
          if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA) {
            facts.json_ld.emplace_back(text->v.text.text);
          }
        }
        continue;
      }
      default:
        break;
    }
    if (!in_furniture && (el.tag == GUMBO_TAG_ARTICLE || looks_like_article_body(el))) {
      facts.articles.push_back(node);
    }
    for (unsigned i = el.children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), in_furniture});
    }
  }
}

// datePublished, headline and publisher from schema.org JSON-LD, which may be an object, an
// array or an @graph.
void read_json_ld(const std::string& text, ExtractedArticle& out) {
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return;
  std::vector<const nlohmann::json*> stack{&doc};
  while (!stack.empty()) {
    const auto* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (const auto& e : *j) stack.push_back(&e);
      continue;
    }
    if (!j->is_object()) continue;
    if (auto g = j->find("@graph"); g != j->end()) stack.push_back(&*g);
    if (auto d = j->find("datePublished"); d != j->end() && d->is_string() && !out.published) {
      out.published = iso_date_prefix(d->get<std::string>());
    }
    if (auto h = j->find("headline"); h != j->end() && h->is_string() && !out.title) {
      out.title = h->get<std::string>();
    }
    if (auto p = j->find("publisher"); p != j->end() && p->is_object() && !out.source) {
      if (auto n = p->find("name"); n != p->end() && n->is_string())
        out.source = n->get<std::string>();
    }
  }
}

// The text blocks under `root`: each paragraph-like element that holds text directly becomes one
// block; furniture subtrees are skipped whole, and short blocks made only of links (menus,
// "related" lists that escaped the class names) are dropped.
void collect_blocks(const GumboNode* root, std::vector<std::string>& blocks) {
  enum class Leave { None, Block, Link };
  struct Frame {
    const GumboNode* node;
    Leave leave;
  };
  constexpr std::size_t kMaxLinkBlockWords = 12;
  std::vector<Frame> stack{{root, Leave::None}};
  std::string current;
  std::size_t link_bytes = 0;
  int in_link = 0;
  auto flush = [&] {
    std::string t = trimmed(std::move(current));
    const std::size_t links = link_bytes;
    current.clear();
    link_bytes = 0;
    if (t.empty()) return;
    const std::size_t words = std::count(t.begin(), t.end(), ' ') + 1;
    if (links * 10 >= t.size() * 9 && words <= kMaxLinkBlockWords) return;
    blocks.push_back(std::move(t));
  };
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (frame.leave == Leave::Block) {
      flush();
      continue;
    }
    if (frame.leave == Leave::Link) {
      --in_link;
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      const std::size_t before = current.size();
      append_collapsed(current, node->v.text.text);
      if (in_link > 0) link_bytes += current.size() - before;
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = node->v.element;
    if (node != root && (is_furniture(el) || is_standalone_time(node))) continue;
    if (is_block_tag(el.tag)) {
      flush();
      stack.push_back({node, Leave::Block});
    } else if (el.tag == GUMBO_TAG_A) {
      ++in_link;
      stack.push_back({node, Leave::Link});
    }
    for (unsigned i = el.children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), Leave::None});
    }
  }
  flush();
}

std::size_t text_length(const GumboNode* node) {
  return inner_text(node).size();
}

}  // namespace

ExtractedArticle HtmlExtractor::extract(std::string_view html) const {
  GumboOptions options = kGumboDefaultOptions;
  // gumbo keeps every parse error it meets, and deeply broken markup has millions (10,000 nested
  // tables: gigabytes); the errors are never read here.
  options.max_errors = 0;
  Output output(gumbo_parse_with_options(&options, html.data(), html.size()),
                [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  PageFacts facts;
  collect_facts(output->root, facts);

  ExtractedArticle article;
  for (const auto& ld : facts.json_ld) read_json_ld(ld, article);
  if (facts.meta_published) article.published = facts.meta_published;  // explicit meta wins
  if (!article.published) article.published = facts.first_time_datetime;
  if (!article.source) article.source = facts.site_name;
  article.url = facts.url;
  article.lang = facts.lang;

  // The container with the most text among the article candidates, else <main>, else <body>.
  const GumboNode* container = nullptr;
  std::size_t best = 0;
  for (const auto* candidate : facts.articles) {
    const std::size_t len = text_length(candidate);
    if (len > best) {
      best = len;
      container = candidate;
    }
  }
  if (!container) container = facts.main ? facts.main : facts.body;
  if (!container) container = output->root;
  // Widen to the headline's section when the body container sits beside it (header with title
  // and standfirst, then the body), but never to the whole page.
  if (facts.first_h1 && container->type == GUMBO_NODE_ELEMENT) {
    std::unordered_set<const GumboNode*> h1_ancestors;
    for (const GumboNode* n = facts.first_h1; n; n = n->parent) h1_ancestors.insert(n);
    const GumboNode* common = container;
    while (common && !h1_ancestors.count(common)) common = common->parent;
    if (common && common->type == GUMBO_NODE_ELEMENT && common->v.element.tag != GUMBO_TAG_BODY &&
        common->v.element.tag != GUMBO_TAG_HTML && common != output->root) {
      container = common;
    }
  }

  std::vector<std::string> blocks;
  collect_blocks(container, blocks);

  // The headline: the page's <h1> when the container lacks one, else og:title or <title>.
  std::string title;
  if (facts.first_h1) title = inner_text(facts.first_h1);
  if (title.empty() && facts.meta_title) title = *facts.meta_title;
  if (title.empty() && article.title) title = *article.title;
  if (title.empty() && facts.title_tag) title = *facts.title_tag;
  if (!title.empty()) {
    article.title = title;
    if (std::find(blocks.begin(), blocks.end(), title) == blocks.end()) {
      blocks.insert(blocks.begin(), title);
    }
  }

  for (const auto& block : blocks) {
    const auto verdict = boilerplate_.classify(block);
    if (verdict == BoilerplateFilter::Verdict::CutRest) break;
    if (verdict == BoilerplateFilter::Verdict::Drop) continue;
    if (!article.text.empty()) article.text += "\n\n";
    article.text += block;
  }
  return article;
}

}  // namespace vigie
