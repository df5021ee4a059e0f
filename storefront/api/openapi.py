"""The OpenAPI 3.1 document describing /api/v1."""

from storefront.catalog.filters import STAR_LEVELS, Sort
from storefront.producers.models import ProducerKind


def _query(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def _path(name: str, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "description": description,
    }


def _json(schema_ref: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": schema_ref}}},
    }


PAGING = [
    _query("page", {"type": "integer", "minimum": 1, "default": 1}, "Page number, from 1."),
    _query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": 100, "default": 24},
        "Items per page, at most 100.",
    ),
]

PRODUCT_FILTERS = [
    _query("q", {"type": "string"}, "Search text; Vietnamese diacritics and case are optional."),
    _query(
        "stars",
        {"type": "array", "items": {"type": "integer", "enum": list(STAR_LEVELS)}},
        "OCOP star levels, repeated or comma-separated.",
    ),
    _query("category", {"type": "string"}, "Category slug (includes its sub-categories)."),
    _query("producer", {"type": "string"}, "Producer slug."),
    _query("province", {"type": "integer"}, "Province code (current two-level units)."),
    _query("ward", {"type": "integer"}, "Ward code (current two-level units)."),
    _query("producer_kind", {"type": "string", "enum": list(ProducerKind)}, "Kind of producer."),
    _query("price_min", {"type": "integer", "minimum": 0}, "Lowest price in VND."),
    _query("price_max", {"type": "integer", "minimum": 0}, "Highest price in VND."),
    _query(
        "in_stock",
        {"type": "string", "enum": ["1", "0", "true", "false"]},
        "Only products in stock.",
    ),
    _query("sort", {"type": "string", "enum": list(Sort)}, "Order of the results."),
]

ERROR_RESPONSE = _json(
    "#/components/schemas/Error", "The request was not valid, or nothing matched."
)

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "details": {"type": "object"},
                },
            }
        },
    },
    "Certificate": {
        "type": "object",
        "properties": {
            "stars": {"type": "integer", "enum": list(STAR_LEVELS)},
            "decision_number": {"type": "string"},
            "issuing_body": {"type": "string", "enum": ["provincial", "central"]},
            "issued_on": {"type": "string", "format": "date"},
            "expires_on": {"type": "string", "format": "date"},
        },
    },
    "Unit": {
        "type": "object",
        "properties": {"code": {"type": "integer"}, "name": {"type": "string"}},
    },
    "Producer": {
        "type": "object",
        "properties": {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": list(ProducerKind)},
            "province": {"$ref": "#/components/schemas/Unit"},
            "ward": {"$ref": "#/components/schemas/Unit"},
            "url": {"type": "string", "format": "uri"},
            "listed_products": {"type": "integer"},
        },
    },
    "Product": {
        "type": "object",
        "properties": {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "name_en": {"type": ["string", "null"]},
            "unit": {"type": "string"},
            "price_vnd": {"type": "integer", "description": "Whole Vietnamese đồng."},
            "in_stock": {"type": "boolean"},
            "stock": {"type": "integer"},
            "stars": {"type": "integer", "enum": list(STAR_LEVELS)},
            "certificate": {"$ref": "#/components/schemas/Certificate"},
            "producer": {"$ref": "#/components/schemas/Producer"},
            "images": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "url": {"type": "string", "format": "uri"},
        },
    },
}


def _list_of(ref: str) -> dict:
    return {
        "type": "object",
        "required": ["items", "total", "page", "per_page"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": ref}},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
        },
    }


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "OCOP storefront API",
            "version": "1",
            "description": "Read-only access to the certified OCOP catalogue. Only products "
            "whose OCOP certificate is verified and valid today (Vietnam time) appear.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/products": {
                "get": {
                    "summary": "List and search certified products",
                    "parameters": PRODUCT_FILTERS + PAGING,
                    "responses": {
                        "200": {
                            "description": "A page of products",
                            "content": {
                                "application/json": {
                                    "schema": _list_of("#/components/schemas/Product")
                                }
                            },
                        },
                        "400": ERROR_RESPONSE,
                    },
                }
            },
            "/products/{slug}": {
                "get": {
                    "summary": "One certified product",
                    "parameters": [_path("slug", "The product's slug.")],
                    "responses": {
                        "200": _json("#/components/schemas/Product", "The product"),
                        "404": ERROR_RESPONSE,
                    },
                }
            },
            "/producers": {
                "get": {
                    "summary": "List approved producers",
                    "parameters": [
                        _query(
                            "producer_kind",
                            {"type": "string", "enum": list(ProducerKind)},
                            "Kind of producer.",
                        ),
                        *PAGING,
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of producers",
                            "content": {
                                "application/json": {
                                    "schema": _list_of("#/components/schemas/Producer")
                                }
                            },
                        },
                        "400": ERROR_RESPONSE,
                    },
                }
            },
            "/producers/{slug}": {
                "get": {
                    "summary": "One approved producer",
                    "parameters": [_path("slug", "The producer's slug.")],
                    "responses": {
                        "200": _json("#/components/schemas/Producer", "The producer"),
                        "404": ERROR_RESPONSE,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
