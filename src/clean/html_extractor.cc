#include "clean/html_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_set>
#include <vector>

#include "clean/dom.h"
#include "clean/main_content.h"
#include "input/jsonl_record.h"
#include "util/utf8.h"

namespace vigie {
namespace {

using Output = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;
using dom::attr;
using dom::lower_ascii;

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

// Plain text of a subtree without never-text elements, iteratively (pages nest deeply).
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
      if (node != root && dom::is_never_text(node)) continue;
      if (dom::is_block_tag(node->v.element.tag)) append_collapsed(out, " ");
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
  const GumboNode* first_h1 = nullptr;
  std::optional<std::string> title_tag;
  std::optional<std::string> first_time_datetime;
  std::optional<std::string> meta_published;
  std::optional<std::string> meta_title;
  std::optional<std::string> description;  ///< the page's own summary of the article
  std::optional<std::string> site_name;
  std::optional<std::string> url;
  std::optional<std::string> lang;
  std::vector<std::string> json_ld;
};

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
  } else if (k == "description" || k == "og:description" || k == "twitter:description") {
    if (!facts.description) facts.description = content;
  } else if (k == "og:title") {
    facts.meta_title = content;
  } else if (k == "og:site_name") {
    facts.site_name = content;
  } else if (k == "og:url") {
    facts.url = content;
  }
}

void collect_facts(const GumboNode* root, PageFacts& facts) {
  // Metadata is read anywhere on the page; the headline only outside page furniture (a
  // related story's <h1> is not the page's).
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
  while (!stack.empty()) {
    const auto [node, in_furniture_parent] = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const bool in_furniture = in_furniture_parent || is_page_furniture(node);
    const GumboElement& el = node->v.element;
    switch (el.tag) {
      case GUMBO_TAG_HTML:
        if (const char* l = attr(el, "lang")) facts.lang = lower_ascii(std::string(l).substr(0, 2));
        break;
      case GUMBO_TAG_BODY:
        facts.body = node;
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
    for (unsigned i = el.children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), in_furniture});
    }
  }
}

// datePublished, headline, publisher, description and articleBody from schema.org JSON-LD, which
// may be an object, an array or an @graph.
void read_json_ld(const std::string& text, ExtractedArticle& out, std::string& article_body,
                  std::string& description) {
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
    if (auto d = j->find("description"); d != j->end() && d->is_string() && description.empty()) {
      description = d->get<std::string>();
    }
    if (auto b = j->find("articleBody"); b != j->end() && b->is_string()) {
      if (b->get_ref<const std::string&>().size() > article_body.size()) {
        article_body = b->get<std::string>();
      }
    }
  }
}

// The text blocks of the article's parts: each paragraph-like element that holds text directly
// becomes one block; dropped subtrees are skipped whole, and short blocks made only of links
// (menus, "related" lists that escaped the names) are left out.
class BlockCollector {
 public:
  BlockCollector(const MainContent& content, std::string_view headline)
      : content_(content), headline_(headline) {}

  struct Block {
    std::string text;
    bool lead_in = false;  ///< from between the headline and the article
  };

  std::vector<Block> collect() {
    for (const GumboNode* part : content_.parts) {
      lead_in_ = content_.lead_in.count(part) > 0;
      walk(part);
      flush();
    }
    return std::move(blocks_);
  }

 private:
  enum class Leave { None, Block, Link };
  struct Frame {
    const GumboNode* node;
    Leave leave;
  };
  static constexpr std::size_t kMaxLinkBlockWords = 12;

  void flush() {
    std::string t = trimmed(std::move(current_));
    const std::size_t links = link_bytes_;
    current_.clear();
    link_bytes_ = 0;
    if (t.empty()) return;
    const std::size_t words = std::count(t.begin(), t.end(), ' ') + 1;
    if (links * 10 >= t.size() * 9 && words <= kMaxLinkBlockWords) return;
    if (t == headline_) return;
    blocks_.push_back({std::move(t), lead_in_});
  }

