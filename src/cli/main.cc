// vigie: conflict news in, event records out. See README.md for the commands.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/eval_command.h"
#include "cli/extract_command.h"
#include "cli/gazetteer_command.h"
#include "cli/ingest_command.h"
#include "cli/query_command.h"
#include "cli/serve_command.h"
#include "version.h"

int main(int argc, char** argv) {
  CLI::App app{"vigie " VIGIE_VERSION " - event data from conflict news (French, English)",
               "vigie"};
  app.set_version_flag("--version,-V", "vigie " VIGIE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 all inputs processed; 1 some inputs reported and skipped; 2 usage error; "
      "3 fatal (output not writable, language data missing); 4 vigie eval scores below "
      "--fail-under.\nRun 'vigie COMMAND --help' for a "
      "command's options.");
  vigie::ExtractOptions extract;
  vigie::add_extract_command(app, extract);
  vigie::ExtractOptions explain;
  vigie::add_explain_command(app, explain);
  vigie::GazetteerOptions gazetteer;
  vigie::add_gazetteer_command(app, gazetteer);
  vigie::EvalOptions eval;
  vigie::add_eval_command(app, eval);
  vigie::IngestOptions ingest;
  vigie::add_ingest_command(app, ingest);
  vigie::QueryOptions query;
  vigie::add_query_command(app, query);
  vigie::QueryOptions stats;
  vigie::add_stats_command(app, stats);
  vigie::ServeOptions serve;
  vigie::add_serve_command(app, serve);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : vigie::kExitUsage;
  }
  if (app.got_subcommand("extract")) return vigie::run_extract(extract);
  if (app.got_subcommand("explain")) return vigie::run_extract(explain);
  if (app.got_subcommand("gazetteer")) return vigie::run_gazetteer(app, gazetteer);
  if (app.got_subcommand("eval")) return vigie::run_eval(eval);
  if (app.got_subcommand("ingest")) return vigie::run_ingest(ingest);
  if (app.got_subcommand("query")) return vigie::run_query(query);
  if (app.got_subcommand("stats")) return vigie::run_stats(stats);
  if (app.got_subcommand("serve")) return vigie::run_serve(serve);
  return vigie::kExitUsage;
}
