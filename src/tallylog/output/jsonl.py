"""The ``tallylog/extract/v1`` JSON contract."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from tallylog.model import Extraction


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of one line of ``tallylog extract --format json``."""
    path = resources.files("tallylog").joinpath("data", "schema", "extract-v1.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


def validate(obj: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``obj`` breaks the contract."""
    import jsonschema

    jsonschema.validate(obj, schema())


def extraction_json(result: Extraction) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)
