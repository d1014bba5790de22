#include "api/openapi.h"

namespace vigie {

namespace {

// Kept beside the routes (api_server.cc); tests/api_test.cc checks that every route is described
// and every described path answers.
constexpr std::string_view kOpenApi = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "vigie",
    "version": "1",
    "description": "Event data from conflict news: extraction, the event store, incidents across articles. Records follow the vigie.event/1 contract. Errors are {\"error\": message, \"status\": code}."
  },
  "servers": [{"url": "/"}],
  "components": {
    "parameters": {
      "country": {"name": "country", "in": "query", "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"}, "description": "ISO 3166-1 alpha-2 code"},
      "from": {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "events whose days end on or after this day"},
      "to": {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "events whose days start on or before this day"},
      "type": {"name": "type", "in": "query", "schema": {"type": "string"}, "description": "an ACLED event type or sub-event type"},
      "actor": {"name": "actor", "in": "query", "schema": {"type": "string"}, "description": "part of an actor's name, any role, case-insensitive"},
      "near": {"name": "near", "in": "query", "schema": {"type": "string", "example": "14.33,-4.60,50"}, "description": "LAT,LON,KM"},
      "text": {"name": "text", "in": "query", "schema": {"type": "string"}, "description": "words of the article text, all of them, accents ignored"},
      "incident": {"name": "incident", "in": "query", "schema": {"type": "integer"}},
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
      "offset": {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
      "published": {"name": "published", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "publication date for a body that carries none"},
      "lang": {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["fr", "en"]}},
      "id": {"name": "id", "in": "query", "schema": {"type": "string"}, "description": "the document's id (default: from its content hash)"}
    },
    "requestBodies": {
      "Article": {
        "required": true,
        "content": {
          "application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"}, "published": {"type": "string"}, "source": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"}, "lang": {"type": "string"}}}},
          "text/plain": {"schema": {"type": "string"}},
          "text/html": {"schema": {"type": "string"}}
        }
      }
    },
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
      "Event": {"type": "object", "description": "a vigie.event/1 record; from the store, incident_id is the store's incident and store gives its ids"},
      "Incident": {"type": "object", "description": "merged fields, each with its rule, and every account"}
    },
    "responses": {
      "BadRequest": {"description": "a parameter or the body is malformed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "no such item", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/extract": {
      "post": {
        "summary": "Extract events from one article; nothing is stored",
        "parameters": [{"$ref": "#/components/parameters/published"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/id"}],
        "requestBody": {"$ref": "#/components/requestBodies/Article"},
        "responses": {
          "200": {"description": "the document's language and text (offsets count code points in it) and its events; a text over 1 MiB is read in parts (document.parts), and parts that cannot be read are listed in problems", "content": {"application/json": {"schema": {"type": "object", "properties": {"document": {"type": "object"}, "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "403": {"description": "another Origin, or on loopback another Host"},
          "411": {"description": "a chunked body: send Content-Length"},
          "413": {"description": "body larger than the server's limit"},
          "422": {"description": "the article cannot be read (language, no text)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/documents": {
      "post": {
        "summary": "Extract and store one article; the same bytes are stored once",
        "parameters": [{"$ref": "#/components/parameters/published"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/id"}],
        "requestBody": {"$ref": "#/components/requestBodies/Article"},
        "responses": {
          "201": {"description": "stored: document_id, events, new_incidents, joined_incidents; a text over 1 MiB is stored in parts, each answered under parts, with totals"},
          "200": {"description": "already stored (added: false)"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "the server has a token and the request no Authorization: Bearer with it"},
          "403": {"description": "writes are off (vigie serve --allow-writes or --token), or another Origin or Host"},
          "411": {"description": "a chunked body: send Content-Length"},
          "413": {"description": "body larger than the server's limit"},
          "422": {"description": "the article cannot be read"}
        }
      }
    },
    "/documents/{id}": {
      "get": {
        "summary": "A stored document: metadata and text",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "the document"}, "404": {"$ref": "#/components/responses/NotFound"}}
      }
    },
    "/events": {
      "get": {
        "summary": "Stored records matching every filter, the latest first, one page",
        "parameters": [{"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/near"}, {"$ref": "#/components/parameters/text"}, {"$ref": "#/components/parameters/incident"}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"}],
        "responses": {
          "200": {"description": "total, limit, offset and the page of events", "content": {"application/json": {"schema": {"type": "object", "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/points": {
      "get": {
        "summary": "Every record matching the filters that has coordinates, or every incident of those records at its merged place, as map points, the latest first (up to 20,000 by default)",
        "parameters": [{"name": "of", "in": "query", "schema": {"type": "string", "enum": ["events", "incidents"], "default": "events"}, "description": "events: one point per record (fields id, lat, lon, event_type, date, location, fatalities); incidents: one per incident (fields id, lat, lon, event_type, date, fatalities, reports)"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/near"}, {"$ref": "#/components/parameters/text"}, {"$ref": "#/components/parameters/incident"}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 20000, "default": 20000}}, {"$ref": "#/components/parameters/offset"}],
        "responses": {
          "200": {"description": "of, total (records or incidents matching, with or without coordinates), limit, offset, fields and points, one array of those fields each", "content": {"application/json": {"schema": {"type": "object", "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "fields": {"type": "array", "items": {"type": "string"}}, "points": {"type": "array", "items": {"type": "array"}}}}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/events/{id}": {
      "get": {
        "summary": "One record with its evidence (field, span, words), its document with the text, and its incident",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "event, evidence, document, incident"}, "404": {"$ref": "#/components/responses/NotFound"}}
      }
    },
    "/incidents": {
      "get": {
        "summary": "Incidents with at least one record matching the filters, one page",
        "parameters": [{"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/near"}, {"$ref": "#/components/parameters/text"}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"}],
        "responses": {"200": {"description": "total, limit, offset and the page of incidents"}, "400": {"$ref": "#/components/responses/BadRequest"}}
      }
    },
    "/incidents/{id}": {
      "get": {
        "summary": "One incident and all its records",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "incident and events"}, "404": {"$ref": "#/components/responses/NotFound"}}
      }
    },
    "/stats": {
      "get": {
        "summary": "Counts of records, incidents and deaths, grouped",
        "parameters": [{"name": "by", "in": "query", "schema": {"type": "string", "example": "week,type"}, "description": "comma-separated: week, month, type, country, actor (default: week,type)"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/near"}, {"$ref": "#/components/parameters/text"}],
        "responses": {"200": {"description": "events, incidents, by_<key> lists of {key, events, incidents, fatalities}"}, "400": {"$ref": "#/components/responses/BadRequest"}}
      }
    },
    "/openapi.json": {
      "get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3.0"}}}
    }
  }
})json";

}  // namespace

std::string_view openapi_json() {
  return kOpenApi;
}

}  // namespace vigie
