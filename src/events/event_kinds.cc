#include "events/event_kinds.h"

#include <algorithm>
#include <iterator>

namespace vigie {

bool is_violent(const std::string& event_type) {
  return event_type == "Battles" || event_type == "Explosions/Remote violence" ||
         event_type == "Violence against civilians";
}

Side side_of(const std::string& who) {
  static const char* const state[] = {"soldiers", "police", "peacekeepers"};
  static const char* const armed[] = {"militants", "militia",  "rebels",
                                      "attackers", "fighters", "mercenaries"};
  static const char* const unarmed[] = {"civilians", "women",       "children",
                                        "men",       "journalists", "aid workers",
                                        "hostages",  "migrants",    "refugees"};
  auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), who) != std::end(list);
  };
  if (in(state)) return Side::State;
  if (in(armed)) return Side::Armed;
  if (in(unarmed)) return Side::Unarmed;
  return Side::Unknown;
}

}  // namespace vigie
