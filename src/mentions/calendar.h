#pragma once
// Day arithmetic for date normalisation, on std::chrono's proleptic Gregorian calendar.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::calendar {

using Day = std::chrono::sys_days;

/// A valid date, or nullopt ("2022-02-30").
std::optional<Day> make_day(int year, int month, int day);
/// "2022-04-25" → that day; nullopt unless exactly YYYY-MM-DD and valid.
std::optional<Day> parse_iso(std::string_view text);
std::string format_iso(Day d);

int year_of(Day d);
int month_of(Day d);
int day_of(Day d);
int days_in_month(int year, int month);
/// ISO weekday: 1 = Monday … 7 = Sunday.
int weekday_of(Day d);

/// The latest day on or before `anchor` (or strictly before when `strictly`) with that weekday.
Day previous_weekday(Day anchor, int weekday, bool strictly);
/// The first day after `anchor` with that weekday.
Day next_weekday(Day anchor, int weekday);
/// Monday of the ISO week holding `d`.
Day week_start(Day d);
/// First day of the month `months` months away from the month holding `d`.
Day month_start(Day d, int months);

}  // namespace vigie::calendar
