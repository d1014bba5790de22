#pragma once
// What events and counted groups are, shared by the builder and the merger: which ACLED event
// types are political violence, and which side of a fight a counted group stands on.
#include <string>

namespace vigie {

/// Battles, explosions/remote violence and violence against civilians.
bool is_violent(const std::string& event_type);

/// The side of a group of lang/<code>/counts.tsv: state (soldiers, police, peacekeepers), armed
/// (militants, rebels, attackers…), unarmed (civilians, women, journalists…), or unknown
/// ("people", or unsaid).
enum class Side : char { State, Armed, Unarmed, Unknown };
Side side_of(const std::string& who);

}  // namespace vigie
