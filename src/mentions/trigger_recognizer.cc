#include "mentions/trigger_recognizer.h"

#include <algorithm>
#include <cctype>

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {

TriggerRecognizer::TriggerRecognizer(const LanguagePack& pack, const EventTaxonomy& taxonomy,
                                     Tokenizer& tokenizer) {
  const auto file = pack.dir / "triggers.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    const std::string flag = row.fields.size() == 4 ? row.fields[3] : "";
    if (row.fields.size() != 3 &&
        !(row.fields.size() == 4 && (flag == "generic" || flag == "cued" || flag == "toll")))
      throw DataError(where + "expected 3 fields, or 4 with \"generic\", \"cued\" or \"toll\"");
    // A toll's noun is generic too: any other event word of its sentence says more.
    const bool generic = flag == "generic" || flag == "toll";
    const bool cued = flag == "cued";
    const bool toll = flag == "toll";
    const std::string& kind = row.fields[0];
    const std::string& type = row.fields[2];
    if (kind != "block" && !taxonomy.find(type))
      throw DataError(where + "'" + type + "' is no ACLED sub-event type");
    if (kind == "lemma") {
      lemmas_[row.fields[1]] = {type, generic, cued, toll};
      folded_lemmas_[fold(row.fields[1])] = {type, generic, cued, toll};
    } else if (kind == "phrase" || kind == "block") {
      for (const std::string& variant : split_variants(row.fields[1])) {
        phrase_list_.push_back({variant, kind == "block" ? "" : type, generic, cued, toll});
        phrases_.add(variant, static_cast<std::uint32_t>(phrase_list_.size() - 1), tokenizer);
      }
    } else {
      throw DataError(where + "unknown kind '" + kind + "'");
    }
  }
}

namespace {

// Words inside a date or a place name report nothing: "March 3", « Attaque de Boni » as a place.
// Actor mentions stay open: « les manifestants » is an actor and a protest.
std::vector<Span> inside_other_mentions(const Document& doc) {
  std::vector<Span> spans;
  for (const auto& d : doc.dates) spans.push_back(d.span);
  for (const auto& p : doc.places) spans.push_back(p.span);
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return spans;
}

}  // namespace

void TriggerRecognizer::annotate(Document& doc) const {
  doc.triggers.clear();
  const std::vector<Span> taken = inside_other_mentions(doc);
  auto next_taken = taken.begin();
  // A date may stand inside a phrase (« a repris mardi le contrôle », "took control on Sunday of").
  std::vector<bool> in_date(doc.tokens.size(), false);
  {
    std::size_t k = 0;
    for (const auto& d : doc.dates) {
      while (k < doc.tokens.size() && doc.tokens[k].span.end <= d.span.begin) ++k;
      for (std::size_t m = k; m < doc.tokens.size() && doc.tokens[m].span.begin < d.span.end; ++m)
        in_date[m] = true;
    }
  }
  for (const auto& sentence : doc.sentences) {
    const std::uint32_t end = sentence.first_token + sentence.token_count;
    for (std::uint32_t i = sentence.first_token; i < end; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::Word) continue;
      while (next_taken != taken.end() && next_taken->end <= t.span.begin) ++next_taken;
      if (next_taken != taken.end() && next_taken->begin <= t.span.begin) continue;
      if (auto m = phrases_.longest_at(doc, i, end, &in_date)) {
        const Phrase& p = phrase_list_[m->payload];
        const std::uint32_t first = i;
        i += m->length - 1;
        if (p.sub_event_type.empty()) continue;  // a blocked phrase: no event
        doc.triggers.push_back({Span{t.span.begin, doc.tokens[i].span.end}, p.sub_event_type, first,
                                "phrase:" + p.text, p.generic, p.cued, p.toll});
        continue;
      }
      // A capital inside a sentence makes a name: "March 3", "Rally Road", "the Fighting Irish" —
      // unless the event word is itself written so ("IED", « EEI »).
      if (t.pos == Pos::PROPN && i != sentence.first_token) {
        const std::string written(doc.token_text(t));
        if (auto it = lemmas_.find(written); it != lemmas_.end() && !written.empty() &&
                                             std::isupper(static_cast<unsigned char>(written[0]))) {
          doc.triggers.push_back({t.span, it->second.sub_event_type, i, "lemma:" + it->first,
                                  it->second.generic, it->second.cued, it->second.toll});
        }
        continue;
      }
      // The form first: « attaque » is a noun whose lemma may come out as the verb « attaquer ».
      if (auto it = folded_lemmas_.find(t.fold); it != folded_lemmas_.end()) {
        doc.triggers.push_back({t.span, it->second.sub_event_type, i, "form:" + it->first,
                                it->second.generic, it->second.cued, it->second.toll});
      } else if (auto lemma = lemmas_.find(t.lemma); lemma != lemmas_.end()) {
        doc.triggers.push_back({t.span, lemma->second.sub_event_type, i, "lemma:" + lemma->first,
                                lemma->second.generic, lemma->second.cued, lemma->second.toll});
      }
    }
  }
}

}  // namespace vigie
