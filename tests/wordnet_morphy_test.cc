// WordNetMorphy must answer exactly as WordNet's C library does: the same base forms in the same
// order and the same index membership, for words of every kind the library treats differently
// (exceptions, each suffix rule, "-ful" nouns, hyphenated forms, short words, near misses).
#include "morph/wordnet_morphy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

extern "C" {
#include <wn.h>
}

namespace vigie {
namespace {

const char* wordnet_dir() {
  const char* dir = std::getenv("WNSEARCHDIR");
  return dir && *dir ? dir : "/usr/share/wordnet";
}

// The words of a WordNet file's lines (first column), every `step`-th line, collocations left out.
std::vector<std::string> first_column(const std::string& path, std::size_t step) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<std::string> out;
  std::string line;
  for (std::size_t n = 0; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == ' ' || n % step != 0) continue;
    const std::string word = line.substr(0, line.find(' '));
    if (word.find('_') == std::string::npos) out.push_back(word);
  }
  return out;
}

std::vector<std::string> library_bases(const std::string& form, int pos) {
  std::vector<std::string> out;
  std::string buffer = form;
  for (char* r = morphstr(buffer.data(), pos); r; r = morphstr(nullptr, pos)) out.emplace_back(r);
  return out;
}

std::set<std::string> test_vocabulary() {
  const std::string dir = wordnet_dir();
  std::set<std::string> words;
  for (const char* part : {"noun", "verb", "adj", "adv"}) {
    for (const auto& w : first_column(dir + "/" + part + ".exc", 1)) words.insert(w);
    const auto keys = first_column(dir + "/index." + part, 61);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const std::string& w = keys[i];
      words.insert(w);
      // Inflections each suffix rule undoes, and forms no rule should touch.
      for (const char* suffix : {"s", "es", "ed", "ing", "er", "est", "ful", "ss", "men"})
        words.insert(w + suffix);
      if (w.size() > 3) words.insert(w.substr(0, w.size() - 1));
      if (i % 5 == 0 && i + 1 < keys.size()) words.insert(w + "-" + keys[i + 1] + "s");
    }
  }
  for (const char* w :
       {"a",       "is",         "ss",   "ful",           "handsful",       "cupsful", "-b",
        "a--b",    "well-known", "men",  "women",         "children",       "fled",    "shot",
        "seized",  "attacks",    "u.s.", "mother-in-law", "mothers-in-law", "x",       "e-mails",
        "killings"})
    words.insert(w);
  return words;
}

TEST(WordNetMorphy, AnswersAsTheWordNetLibraryDoes) {
  ASSERT_EQ(wninit(), 0) << "WordNet could not be opened in " << wordnet_dir();
  const WordNetMorphy morphy(wordnet_dir());
  const auto words = test_vocabulary();
  ASSERT_GT(words.size(), 15000u);
  std::size_t compared = 0, with_bases = 0;
  for (const auto& word : words) {
    if (!WordNetMorphy::handles(word)) continue;
    for (int pos : {NOUN, VERB, ADJ, ADV}) {
      const auto part = static_cast<WordNetMorphy::Part>(pos);
      const auto expected = library_bases(word, pos);
      ASSERT_EQ(morphy.base_forms(word, part), expected) << word << " as part " << pos;
      std::string buffer = word;
      const bool listed = (in_wn(buffer.data(), pos) & (1u << pos)) != 0;
      ASSERT_EQ(morphy.in_index(word, part), listed) << word << " as part " << pos;
      with_bases += expected.empty() ? 0 : 1;
      ++compared;
    }
  }
  // Each word is tried as all four parts of speech, most of which give nothing; still, many
  // thousands of comparisons have base forms, so the rules are covered.
  EXPECT_GT(with_bases, 5000u);
}

TEST(WordNetMorphy, GivesBaseFormsOfIrregularAndRegularWords) {
  const WordNetMorphy morphy(wordnet_dir());
  EXPECT_EQ(morphy.base_forms("children", WordNetMorphy::kNoun), std::vector<std::string>{"child"});
  EXPECT_EQ(morphy.base_forms("fled", WordNetMorphy::kVerb), std::vector<std::string>{"flee"});
  EXPECT_EQ(morphy.base_forms("attacks", WordNetMorphy::kNoun), std::vector<std::string>{"attack"});
  EXPECT_EQ(morphy.base_forms("killed", WordNetMorphy::kVerb), std::vector<std::string>{"kill"});
  EXPECT_TRUE(morphy.in_index("attack", WordNetMorphy::kVerb));
  EXPECT_FALSE(morphy.in_index("attacked", WordNetMorphy::kVerb));
  EXPECT_FALSE(WordNetMorphy::handles("take off"));
  EXPECT_FALSE(WordNetMorphy::handles(std::string(300, 'a')));
}

TEST(WordNetMorphy, TellsPlacesPersonsAndCommonWordsByHowWordNetWritesThem) {
  const WordNetMorphy morphy(wordnet_dir());
  const auto alexandria = morphy.name_senses("Alexandria");
  EXPECT_TRUE(alexandria.place);
  EXPECT_FALSE(alexandria.common);
  const auto henry = morphy.name_senses("Henry");  // Patrick Henry; and the unit, "henry"
  EXPECT_TRUE(henry.person);
  EXPECT_FALSE(henry.place);
  EXPECT_TRUE(henry.common);
  const auto center = morphy.name_senses("Center");
  EXPECT_TRUE(center.common);
  EXPECT_FALSE(center.place);
  EXPECT_FALSE(center.person);
  EXPECT_TRUE(morphy.name_senses("most").common);    // an adverb
  EXPECT_TRUE(morphy.name_senses("Lincoln").place);  // and a president: the place is enough
  EXPECT_TRUE(morphy.name_senses("Lincoln").person);
  EXPECT_FALSE(morphy.name_senses("Hombori").known());  // names WordNet does not list
}

}  // namespace
}  // namespace vigie
