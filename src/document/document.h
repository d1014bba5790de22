#pragma once
// The Document is the one object that flows through vigie's pipeline. It owns the text; every
// annotation is a span of byte offsets into that text, and later stages add layers without
// rewriting earlier ones. Offsets become Unicode code points only at output (see OffsetMap).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/mentions.h"
#include "document/span.h"
#include "document/token.h"

namespace vigie {

/// Where a document came from, for error messages and output.
struct Origin {
  std::string path;      ///< file path, or "-" for standard input
  std::size_t line = 0;  ///< 1-based JSONL line; 0 for whole files
  std::size_t part =
      0;  ///< 1-based part of a large plain-text file split at paragraphs; 0 if whole
  std::uint64_t base_code_point = 0;  ///< offset of this part in the whole file, in code points
};

struct Metadata {
  std::string id;
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> source;         ///< publisher, e.g. "AFP"
  std::optional<std::string> published;      ///< ISO date YYYY-MM-DD
  std::optional<std::string> declared_lang;  ///< language given by the input, if any
  std::string content_hash;                  ///< of the input bytes (util/content_hash)
};

enum class InputFormat : std::uint8_t { Text, Html, Jsonl };

struct Sentence {
  Span span;
  std::uint32_t first_token = 0;
  std::uint32_t token_count = 0;
};

/// Tense and voice of a verb group ("ont exécuté": past, active; "a été tué": past, passive).
enum class Tense : std::uint8_t {
  Unknown,
  Present,
  Past,
  Imperfect,
  Pluperfect,
  Future,
  Conditional
};
enum class Voice : std::uint8_t { Active, Passive };
std::string_view tense_name(Tense tense);

/// A finite verb with its auxiliaries: token indices [first, last], main verb at `head`.
struct VerbGroup {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t head = 0;
  Tense tense = Tense::Unknown;
  Voice voice = Voice::Active;
  bool negated = false;
};

/// A span the cleaner found to be boilerplate (photo caption, "read more" tail) in plain text.
struct Exclusion {
  Span span;
  std::string reason;
};

struct LanguageGuess {
  std::string code;       ///< ISO 639-1, or "und" when unknown
  double confidence = 0;  ///< 0..1
  std::string
      method;  ///< "declared", "option", "cld2", "cld2+html-lang", "html-lang", "function-words"
};

class Document {
 public:
  Document() = default;
  Document(std::string text, InputFormat format, Origin origin);

  const std::string& text() const { return text_; }
  std::string_view slice(Span s) const { return std::string_view(text_).substr(s.begin, s.size()); }
  std::string_view token_text(const Token& t) const { return slice(t.span); }
  InputFormat format() const { return format_; }
  const Origin& origin() const { return origin_; }

  /// Code point offset of a byte offset, counted from the start of the whole input file.
  std::uint64_t code_point_at(std::uint32_t byte_offset) const;

  /// The text with excluded spans removed: what `--emit-text` prints.
  std::string clean_text() const;

  /// True when the byte range lies inside an excluded span.
  bool is_excluded(Span s) const;

  /// The verb group a token belongs to, if any (verb groups are in token order).
  const VerbGroup* verb_group_of(std::uint32_t token) const;

  /// The sentence a token belongs to, if any (sentences are in token order).
  const Sentence* sentence_of(std::uint32_t token) const;

  /// The index of the first token that starts at or after a byte offset (tokens.size() if none).
  std::uint32_t first_token_from(std::uint32_t offset) const;

  /// The country the document is about: the one its places name most, the first named on a tie;
  /// "" without places.
  std::string main_country() const;

  Metadata meta;
  LanguageGuess language;
  std::vector<Exclusion> exclusions;  ///< sorted, non-overlapping
  std::optional<Span> headline;       ///< HTML pages: the headline the cleaner put first
  std::vector<Span> paragraphs;       ///< text blocks between blank lines, minus exclusions
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<VerbGroup> verb_groups;
  std::vector<DateMention> dates;      ///< sorted by position
  std::vector<NumberMention> numbers;  ///< sorted by position, never inside a date
  std::vector<CountMention> counts;    ///< quantities with what they count, by position
  std::vector<PlaceMention> places;    ///< places and countries, by position
  std::vector<ActorMention> actors;    ///< actors named, described or referred back to, by position
  std::vector<TriggerMention> triggers;          ///< words that report events, by position
  std::vector<AttributionMention> attributions;  ///< who says what, by position of the cue

 private:
  void build_offset_index();

  std::string text_;
  InputFormat format_ = InputFormat::Text;
  Origin origin_;
  // Code point count at every kIndexStride-th byte, so conversion costs one short scan.
  static constexpr std::uint32_t kIndexStride = 256;
  std::vector<std::uint64_t> cp_index_;
};

}  // namespace vigie
