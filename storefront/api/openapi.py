"""The OpenAPI 3.1 document describing /api/v1."""

from storefront.catalog.filters import STAR_LEVELS, Sort
from storefront.combos.availability import ComboUnavailable, ComponentProblem
from storefront.combos.models import ComboKind, HeritageKind, Occasion
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

COMBO_FILTERS = [
    _query("q", {"type": "string"}, "Search text; Vietnamese diacritics and case are optional."),
    _query("occasion", {"type": "string", "enum": list(Occasion)}, "Occasion the combo is for."),
    _query("kind", {"type": "string", "enum": list(ComboKind)}, "Gift combo or souvenir bundle."),
    _query("price_min", {"type": "integer", "minimum": 0}, "Lowest combo price in VND."),
    _query("price_max", {"type": "integer", "minimum": 0}, "Highest combo price in VND."),
    _query(
        "min_stars",
        {"type": "integer", "enum": list(STAR_LEVELS)},
        "Every product of the combo has at least this many OCOP stars.",
    ),
    _query("heritage", {"type": "string"}, "Heritage entry slug."),
    _query(
        "province",
        {"type": "integer"},
        "Province code: the heritage entry's province, or the owner's when it has none.",
    ),
    _query("sort", {"type": "string", "enum": list(Sort)}, "Order of the results."),
]

_NAMED = {
    "type": "object",
    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
}

ERROR_RESPONSE = _json(
    "#/components/schemas/Error", "The request was not valid, or nothing matched."
)

_WHOLESALE = {
    "$ref": "#/components/schemas/Wholesale",
    "description": "Only for a signed-in member of an approved shop (its session cookie), "
    "and only for an item the shop has wholesale terms for; absent for everyone else.",
}

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
    "Wholesale": {
        "type": "object",
        "description": "A shop's wholesale terms for an item: the fewest units per order, "
        "and from each quantity on the unit price a line of that many costs (the first tier "
        "starts at the minimum order; prices fall as quantity rises).",
        "required": ["min_quantity", "tiers"],
        "properties": {
            "min_quantity": {"type": "integer", "minimum": 1},
            "tiers": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["min_quantity", "unit_price_vnd"],
                    "properties": {
                        "min_quantity": {"type": "integer", "minimum": 1},
                        "unit_price_vnd": {
                            "type": "integer",
                            "description": "Whole Vietnamese đồng per unit.",
                        },
                    },
                },
            },
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
            "wholesale": _WHOLESALE,
        },
    },
    "Combo": {
        "type": "object",
        "description": "A gift combo or souvenir bundle. Its price and stock derive from its "
        "components; lists hold only combos that can be bought now.",
        "properties": {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "name_en": {"type": ["string", "null"]},
            "kind": {"type": "string", "enum": list(ComboKind)},
            "price_vnd": {"type": "integer", "description": "Whole Vietnamese đồng."},
            "parts_vnd": {"type": "integer", "description": "Its products bought separately."},
            "saving_vnd": {"type": "integer"},
            "saving_percent": {"type": "integer", "description": "Rounded down."},
            "min_stars": {"type": ["integer", "null"], "enum": [*STAR_LEVELS, None]},
            "stock": {
                "type": "integer",
                "description": "Exactly how many combos can be sold now; 0 when unavailable.",
            },
            "available": {"type": "boolean"},
            "unavailable": {
                "type": ["string", "null"],
                "enum": [*ComboUnavailable, None],
                "description": "Why it cannot be bought, or null.",
            },
            "occasions": {"type": "array", "items": {"type": "string", "enum": list(Occasion)}},
            "heritage": {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "slug": {"type": "string"},
                            "name": {"type": "string"},
                            "name_en": {"type": ["string", "null"]},
                            "kind": {"type": "string", "enum": list(HeritageKind)},
                            "province": {"$ref": "#/components/schemas/Unit"},
                            "url": {"type": "string", "format": "uri"},
                        },
                        "description": "slug and name in lists; the rest on the combo's own.",
                    },
                    {"type": "null"},
                ]
            },
            "owner": _NAMED,
            "components": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "product": _NAMED,
                        "quantity": {"type": "integer", "minimum": 1},
                        "unit": {"type": "string"},
                        "stars": {"type": ["integer", "null"]},
                        "producer": _NAMED,
                        "problem": {"type": ["string", "null"], "enum": [*ComponentProblem, None]},
                    },
                },
            },
            "packaging": {
                "type": "array",
                "description": "Packaging the shopper may choose; the first is the default.",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "name_en": {"type": ["string", "null"]},
                        "price_vnd": {"type": "integer"},
                        "in_stock": {"type": "boolean"},
                    },
                },
            },
            "url": {"type": "string", "format": "uri"},
            "image": {"type": ["string", "null"], "format": "uri"},
            "images": {
                "type": "array",
                "items": {"type": "string", "format": "uri"},
                "description": "On the combo's own: its picture and its products' covers.",
            },
            "story": {"type": "string", "description": "On the combo's own; Markdown."},
            "story_en": {"type": ["string", "null"], "description": "On the combo's own."},
            "wholesale": _WHOLESALE,
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
            "whose OCOP certificate is verified and valid today (Vietnam time) appear, and only "
            "combos all of whose products can be bought are listed. Prices are retail; a "
            "request signed in as a member of an approved shop (the store's session cookie) "
            "also gets the shop's wholesale terms of each product and combo under "
            "`wholesale`.",
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
            "/combos": {
                "get": {
                    "summary": "List and search the gift combos that can be bought now",
                    "parameters": COMBO_FILTERS + PAGING,
                    "responses": {
                        "200": {
                            "description": "A page of combos",
                            "content": {
                                "application/json": {
                                    "schema": _list_of("#/components/schemas/Combo")
                                }
                            },
                        },
                        "400": ERROR_RESPONSE,
                    },
                }
            },
            "/combos/{slug}": {
                "get": {
                    "summary": "One published combo, with why it cannot be bought if it cannot",
                    "parameters": [_path("slug", "The combo's slug.")],
                    "responses": {
                        "200": _json("#/components/schemas/Combo", "The combo"),
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
