// Follows WordNet 3.0's morph.c, binsrch.c and getindex() (search.c) step for step, on mapped
// files instead of FILE handles; the comments name the library function each part stands for.
#include "morph/wordnet_morphy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "util/mapped_file.h"
#include "util/tsv.h"

namespace vigie {
namespace {

constexpr std::size_t kLineLength = 1024 * 25;  // binsrch.c: the longest line fgets reads
constexpr std::size_t kLongestForm = 200;       // the library's word buffers hold 255 bytes

// morph.c's suffix rules: noun rules 0–7, verb rules 8–15, adjective rules 16–19.
constexpr std::array<std::string_view, 20> kSuffix = {
    "s",  "ses", "xes", "zes", "ches", "shes", "men", "ies",  // noun
    "s",  "ies", "es",  "es",  "ed",   "ed",   "ing", "ing",  // verb
    "er", "est", "er",  "est"};                               // adjective
constexpr std::array<std::string_view, 20> kEnding = {
    "", "s", "x", "z", "ch", "sh", "man", "y",  // noun
    "", "y", "e", "",  "e",  "",   "e",   "",   // verb
    "", "",  "e", "e"};                         // adjective
constexpr std::array<int, 5> kFirstRule = {0, 0, 8, 16, 0};
constexpr std::array<int, 5> kRuleCount = {0, 8, 8, 4, 0};

// binsrch.c's bin_search: the library's own bisection over byte offsets, with its way of
// stopping, so a key it happens to miss is missed here too. Returns the line found, or nothing.
std::optional<std::string_view> bin_search(std::string_view file, std::string_view key) {
  if (file.empty()) return std::nullopt;
  const std::size_t size = file.size();
  long top = 0, bot = static_cast<long>(size), mid = bot / 2, diff = 666;
  std::size_t at = size;  // fseek(fp, 0, SEEK_END) measured the file
  std::string_view line, line_key;
  do {
    if (mid >= 1) at = static_cast<std::size_t>(mid - 1);  // fseek(mid - 1)
    if (mid != 1) {                                        // skip to the start of the next line
      while (at < size && file[at++] != '\n') {
      }
    }
    if (at < size) {  // fgets; at the end of the file the last line read stays
      std::size_t n = 0;
      while (at + n < size && n < kLineLength - 1) {
        if (file[at + n++] == '\n') break;
      }
      line = file.substr(at, n);
      at += n;
    }
    line_key = line.substr(0, line.find(' '));
    const int order = line_key.compare(key);
    if (order < 0) {
      top = mid;
      diff = (bot - top) / 2;
      mid = top + diff;
    } else if (order > 0) {
      bot = mid;
      diff = (bot - top) / 2;
      mid = top + diff;
    }
  } while (line_key != key && diff != 0);
  if (line_key == key) return line;
  return std::nullopt;
}

// morph.c's strend: `word` is longer than `suffix` and ends with it.
bool strend(std::string_view word, std::string_view suffix) {
  return suffix.size() < word.size() && word.ends_with(suffix);
}

// search.c's cntwords: words separated by runs of `separator`, spaces or underscores.
int count_words(std::string_view s, char separator) {
  int words = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == separator || s[i] == ' ' || s[i] == '_') {
      ++words;
      while (i < s.size() && (s[i] == separator || s[i] == ' ' || s[i] == '_')) ++i;
    } else {
      ++i;
    }
  }
  return words + 1;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

struct WordNetMorphy::Files {
  std::array<MappedFile, 5> index;       // by part: index.noun …
  std::array<MappedFile, 5> exceptions;  // by part: noun.exc …
  MappedFile noun_data;                  // data.noun, for the lexicographer file of a synset
};

// The state morph.c keeps in statics between morphstr(form) and the morphstr(NULL) calls that
// follow it: the string, the exception line being read, and how many words the form had.
class WordNetMorphy::Search {
 public:
  Search(const Files& files, Part part) : files_(files), part_(part) {}

  // morphstr(origstr, pos), first call.
  std::optional<std::string> first(std::string_view form) {
    str_ = ascii_lower(form);
    std::string search;
    if (auto base = exception(&str_); base && *base != str_) {
      words_ = 1;  // the next calls read the rest of the exception line
      return base;
    }
    if (part_ != kVerb) {
      if (auto base = morphword(str_); base && *base != str_) return base;
    }
    int words = count_words(str_, '-');
    words_ = words;
    std::size_t start = 0;
    while (--words) {  // each word of a hyphenated form on its own
      const std::size_t underscore = str_.find('_', start), hyphen = str_.find('-', start);
      if (underscore == std::string::npos && hyphen == std::string::npos) return std::nullopt;
      const bool by_underscore = hyphen == std::string::npos || underscore < hyphen;
      const std::size_t end = by_underscore ? underscore : hyphen;
      const std::string word = str_.substr(start, end - start);
      const auto base = morphword(word);
      search += base ? *base : word;
      search += by_underscore ? '_' : '-';
      start = end + 1;
    }
    const std::string word = str_.substr(start);
    const auto base = morphword(word);
    search += base ? *base : word;
    if (search != str_ && is_defined(search)) return search;
    return std::nullopt;
  }

