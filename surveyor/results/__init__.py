"""Campaign results: figures per question, cross-tabs, needs ranked, coded open answers, the
funders' report. Plain Python (no Qt): the Workspace exposes it to the app and the CLI.

See docs/results.md for the definitions and the "API for the UI".
"""

from surveyor.results.compute import (
    SMALL_BASE,
    ChoiceCount,
    Crosstab,
    Engine,
    GroupedResults,
    NumberStats,
    QuestionResult,
    Ranking,
    Results,
    Selection,
)
from surveyor.results.personal import personal_fields

__all__ = [
    "SMALL_BASE",
    "ChoiceCount",
    "Crosstab",
    "Engine",
    "GroupedResults",
    "NumberStats",
    "QuestionResult",
    "Ranking",
    "Results",
    "Selection",
    "personal_fields",
]
