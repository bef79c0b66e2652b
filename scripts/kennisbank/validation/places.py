"""Where a practice is: the gemeenten it names lie in its arbeidsmarktregio (a warning; the rule and the
lookup are in ``municipalities``)."""

from __future__ import annotations

from ..municipalities import region_warnings
from .context import Context


def municipalities_in_region(ctx: Context) -> None:
    vocabularies = ctx.vocabularies
    ctx.problems += region_warnings(ctx.values, vocabularies.municipalities, vocabularies.regions, ctx.raw)