  // morphstr(NULL, pos): the next base form, if any.
  std::optional<std::string> next() {
    if (words_ == 1) return exception(nullptr);
    words_ = 1;
    if (auto base = exception(&str_); base && *base != str_) return base;
    return std::nullopt;
  }

 private:
  // exc_lookup: with a word, finds its exception line and gives its first base; without, the
  // next base of the line found last.
  std::optional<std::string> exception(const std::string* word) {
    const std::string_view file = files_.exceptions[part_].bytes();
    if (file.empty()) return std::nullopt;
    if (word) {
      if (auto line = bin_search(file, *word)) {
        line_.assign(*line);
        cursor_ = line_.find(' ');
      } else {
        cursor_ = std::string::npos;
      }
    }
    if (cursor_ != std::string::npos && at(cursor_ + 1) != ' ') {
      std::size_t begin = cursor_ + 1;
      while (at(begin) != '\0' && at(begin) == ' ') ++begin;
      std::size_t end = begin;
      while (at(end) != '\0' && at(end) != ' ' && at(end) != '\n') ++end;
      if (end != begin) {
        std::string base = line_.substr(begin, end - begin);
        if (end < line_.size()) line_[end] = '\0';  // as the library cuts its copy of the line
        cursor_ = end;
        return base;
      }
    }
    cursor_ = std::string::npos;
    return std::nullopt;
  }

  char at(std::size_t i) const { return i < line_.size() ? line_[i] : '\0'; }

  // morphword: a word's exception, or the first suffix rule whose result is in the index.
  std::optional<std::string> morphword(const std::string& word) {
    if (auto base = exception(&word)) return base;
    if (part_ == kAdv) return std::nullopt;  // adverbs: exceptions only
    std::string stem = word;
    std::string_view ending;
    if (part_ == kNoun) {
      if (strend(word, "ful")) {  // "handsful" → "handful"
        stem = word.substr(0, word.rfind('f'));
        ending = "ful";
      } else if (strend(word, "ss") || word.size() <= 2) {
        return std::nullopt;
      }
    }
    for (int rule = kFirstRule[part_]; rule < kFirstRule[part_] + kRuleCount[part_]; ++rule) {
      std::string base = stem;
      if (strend(base, kSuffix[rule])) {
        base.resize(base.size() - kSuffix[rule].size());
        base += kEnding[rule];
      }
      if (base != stem && is_defined(base)) return base + std::string(ending);
    }
    return std::nullopt;
  }

  // is_defined, through getindex: the string, or one of its spellings with '-' and '_'
  // exchanged, without them, or without periods, is an entry of the index.
  bool is_defined(const std::string& s) const {
    if (s.empty()) return false;
    const std::string_view index = files_.index[part_].bytes();
    std::array<std::string, 5> forms;
    forms.fill(ascii_lower(s));
    for (auto& c : forms[1]) c = c == '_' ? '-' : c;
    for (auto& c : forms[2]) c = c == '-' ? '_' : c;
    forms[3].clear();
    forms[4].clear();
    for (const char c : forms[0]) {
      if (c != '_' && c != '-') forms[3] += c;
      if (c != '.') forms[4] += c;
    }
    if (bin_search(index, forms[0])) return true;
    for (std::size_t i = 1; i < forms.size(); ++i) {
      if (!forms[i].empty() && forms[i] != forms[0] && bin_search(index, forms[i])) return true;
    }
    return false;
  }

