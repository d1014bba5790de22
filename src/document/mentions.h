#pragma once
// Mention layers: spans of the document text recognised as quantities, dates, counts, places,
// actors, event words and attributions, each with its resolved value and the name of the rule
// that produced it, so that `vigie extract --annotations` and `vigie explain` can show why.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "document/span.h"

namespace vigie {

/// A quantity: « 300 », « deux cent trois », « des dizaines », « au moins 12 », « entre 10 et 15 ».
/// Vague amounts keep a range; `best` follows ACLED's conventions (« des dizaines » → 12).
struct NumberMention {
  Span span;
  double best = 0;
  std::optional<double> low;   ///< nullopt: no lower bound given (« jusqu'à 50 »)
  std::optional<double> high;  ///< nullopt: no upper bound given (« au moins 12 »)
  bool approximate = false;    ///< « environ », « une vingtaine », « des dizaines »
  std::string rule;            ///< "au moins <n>", "<digits>", "des dizaines", …
};

enum class DateGranularity : std::uint8_t { Day, Week, Month, Year };
enum class DateType : std::uint8_t { Exact, Approximate, Range, Unresolved };
std::string_view granularity_name(DateGranularity g);
std::string_view date_type_name(DateType t);

/// A time expression normalised to an interval of days, anchored on the publication date.
struct DateMention {
  Span span;
  std::optional<std::string> start;  ///< YYYY-MM-DD; nullopt when unresolved
  std::optional<std::string> end;    ///< inclusive
  DateGranularity granularity = DateGranularity::Day;
  DateType type = DateType::Unresolved;
  std::string rule;
};

}  // namespace vigie

namespace vigie {

/// What a quantity counts: « six soldats ont été tués » → 6, killed, soldiers. `number` indexes
/// Document::numbers; `who` and `what` are the groups and outcomes of lang/<code>/counts.tsv.
struct CountMention {
  Span span;                 ///< from the first to the last word used (number, noun, outcome)
  std::uint32_t number = 0;  ///< index into Document::numbers
  std::string what;          ///< killed, wounded, abducted, arrested, displaced, missing, …
  std::string who;           ///< civilians, soldiers, militants, … or "" when not said
  Span who_span;             ///< the counted noun, empty when not said
  Span what_span;            ///< the outcome word
  std::string rule;
  /// Part of the count before it (« dont trois soldats », "including three soldiers"): not added.
  bool subset = false;
  /// The toll of the whole event ("1 fatality", "12 fatalities"): it replaces the counts of its
  /// sentence instead of adding to them.
  bool total = false;
  /// Counted besides those told before (« quatre autres personnes ont trouvé la mort », "two
  /// other soldiers died"): added to an earlier sentence's toll of the same event.
  bool others = false;
};

}  // namespace vigie

namespace vigie {

/// A gazetteer entry weighed for a place name, with the score the resolver gave it.
struct PlaceOption {
  std::uint32_t place = 0;  ///< index into the Gazetteer
  double score = 0;
};

/// A place named in the text, resolved to a gazetteer entry (or to a country alone).
struct PlaceMention {
  Span span;
  std::optional<std::uint32_t> place;  ///< index into the Gazetteer, when a place was chosen
  std::string country;                 ///< ISO 3166-1 alpha-2, "" when unknown
  std::string precision;               ///< exact, near, admin2, admin1, country
  std::uint32_t candidates = 0;        ///< how many gazetteer entries the name had
  std::string rule;
  bool holder = false;  ///< an area named right after a place to say it holds it ("(Imo)")
  /// A country across a border from the event ("near the border with Niger"): a reference point,
  /// never the event's place.
  bool border = false;
  /// A name the gazetteer lacks that the text says is a place ("Kacham village", « le village de
  /// Tinzaouatène », "Sfuhen (Idlib)"): `place` is empty, and `within` is the entry of the area
  /// or town the text puts it in, when it names one, whose coordinates stand for it.
  bool unlisted = false;
  std::optional<std::uint32_t> within;
  /// The best-scored entries the name had, best first (at most kMaxConsidered), so that a reader
  /// of `--annotations` sees what the chosen one won against.
  std::vector<PlaceOption> considered;
  static constexpr std::size_t kMaxConsidered = 5;
};

}  // namespace vigie

namespace vigie {

/// An actor named or described in the text, resolved to a canonical name in ACLED's style.
struct ActorMention {
  Span span;
  std::string name;  ///< "Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims"
  std::string type;  ///< state_forces, rebel_group, …, external_other
  int inter = 0;     ///< ACLED inter code 1–8
  std::string country;  ///< ISO 3166-1 alpha-2, "" when unknown
  std::string rule;     ///< "alias", "description: military", "refers back to …"
};

}  // namespace vigie

namespace vigie {

/// Who some words of a sentence are attributed to (« selon HRW », « a déclaré le GSIM », "the army
/// said"): the event builder takes an event's source and status from it.
struct AttributionMention {
  Span cue;                             ///< « selon », « a déclaré », "according to"
  std::string stance;                   ///< says, claims, denies, confirms
  Span claim;                           ///< the words attributed to the speaker
  std::optional<ActorMention> speaker;  ///< nullopt when the text does not say who
  bool speaker_acts = false;  ///< the speaker did the deed: « affirme avoir capturé », "claimed"
  bool unproven = false;      ///< « sans fournir de preuves », "without providing evidence"
  std::string rule;
};

}  // namespace vigie

namespace vigie {

/// A word or phrase that reports an event (« ont tué », « frappe aérienne », "ambushed"), with
/// the ACLED sub-event type it suggests; the event builder confirms or revises it from the
/// event's arguments.
struct TriggerMention {
  Span span;
  std::string sub_event_type;  ///< one of data/event_types.tsv
  std::uint32_t head = 0;      ///< token index of the word that carries tense and negation
  std::string rule;            ///< "lemma:tuer", "form:attaque", "phrase:frappe aérienne"
  bool generic = false;  ///< says a killing or an attack happened, not which kind (« tuer »)
  /// "gathered", "marched": a protest only where the sentence says against what (Relevance).
  bool cued = false;
  /// A toll's noun ("3 fatalities.", « le bilan fait état de 9 morts »): it repeats the event
  /// told near it and is never an event of its own.
  bool toll = false;
};

}  // namespace vigie
