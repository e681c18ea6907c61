"""Campaign results: figures per question, cross-tabs, needs ranked, coded open answers, the
funders' report. Plain Python (no Qt): the Workspace exposes it to the app and the CLI.

See docs/results.md for the definitions and the "API for the UI".
"""

from surveyor.results.compute import SMALL_BASE
from surveyor.results.compute import ChoiceCount
from surveyor.results.compute import Crosstab
from surveyor.results.compute import Engine
from surveyor.results.compute import GroupedResults
from surveyor.results.compute import NumberStats
from surveyor.results.compute import QuestionResult
from surveyor.results.compute import Ranking
from surveyor.results.compute import Results
from surveyor.results.compute import Selection
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
