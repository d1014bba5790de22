#include "pipeline/pipeline.h"

#include <tbb/enumerable_thread_specific.h>

#include <unordered_map>

#include "events/event_builder.h"
#include "events/relevance.h"
#include "mentions/actor_recognizer.h"
#include "mentions/attribution_recognizer.h"
#include "mentions/count_recognizer.h"
#include "mentions/date_recognizer.h"
#include "mentions/number_recognizer.h"
#include "mentions/place_recognizer.h"
#include "mentions/trigger_recognizer.h"
#include "morph/morph_analyzer.h"
#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"

namespace vigie {

// ICU iterators, Hunspell and the word caches are not thread-safe: one set per thread and language.
struct Pipeline::ThreadTools {
  ThreadTools(const LanguagePack& pack, const Gazetteer* gazetteer, const ActorKnowledgeBase& kb,
              const EventTaxonomy& taxonomy)
      : sentences(pack),
        tokens(pack),
        morph(pack),
        dates(pack, tokens),
        numbers(pack, tokens),
        counts(pack),
        triggers(pack, taxonomy, tokens),
        roles(pack, tokens),
        relevance(pack, tokens, taxonomy) {
    if (gazetteer) places.emplace(pack, *gazetteer, tokens);
    actors.emplace(pack, kb, gazetteer, tokens);
    attributions.emplace(pack, kb, gazetteer, tokens);
  }
  SentenceSplitter sentences;
  Tokenizer tokens;
  MorphAnalyzer morph;
  DateRecognizer dates;
  NumberRecognizer numbers;
  CountRecognizer counts;
  TriggerRecognizer triggers;
  RoleLexicon roles;
  Relevance relevance;
  std::optional<PlaceRecognizer> places;
  std::optional<ActorRecognizer> actors;
  std::optional<AttributionRecognizer> attributions;
};

struct Pipeline::PerThread {
  tbb::enumerable_thread_specific<std::unordered_map<std::string, std::unique_ptr<ThreadTools>>>
      tools;
};

Pipeline::Pipeline(const LanguageRegistry& languages, PipelineOptions options)
    : languages_(languages),
      options_(std::move(options)),
      boilerplate_(languages),
      cleaner_(boilerplate_),
      identifier_(languages),
      actor_kb_(std::make_unique<ActorKnowledgeBase>(languages.data_root() / "actors.tsv")),
      taxonomy_(std::make_unique<EventTaxonomy>(languages.data_root() / "event_types.tsv")),
      per_thread_(std::make_unique<PerThread>()) {}

Pipeline::~Pipeline() = default;

Pipeline::ThreadTools& Pipeline::tools_for(const LanguagePack& pack) const {
  auto& mine = per_thread_->tools.local();
  auto& slot = mine[pack.code];
  if (!slot) slot = std::make_unique<ThreadTools>(pack, options_.gazetteer, *actor_kb_, *taxonomy_);
  return *slot;
}

void Pipeline::analyse(Document& doc, const LanguagePack& pack) const {
  ThreadTools& tools = tools_for(pack);
  tools.sentences.annotate(doc);
  tools.tokens.annotate(doc);
  tools.morph.annotate(doc);
}

void Pipeline::recognise_mentions(Document& doc, const LanguagePack& pack) const {
  ThreadTools& tools = tools_for(pack);
  tools.dates.annotate(doc);  // first: numbers do not read inside dates
  tools.numbers.annotate(doc);
  tools.counts.annotate(doc);
  if (tools.places) tools.places->annotate(doc);
  tools.actors->annotate(doc);  // after places: descriptions take the document's country
  tools.triggers.annotate(doc);
  tools.attributions->annotate(doc);  // after actors and places: speakers are among them
}

namespace {

std::string supported_list(const LanguageRegistry& languages) {
  std::string out;
  for (const auto& c : languages.codes()) out += (out.empty() ? "" : ", ") + c;
  return out;
}

}  // namespace

ProcessedDocument Pipeline::process(RawDocument raw) const {
  ProcessedDocument result;
  const Origin origin = raw.origin;
  try {
    Document doc = cleaner_.clean(std::move(raw));
    if (doc.paragraphs.empty()) {
      result.problem = InputProblem{origin, doc.format() == InputFormat::Html
                                                ? "no article text found in the page"
                                                : "no text left after removing boilerplate"};
      return result;
    }
    if (!doc.meta.published && options_.published) doc.meta.published = options_.published;

    // Language: the option, then a language the feed declares, then identification.
    if (options_.lang != "auto") {
      doc.language = {options_.lang, 1.0, "option"};
    } else if (doc.format() != InputFormat::Html && doc.meta.declared_lang &&
               languages_.find(*doc.meta.declared_lang)) {
      doc.language = {*doc.meta.declared_lang, 1.0, "declared"};
    } else {
      std::string sample;
      for (const Span& p : doc.paragraphs) {
        if (sample.size() > LanguageIdentifier::kSampleBytes) break;
        sample.append(doc.slice(p)).append("\n");
      }
      doc.language = identifier_.identify(sample, doc.meta.declared_lang.value_or(""));
    }
    const LanguagePack* pack = languages_.find(doc.language.code);
    if (!pack && !options_.analyse) {
      // The article text needs no language pack: only the layers after it do.
      result.doc = std::move(doc);
      return result;
    }
    if (!pack) {
      result.problem = InputProblem{
          origin, doc.language.code == "und"
                      ? "language could not be identified (supported: " +
                            supported_list(languages_) + "); use --lang to force one"
                      : "language '" + doc.language.code + "' is not supported (supported: " +
                            supported_list(languages_) + "); document skipped"};
      return result;
    }
    if (options_.analyse) {
      analyse(doc, *pack);
      recognise_mentions(doc, *pack);
      const EventBuilder builder(*taxonomy_, *actor_kb_, options_.gazetteer, tools_for(*pack).roles,
                                 tools_for(*pack).relevance);
      if (options_.explain) {
        result.explained = builder.build_explained(doc, &result.left_out);
        for (const auto& c : result.explained) result.events.push_back(c.record);
      } else {
        result.events = builder.build(doc);
      }
    }
    result.doc = std::move(doc);
  } catch (const std::exception& e) {
    result.problem = InputProblem{origin, std::string("internal error: ") + e.what()};
  }
  return result;
}

}  // namespace vigie
