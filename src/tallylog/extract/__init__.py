"""The extraction stage: sentences, dates, attribution, count claims and event mentions.

``tallylog.extract`` is also the one obvious entry point for a single text: the package is callable, and
``tallylog.extract(text, published="2024-01-04")`` runs the whole pipeline (``tallylog.pipeline.extract``).
"""
from __future__ import annotations

import sys
import types


class _CallableStage(types.ModuleType):
    def __call__(self, text, **kwargs):
        from tallylog.pipeline import extract

        return extract(text, **kwargs)


sys.modules[__name__].__class__ = _CallableStage
