#include "clean/dom.h"

#include <vector>

#include "util/utf8.h"

namespace vigie::dom {

const char* attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

bool hidden_by_style(const char* style) {
  if (!style) return false;
  std::string s = lower_ascii(style);
  std::erase(s, ' ');
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

bool is_comma(char32_t cp) {
  return cp == U',' || cp == U'\u060C' || cp == U'\u3001' || cp == U'\uFF0C';
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == U'\u00A0';
}

}  // namespace

bool is_never_text(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& el = node->v.element;
  switch (el.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
      return true;
    default:
      break;
  }
  if (attr(el, "hidden")) return true;
  if (const char* aria = attr(el, "aria-hidden"); aria && std::string_view(aria) == "true")
    return true;
  return hidden_by_style(attr(el, "style"));
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
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool ClassCues::has_word(std::string_view word) const {
  std::size_t pos = 0;
  while ((pos = text.find(word, pos)) != std::string::npos) {
    const auto separator = [](char c) {
      return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n';
    };
    const bool starts = pos == 0 || separator(text[pos - 1]);
    const std::size_t end = pos + word.size();
    const bool ends = end == text.size() || separator(text[end]);
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

bool ClassCues::has_any_word(std::span<const std::string_view> words) const {
  for (auto w : words) {
    if (has_word(w)) return true;
  }
  return false;
}

ClassCues class_cues(const GumboElement& el) {
  ClassCues cues;
  if (const char* c = attr(el, "class")) cues.text = lower_ascii(c);
  for (const char* name : {"id", "data-component"}) {
    if (const char* value = attr(el, name)) {
      if (!cues.text.empty()) cues.text += ' ';
      cues.text += lower_ascii(value);
    }
  }
  return cues;
}

namespace {

// Adds the text of one text node to its parent's figures.
void count_text(std::string_view text, ElementStats& into) {
  std::size_t pos = 0;
  bool in_word = false;
  std::uint32_t chars = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::decode(text, pos);
    if (is_space(cp)) {
      in_word = false;
      continue;
    }
    if (!in_word && chars > 0) ++chars;  // the space between two words
    in_word = true;
    ++chars;
    if (is_comma(cp)) ++into.commas;
  }
  into.chars += chars;
}

bool is_embed(GumboTag tag) {
  return tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_EMBED ||
         tag == GUMBO_TAG_VIDEO;
}

}  // namespace

StatsTable::StatsTable(const GumboNode* root) {
  struct Frame {
    const GumboNode* node;
    bool children_done;
  };
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* node = frame.node;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (!frame.children_done) {
      frame.children_done = true;
      for (unsigned i = children.length; i-- > 0;) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && !is_never_text(child))
          stack.push_back({child, false});
      }
      continue;
    }
    stack.pop_back();
    ElementStats s;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        if (s.chars > 0) ++s.chars;  // text nodes are separated by at least a space or a tag
        count_text(child->v.text.text, s);
        continue;
      }
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = child->v.element.tag;
      if (is_embed(tag)) ++s.embeds;
      if (tag == GUMBO_TAG_INPUT) ++s.inputs;
      if (is_never_text(child)) continue;
      const ElementStats& c = stats_[child];
      if (s.chars > 0 && c.chars > 0) ++s.chars;
      s.chars += c.chars;
      s.link_chars += tag == GUMBO_TAG_A ? c.chars : c.link_chars;
      if (is_block_tag(tag)) s.block_chars += c.chars;
      s.commas += c.commas;
      s.paragraphs += c.paragraphs + (tag == GUMBO_TAG_P);
      s.images += c.images + (tag == GUMBO_TAG_IMG);
      s.list_items += c.list_items + (tag == GUMBO_TAG_LI);
      s.inputs += c.inputs;
      s.embeds += c.embeds;
      s.heading_chars += is_heading(tag) ? c.chars : c.heading_chars;
    }
    s.link_chars = std::min(s.link_chars, s.chars);
    s.block_chars = std::min(s.block_chars, s.chars);
    stats_[node] = s;
  }
}

const ElementStats& StatsTable::at(const GumboNode* element) const {
  const auto it = stats_.find(element);
  return it == stats_.end() ? none_ : it->second;
}

}  // namespace vigie::dom
