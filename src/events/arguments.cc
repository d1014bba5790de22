#include "events/arguments.h"

#include "text/folding.h"

namespace vigie {
namespace {

int geo_precision(const std::string& precision) {
  if (precision == "exact") return 1;
  if (precision == "near") return 2;
  return 3;
}

int time_precision(DateGranularity g) {
  switch (g) {
    case DateGranularity::Day:
      return 1;
    case DateGranularity::Week:
      return 2;
    default:
      return 3;
  }
}

// A party to the fighting speaks for itself (claimed); an organisation that reports, a witness or
// a document does not (reported).
bool is_party(const ActorMention& a, const ActorKnowledgeBase& kb) {
  if (a.type == "state_forces" || a.type == "rebel_group" || a.type == "political_militia" ||
      a.type == "identity_militia")
    return true;
  const Actor* known = kb.find(a.name);
  return a.type == "external_other" && !(known && known->source);
}

bool in_claim(const AttributionMention* said, Span s) {
  return said && said->claim.contains(s);
}

}  // namespace

CodePointSpan code_points(const Document& doc, Span s) {
  return {doc.code_point_at(s.begin), doc.code_point_at(s.end)};
}

ActorField actor_field(const Document& doc, const ActorMention& a) {
  ActorField f;
  f.name = a.name;
  f.type = a.type;
  f.inter = a.inter;
  if (!a.country.empty()) f.country = a.country;
  f.text = std::string(doc.slice(a.span));
  f.span = code_points(doc, a.span);
  return f;
}

ActorField actor_field(const Actor& a) {
  ActorField f;
  f.name = a.name;
  f.type = a.type;
  f.inter = a.inter;
  if (!a.country.empty()) f.country = a.country;
  return f;
}

const AttributionMention* who_said(const std::vector<const AttributionMention*>& in_sentence,
                                   Span trigger) {
  const AttributionMention* said = nullptr;
  for (const AttributionMention* a : in_sentence) {
    if (!a->claim.contains(trigger)) continue;
    if (!said || (a->speaker && !said->speaker) ||
        (bool(a->speaker) == bool(said->speaker) && a->claim.size() < said->claim.size()))
      said = a;
  }
  return said;
}

const DateMention* event_date(const std::vector<const DateMention*>& dates,
                              const AttributionMention* said) {
  // « over the weekend… on Saturday »: Saturday.
  const DateMention* date = nullptr;
  auto rank = [&](const DateMention* d) {
    return (in_claim(said, d->span) ? 0 : 10) + static_cast<int>(d->granularity);
  };
  for (const DateMention* d : dates) {
    if (!d->start) continue;
    if (!date || rank(d) < rank(date)) date = d;
  }
  return date;
}

DateField date_field(const Document& doc, const DateMention* date,
                     std::vector<std::string>& reasons) {
  DateField f;
  if (!date) {
    f.granularity = "day";
    f.type = "unresolved";
    reasons.push_back("date: unresolved, the sentence gives none");
    return f;
  }
  f.start = date->start;
  f.end = date->end;
  f.granularity = std::string(granularity_name(date->granularity));
  f.type = std::string(date_type_name(date->type));
  f.time_precision = time_precision(date->granularity);
  f.text = std::string(doc.slice(date->span));
  f.span = code_points(doc, date->span);
  reasons.push_back("date: '" + f.text + "' (" + date->rule + ")");
  return f;
}

const PlaceMention* event_place(const Document& doc, const std::vector<const PlaceMention*>& places,
                                const AttributionMention* said,
                                const std::vector<const ActorMention*>& actors) {
  // "Turkey has shelled a city in northeastern Syria", « le Mali a frappé … »: a country named
  // right before a verb is the state that acts, not where.
  auto acts = [&](const PlaceMention* p) {
    if (p->precision != "country" || p->unlisted) return false;
    const std::uint32_t next = doc.first_token_from(p->span.end);
    return next < doc.tokens.size() &&
           (doc.tokens[next].pos == Pos::VERB || doc.tokens[next].pos == Pos::AUX);
  };
  // "Katsina militiamen attacked … in Karfi ward": the town or area in an actor's name is its
  // home (a country in one, "Benin military", is usually the event's as well).
  auto names_an_actor = [&](const PlaceMention* p) {
    return p->precision != "country" &&
           std::any_of(actors.begin(), actors.end(), [&](const ActorMention* a) {
             return a->span.contains(p->span) && a->span != p->span;
           });
  };
  const PlaceMention* place = nullptr;
  // A resolved place first (or one the gazetteer lacks, placed by the area the text puts it in),
  // then one inside the claim, then a place before the areas that hold it rather than those
  // areas ("in Izombe (Oguta, Imo)"), then a town before an area. A settlement the gazetteer
  // lacks and the text places nowhere still says more than a country named alone.
  auto rank = [&](const PlaceMention* p) {
    // (An unlisted settlement's precision is its holder's: it is no area itself.)
    const bool area = !p->unlisted && (p->precision == "admin1" || p->precision == "admin2" ||
                                       p->precision == "country");
    const int known = p->place || p->within ? 0 : p->unlisted ? 6 : 8;
    return known + (in_claim(said, p->span) ? 0 : 4) + (p->holder ? 2 : 0) + (area ? 1 : 0) +
           (names_an_actor(p) || acts(p) ? 3 : 0);
  };
  auto speakers_words = [&](const PlaceMention* p) {
    return said && said->claim.end <= said->cue.begin && p->span.begin >= said->cue.begin;
  };
  for (const PlaceMention* p : places) {
    // "near the border with Niger": a reference point, not the event's country.
    if (speakers_words(p) || p->border) continue;
    if (!place || rank(p) < rank(place)) place = p;
  }
  return place;
}

std::optional<LocationField> location_field(const Document& doc, const PlaceMention* place,
                                            const Gazetteer* gazetteer,
                                            std::vector<std::string>& reasons) {
  if (!place) {
    reasons.push_back("location: none named in the sentence");
    return std::nullopt;
  }
  LocationField f;
  f.text = std::string(doc.slice(place->span));
  f.span = code_points(doc, place->span);
  if (!place->country.empty()) f.country = place->country;
  if (place->precision == "country" && !place->unlisted) {
    // A country alone has no place name: the record says the country and its precision.
    f.precision = "country";
    f.geo_precision = 3;
    reasons.push_back("location: '" + f.text + "', a country named alone");
    return f;
  }
  f.precision = place->precision;
  f.geo_precision = geo_precision(place->precision);
  if (place->place && gazetteer) {
    const Place& g = gazetteer->place(*place->place);
    // A transliteration variant keeps the article's spelling (« Moura » for GeoNames' Mora): it
    // is the name a reader of the article looks for; the entry is in geonameid.
    const std::string written = fold(doc.slice(place->span));
    const bool variant =
        written != fold(g.ascii_name) && written != fold(g.name) &&
        Gazetteer::spelling_key(written) == Gazetteer::spelling_key(fold(g.ascii_name));
    f.name = variant ? std::string(doc.slice(place->span)) : g.ascii_name;
    f.lat = g.lat;
    f.lon = g.lon;
    if (g.geonameid > 0) f.geonameid = g.geonameid;  // areas vigie placed itself have none
    f.feature_code = g.feature_code;
    if (auto a1 = gazetteer->admin1_name(g.country, g.admin1); !a1.empty()) f.admin1 = a1;
  } else if (place->within && gazetteer) {
    // A settlement the gazetteer lacks keeps its name, and takes the coordinates and areas of
    // the area or town the text puts it in; precision says which.
    const Place& g = gazetteer->place(*place->within);
    f.name = f.text;
    f.lat = g.lat;
    f.lon = g.lon;
    if (auto a1 = gazetteer->admin1_name(g.country, g.admin1); !a1.empty()) f.admin1 = a1;
  } else {
    f.name = f.text;
    if (const Country* c = gazetteer && f.country ? gazetteer->country(*f.country) : nullptr) {
      f.lat = c->lat;  // an unlisted settlement in a known country: the country's centre
      f.lon = c->lon;
    }
  }
  reasons.push_back("location: '" + f.text + "' (" + place->rule + ", " + f.precision + ")");
  return f;
}

std::optional<FatalitiesField> toll(const Document& doc,
                                    const std::vector<const CountMention*>& counts,
                                    std::vector<std::string>& killed,
                                    std::vector<std::string>& reasons) {
  std::optional<FatalitiesField> f;
  // "shot and killed a drug trafficker … 1 fatality": a stated total is the toll.
  const auto total = std::find_if(counts.begin(), counts.end(), [](const CountMention* n) {
    return n->what == "killed" && n->total && !n->subset;
  });
  for (const CountMention* n : counts) {
    if (n->what != "killed") continue;
    killed.push_back(n->who);
    if (total != counts.end() && n != *total) continue;
    if (n->subset) {
      reasons.push_back("fatalities: '" + std::string(doc.slice(n->span)) +
                        "' is part of the toll before it, not added");
      continue;
    }
    const NumberMention& number = doc.numbers[n->number];
    if (!f) {
      f = FatalitiesField{};
      f->text = std::string(doc.slice(n->span));
      f->span = code_points(doc, n->span);
    }
    f->best += static_cast<int>(number.best);
    f->low += static_cast<int>(number.low.value_or(number.best));
    f->high += static_cast<int>(number.high.value_or(number.best));
  }
  if (f) reasons.push_back("fatalities: '" + f->text + "' → " + std::to_string(f->best));
  return f;
}

std::optional<SourceField> event_source(const Document& doc, const AttributionMention* said,
                                        const std::vector<const ActorMention*>& actors,
                                        const ActorKnowledgeBase& kb,
                                        std::vector<std::string>& reasons) {
  if (said && said->speaker) {
    const ActorMention& who = *said->speaker;
    std::string status = is_party(who, kb) ? "claimed" : "reported";
    if (said->stance == "denies") {
      status = "denied";
    } else if (said->stance == "confirms" && status == "reported") {
      status = "confirmed";
    } else if (said->unproven) {
      status = "claimed";
    }
    reasons.push_back("source: " + who.name + ", " + status + " (" + said->rule + ")");
    return SourceField{who.name, status, std::string(doc.slice(said->cue)),
                       code_points(doc, said->cue)};
  }
  for (const ActorMention* a : actors) {
    if (const Actor* known = kb.find(a->name); known && known->source) {
      reasons.push_back("source: " + a->name + ", reported (an organisation that reports)");
      return SourceField{a->name, "reported", std::string(doc.slice(a->span)),
                         code_points(doc, a->span)};
    }
  }
  if (doc.meta.source) {
    reasons.push_back("source: the publisher, nobody else is named");
    return SourceField{*doc.meta.source, "reported", "", std::nullopt};
  }
  return std::nullopt;
}

}  // namespace vigie