  void walk(const GumboNode* root) {
    std::vector<Frame> stack{{root, Leave::None}};
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      const GumboNode* node = frame.node;
      if (frame.leave == Leave::Block) {
        flush();
        continue;
      }
      if (frame.leave == Leave::Link) {
        --in_link_;
        continue;
      }
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        const std::size_t before = current_.size();
        append_collapsed(current_, node->v.text.text);
        if (in_link_ > 0) link_bytes_ += current_.size() - before;
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& el = node->v.element;
      if (dom::is_never_text(node) || content_.dropped.count(node) || is_standalone_time(node)) {
        continue;
      }
      if (dom::is_block_tag(el.tag)) {
        flush();
        stack.push_back({node, Leave::Block});
      } else if (el.tag == GUMBO_TAG_A) {
        ++in_link_;
        stack.push_back({node, Leave::Link});
      }
      for (unsigned i = el.children.length; i-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), Leave::None});
      }
    }
  }

  const MainContent& content_;
  std::string_view headline_;
  std::vector<Block> blocks_;
  bool lead_in_ = false;
  std::string current_;
  std::size_t link_bytes_ = 0;
  int in_link_ = 0;
};

// The paragraphs of a schema.org articleBody (plain text, paragraphs at line breaks).
std::vector<std::string> declared_blocks(std::string_view body) {
  std::vector<std::string> blocks;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string line;
    append_collapsed(line, body.substr(pos, eol - pos));
    line = trimmed(std::move(line));
    if (!line.empty()) blocks.push_back(std::move(line));
    pos = eol + 1;
  }
  return blocks;
}

std::size_t total_size(const std::vector<std::string>& blocks) {
  std::size_t n = 0;
  for (const auto& b : blocks) n += b.size();
  return n;
}

// Whether a block repeats the page's declared summary (the description may be cut short).
bool repeats_summary(std::string_view block, const std::string& summary) {
  std::string s;
  append_collapsed(s, summary);
  s = trimmed(std::move(s));
  for (std::string_view ellipsis : {"...", "\u2026"}) {
    if (s.size() >= ellipsis.size() && s.ends_with(ellipsis)) s.resize(s.size() - ellipsis.size());
  }
  constexpr std::size_t kMinCompared = 20, kMaxCompared = 100;
  const std::size_t n = std::min({block.size(), s.size(), kMaxCompared});
  return n >= kMinCompared && block.substr(0, n) == std::string_view(s).substr(0, n);
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
  std::string declared_body, declared_summary;
  for (const auto& ld : facts.json_ld) read_json_ld(ld, article, declared_body, declared_summary);
  if (facts.description) declared_summary = *facts.description;
  if (facts.meta_published) article.published = facts.meta_published;  // explicit meta wins
  if (!article.published) article.published = facts.first_time_datetime;
  if (!article.source) article.source = facts.site_name;
  article.url = facts.url;
  article.lang = facts.lang;

  // The headline: the page's <h1>, else og:title, the JSON-LD headline or <title>.
  std::string title;
  if (facts.first_h1) title = inner_text(facts.first_h1);
  if (title.empty() && facts.meta_title) title = *facts.meta_title;
  if (title.empty() && article.title) title = *article.title;
  if (title.empty() && facts.title_tag) title = *facts.title_tag;
  if (!title.empty()) article.title = title;

  const GumboNode* root = facts.body ? facts.body : output->root;
  const dom::StatsTable stats(root);
  const MainContent content = find_main_content(root, stats, facts.first_h1);
  std::vector<std::string> blocks;
  for (auto& block : BlockCollector(content, title).collect()) {
    // A standfirst that is the page's declared summary is metadata, not article text.
    if (block.lead_in && repeats_summary(block.text, declared_summary)) continue;
    blocks.push_back(std::move(block.text));
  }

  // A page that declares its article body and shows much less of it (a paywall, text loaded by
  // script, a layout the scoring misread) is read from the declaration.
  std::vector<std::string> declared = declared_blocks(declared_body);
  if (total_size(declared) > 2 * total_size(blocks) + 200) blocks = std::move(declared);

  if (!title.empty()) {
    article.text = title;
    article.headline_bytes = title.size();
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
