#include "gazetteer/geonames_download.h"

#include <archive.h>
#include <archive_entry.h>
#include <httplib.h>

#include <memory>
#include <regex>

namespace vigie {

bool is_country_code(const std::string& code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

bool read_zip_member(const std::string& zip, const std::string& name, std::string& out,
                     std::string& error) {
  std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), zip.data(), zip.size()) != ARCHIVE_OK) {
    error = archive_error_string(a.get()) ? archive_error_string(a.get()) : "not a ZIP archive";
    return false;
  }
  archive_entry* entry = nullptr;
  int rc;
  while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
    if (name != archive_entry_pathname(entry)) continue;
    out.clear();
    char buffer[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(a.get(), buffer, sizeof buffer)) > 0) {
      out.append(buffer, static_cast<std::size_t>(n));
    }
    if (n < 0) {
      error = name + ": " + (archive_error_string(a.get()) ? archive_error_string(a.get()) : "");
      return false;
    }
    return true;
  }
  if (rc != ARCHIVE_EOF) {
    error = archive_error_string(a.get()) ? archive_error_string(a.get()) : "not a ZIP archive";
    return false;
  }
  error = "no " + name + " inside";
  return false;
}

bool fetch_country_dump(const std::string& base_url, const std::string& code, std::string& dump,
                        std::string& error) {
  // scheme://host[:port] and the path of the folder that holds the dumps.
  static const std::regex kUrl(R"(^(https?://[^/]+)(/.*)?$)");
  std::smatch m;
  if (!std::regex_match(base_url, m, kUrl)) {
    error = base_url + ": not an http:// or https:// URL";
    return false;
  }
  std::string folder = m[2].matched ? m[2].str() : "/";
  if (folder.back() != '/') folder += '/';
  const std::string url = m[1].str() + folder + code + ".zip";
  httplib::Client client(m[1].str());
  client.set_follow_location(true);
  client.set_connection_timeout(15);
  client.set_read_timeout(120);
  const auto response = client.Get(folder + code + ".zip");
  if (!response) {
    error = url + ": no answer (" + httplib::to_string(response.error()) + " error)";
    return false;
  }
  if (response->status != 200) {
    error = url + ": HTTP " + std::to_string(response->status) +
            (response->status == 404 ? " (no dump for this code)" : "");
    return false;
  }
  if (!read_zip_member(response->body, code + ".txt", dump, error)) {
    error = url + ": " + error;
    return false;
  }
  return true;
}

}  // namespace vigie
