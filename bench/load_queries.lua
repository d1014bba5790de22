-- The queries of the load test (bench/load_test.sh): what an analyst's map and table ask for,
-- in turn. Filters and pages vary so the store, not a cache, answers.
local paths = {
  "/events?limit=50",
  "/events?country=ML&limit=50",
  "/events?country=BF&from=2023-01-01&to=2023-03-31&limit=100",
  "/events?type=Battles&limit=50&offset=200",
  "/events?actor=JNIM&limit=50",
  "/events?near=14.10,-1.63,50&limit=100",
  "/events?from=2024-01-01&to=2024-01-31&limit=100",
  "/events?type=Violence%20against%20civilians&country=NE&limit=50",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
