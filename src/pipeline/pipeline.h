#pragma once
// The stage order, for one document at a time:
//   clean → identify language → split sentences → tokenize → analyse (lemmas, POS, verb groups)
//   → recognise mentions (dates, numbers, counts, places, actors, event words, attributions)
//   → build events (merging repeats, linking accounts) → output
// Each stage only adds layers to the Document.
// Pipeline::process is thread-safe: per-thread tools are made on first use.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clean/boilerplate.h"
#include "clean/cleaner.h"
#include "document/document.h"
#include "events/event_candidate.h"
#include "gazetteer/gazetteer.h"
#include "input/raw_document.h"
#include "lang/language_pack.h"
#include "langid/language_identifier.h"
#include "mentions/actor_knowledge_base.h"
#include "mentions/event_taxonomy.h"
#include "output/event_record.h"

namespace vigie {

struct PipelineOptions {
  std::string lang = "auto";             ///< "auto" or a pack code
  std::optional<std::string> published;  ///< used when the input carries no date
  /// false: stop after language identification, and keep documents in any language (the
  /// article text needs no pack; only the layers after it do).
  bool analyse = true;
  const Gazetteer* gazetteer = nullptr;  ///< places are resolved only with one
  bool explain = false;                  ///< keep the reasons for every choice (vigie explain)
};

/// What one document became: the annotated document and its events, or a problem.
struct ProcessedDocument {
  std::optional<Document> doc;
  std::vector<EventRecord> events;
  std::vector<EventCandidate> explained;   ///< with PipelineOptions::explain: events and reasons
  std::vector<LeftOutCandidate> left_out;  ///< with PipelineOptions::explain: words left out
  std::optional<InputProblem> problem;
};

class Pipeline {
 public:
  Pipeline(const LanguageRegistry& languages, PipelineOptions options);
  ~Pipeline();

  ProcessedDocument process(RawDocument raw) const;

  /// The text-layer stages alone on a document that is already clean (tests, benchmarks, tools).
  void analyse(Document& doc, const LanguagePack& pack) const;

  /// The mention layers (dates, numbers) on an analysed document.
  void recognise_mentions(Document& doc, const LanguagePack& pack) const;

  const LanguageRegistry& languages() const { return languages_; }

 private:
  struct ThreadTools;
  ThreadTools& tools_for(const LanguagePack& pack) const;

  const LanguageRegistry& languages_;
  PipelineOptions options_;
  BoilerplateFilter boilerplate_;
  Cleaner cleaner_;
  LanguageIdentifier identifier_;
  std::unique_ptr<ActorKnowledgeBase> actor_kb_;
  std::unique_ptr<EventTaxonomy> taxonomy_;
  struct PerThread;
  std::unique_ptr<PerThread> per_thread_;
};

}  // namespace vigie
