#include "mentions/calendar.h"

#include <cstdio>

namespace vigie::calendar {
namespace chr = std::chrono;

std::optional<Day> make_day(int year, int month, int day) {
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Day{ymd};
}

std::optional<Day> parse_iso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  y = std::stoi(std::string(t.substr(0, 4)));
  m = std::stoi(std::string(t.substr(5, 2)));
  d = std::stoi(std::string(t.substr(8, 2)));
  return make_day(y, m, d);
}

std::string format_iso(Day d) {
  const chr::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int year_of(Day d) {
  return static_cast<int>(chr::year_month_day{d}.year());
}
int month_of(Day d) {
  return static_cast<int>(static_cast<unsigned>(chr::year_month_day{d}.month()));
}
int day_of(Day d) {
  return static_cast<int>(static_cast<unsigned>(chr::year_month_day{d}.day()));
}

int days_in_month(int year, int month) {
  const chr::year_month_day_last last{
      chr::year{year}, chr::month_day_last{chr::month{static_cast<unsigned>(month)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

int weekday_of(Day d) {
  return static_cast<int>(chr::weekday{d}.iso_encoding());
}

Day previous_weekday(Day anchor, int weekday, bool strictly) {
  Day d = strictly ? anchor - chr::days{1} : anchor;
  while (weekday_of(d) != weekday) d -= chr::days{1};
  return d;
}

Day next_weekday(Day anchor, int weekday) {
  Day d = anchor + chr::days{1};
  while (weekday_of(d) != weekday) d += chr::days{1};
  return d;
}

Day week_start(Day d) {
  return d - chr::days{weekday_of(d) - 1};
}

Day month_start(Day d, int months) {
  const chr::year_month_day ymd{d};
  const chr::year_month ym = chr::year_month{ymd.year(), ymd.month()} + chr::months{months};
  return Day{ym / chr::day{1}};
}

}  // namespace vigie::calendar
