#pragma once
#include <string_view>

namespace vigie {

/// The OpenAPI 3.0 description of vigie's HTTP API, served at /openapi.json.
std::string_view openapi_json();

}  // namespace vigie