  const Files& files_;
  const Part part_;
  std::string str_;
  int words_ = 1;
  std::string line_;  // the exception line being read
  std::size_t cursor_ = std::string::npos;
};

WordNetMorphy::WordNetMorphy(const std::string& dir) : files_(std::make_unique<Files>()) {
  static constexpr std::array<const char*, 5> kPartName = {"", "noun", "verb", "adj", "adv"};
  for (int part = kNoun; part <= kAdv; ++part) {
    const std::string index = dir + "/index." + kPartName[part];
    try {
      files_->index[part] = MappedFile(index);
    } catch (const DataError&) {
      throw DataError("WordNet not found: " + index + " (install Debian's wordnet-base)");
    }
    if (part == kNoun) {
      try {
        files_->noun_data = MappedFile(dir + "/data.noun");
      } catch (const DataError&) {
      }
    }
    // The library opens what it finds; a missing exception list means no exceptions.
    try {
      files_->exceptions[part] = MappedFile(dir + "/" + kPartName[part] + ".exc");
    } catch (const DataError&) {
    }
  }
}

WordNetMorphy::~WordNetMorphy() = default;

const WordNetMorphy& WordNetMorphy::shared() {
  static const WordNetMorphy instance([] {
    const char* dir = std::getenv("WNSEARCHDIR");
    return std::string(dir && *dir ? dir : "/usr/share/wordnet");
  }());
  return instance;
}

bool WordNetMorphy::handles(std::string_view form) {
  return form.size() <= kLongestForm && form.find_first_of(" _") == std::string_view::npos;
}

std::vector<std::string> WordNetMorphy::base_forms(std::string_view form, Part part) const {
  std::vector<std::string> out;
  Search search(*files_, part);
  for (auto base = search.first(form); base; base = search.next()) out.push_back(*base);
  return out;
}

bool WordNetMorphy::in_index(std::string_view form, Part part) const {
  return bin_search(files_->index[part].bytes(), form).has_value();
}

namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t end = std::min(line.find_first_of(" \n", at), line.size());
    if (end > at) fields.push_back(line.substr(at, end - at));
    at = end + 1;
  }
  return fields;
}

// The synset offsets of an index line, most frequent sense first:
// lemma pos synset_cnt p_cnt [pointers…] sense_cnt tagsense_cnt offsets… (index(5WN))
std::vector<std::size_t> synset_offsets(std::string_view line) {
  const auto fields = split_fields(line);
  std::vector<std::size_t> offsets;
  if (fields.size() < 4) return offsets;
  const std::size_t pointers = static_cast<std::size_t>(std::atoi(std::string(fields[3]).c_str()));
  for (std::size_t k = 4 + pointers + 2; k < fields.size(); ++k)
    offsets.push_back(static_cast<std::size_t>(std::atol(std::string(fields[k]).c_str())));
  return offsets;
}

constexpr int kNounLocation = 15;  // WordNet's lexicographer files noun.location, noun.person
constexpr int kNounPerson = 18;

}  // namespace

bool WordNetMorphy::first_sense_is_person(std::string_view lemma) const {
  std::string key(lemma);
  for (auto& c : key) c = c == ' ' ? '_' : c;
  const auto line = bin_search(files_->index[kNoun].bytes(), ascii_lower(key));
  if (!line) return false;
  const auto offsets = synset_offsets(*line);
  if (offsets.empty()) return false;
  const std::string_view data = files_->noun_data.bytes();
  if (offsets.front() >= data.size()) return false;
  // synset_offset lex_filenum ss_type … (data(5WN))
  const std::size_t space = data.find(' ', offsets.front());
  if (space == std::string_view::npos) return false;
  return std::atoi(std::string(data.substr(space + 1, 2)).c_str()) == kNounPerson;
}

WordNetMorphy::NameSenses WordNetMorphy::name_senses(std::string_view word) const {
  NameSenses senses;
  std::string key = ascii_lower(word);
  for (auto& c : key) c = c == ' ' ? '_' : c;
  // Verbs and adverbs are common words ("drain", "most"); adjectives are left out, as WordNet
  // writes peoples' adjectives capitalised ("American") and those are no places either way.
  for (Part part : {kVerb, kAdv}) {
    if (bin_search(files_->index[part].bytes(), key)) senses.common = true;
  }
  const auto line = bin_search(files_->index[kNoun].bytes(), key);
  if (!line) return senses;
  const std::string_view data = files_->noun_data.bytes();
  for (const std::size_t offset : synset_offsets(*line)) {
    if (offset >= data.size()) continue;
    const std::size_t end = std::min(data.find('\n', offset), data.size());
    // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id…] … (data(5WN))
    const auto fields = split_fields(data.substr(offset, end - offset));
    if (fields.size() < 5) continue;
    const int lexfile = std::atoi(std::string(fields[1]).c_str());
    const std::size_t words =
        static_cast<std::size_t>(std::strtol(std::string(fields[3]).c_str(), nullptr, 16));
    for (std::size_t w = 0; w < words && 4 + 2 * w < fields.size(); ++w) {
      const std::string_view written = fields[4 + 2 * w];
      if (ascii_lower(written) != key) continue;
      // WordNet writes names as they are written ("Alexandria", "Henry") and common nouns in
      // lower case ("center", "warden").
      if (!std::isupper(static_cast<unsigned char>(written.front()))) {
        senses.common = true;
      } else if (lexfile == kNounLocation) {
        senses.place = true;
      } else if (lexfile == kNounPerson) {
        senses.person = true;
      } else {
        senses.other_name = true;  // "Christmas", "Sears"
      }
      break;
    }
  }
  return senses;
}

}  // namespace vigie
