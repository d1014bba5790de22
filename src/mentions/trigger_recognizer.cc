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
    const bool frame = row.fields[0] == "frame";
    if (!frame && row.fields.size() != 3 &&
        !(row.fields.size() == 4 && (flag == "generic" || flag == "cued" || flag == "toll")))
      throw DataError(where + "expected 3 fields, or 4 with \"generic\", \"cued\" or \"toll\"");
    if (frame && row.fields.size() != 4)
      throw DataError(where + "expected frame TAB verbs TAB closing words TAB sub-event type");
    // A toll's noun is generic too: any other event word of its sentence says more.
    const bool generic = flag == "generic" || flag == "toll";
    const bool cued = flag == "cued";
    const bool toll = flag == "toll";
    const std::string& kind = row.fields[0];
    const std::string& type = row.fields[2];
    if (kind != "block" && kind != "frame" && !taxonomy.find(type))
      throw DataError(where + "'" + type + "' is no ACLED sub-event type");
    if (kind == "lemma") {
      lemmas_[row.fields[1]] = {type, generic, cued, toll};
      folded_lemmas_[fold(row.fields[1])] = {type, generic, cued, toll};
    } else if (kind == "phrase" || kind == "block") {
      for (const std::string& variant : split_variants(row.fields[1])) {
        phrase_list_.push_back({variant, kind == "block" ? "" : type, generic, cued, toll});
        phrases_.add(variant, static_cast<std::uint32_t>(phrase_list_.size() - 1), tokenizer);
      }
    } else if (kind == "frame") {
      if (!taxonomy.find(row.fields[3]))
        throw DataError(where + "'" + row.fields[3] + "' is no ACLED sub-event type");
      // frame <verb lemmas|…> <closing words|…> <sub-event type>
      for (const std::string& verb : split_variants(row.fields[1])) {
        for (const std::string& closing : split_variants(row.fields[2])) {
          frames_.push_back({verb, closing, row.fields[3]});
          const auto index = static_cast<std::uint32_t>(frames_.size() - 1);
          frames_by_verb_[verb].push_back(index);
          frame_closings_.add(closing, index, tokenizer);
        }
      }
    } else {
      throw DataError(where + "unknown kind '" + kind + "'");
    }
  }
}

// The frame a verb opens and closes within a few words of the same clause ("set a commercial
// tricycle ablaze", "fired a shell at the hospital"); none past a punctuation mark.
const TriggerRecognizer::Frame* TriggerRecognizer::frame_at(const Document& doc, std::uint32_t verb,
                                                            std::uint32_t end) const {
  constexpr std::uint32_t kReach = 6;
  const auto opened = frames_by_verb_.find(doc.tokens[verb].lemma);
  if (opened == frames_by_verb_.end() || doc.tokens[verb].pos != Pos::VERB) return nullptr;
  for (std::uint32_t k = verb + 1; k < end && k <= verb + kReach; ++k) {
    if (doc.tokens[k].kind == TokenKind::Punct) return nullptr;
    const auto m = frame_closings_.longest_at(doc, k, end);
    // (Not the start of a longer noun: "on fire safety rules".)
    if (!m || (k + m->length < end && doc.tokens[k + m->length].pos == Pos::NOUN)) continue;
    const Frame& f = frames_[m->payload];
    if (f.verb == doc.tokens[verb].lemma) return &f;
    // (Another verb's closing word with the same text: the same words close this verb's frame.)
    for (std::uint32_t index : opened->second) {
      if (frames_[index].closing == f.closing) return &frames_[index];
    }
  }
  return nullptr;
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
      if (const Frame* f = frame_at(doc, i, end)) {
        doc.triggers.push_back({t.span, f->sub_event_type, i,
                                "frame:" + f->verb + " … " + f->closing, false, false, false});
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
