"""The report's sentences in French and English (the report is made by the core, without Qt,
so its words live here rather than in Qt's translations). French is the default."""

from __future__ import annotations

LANGUAGES = ("fr", "en")

_TEXTS: dict[str, tuple[str, str]] = {
    # key: (French, English)
    "title": ("Résultats de l'enquête", "Survey results"),
    "generated": (
        "Rapport établi le {date} avec Surveyor.",
        "Report made on {date} with Surveyor.",
    ),
    "method": ("La campagne et sa méthode", "The campaign and its method"),
    "method_text": (
        "{interviews} entretiens ont été menés du {first} au {last} par {interviewers} "
        "enquêteurs et enquêtrices bénévoles, avec le questionnaire « {form} ».",
        "{interviews} interviews were made from {first} to {last} by {interviewers} "
        "volunteer interviewers, with the questionnaire “{form}”.",
    ),
    "method_counted": (
        "Chaque entretien est compté dans sa dernière version (une correction remplace "
        "l'entretien qu'elle corrige) ; les brouillons et les entretiens supprimés ne sont pas "
        "comptés.",
        "Each interview is counted in its latest version (a correction replaces the interview "
        "it corrects); drafts and deleted interviews are not counted.",
    ),
    "fieldwork": ("Le porte-à-porte", "Door to door"),
    "response_rate": (
        "Taux de réponse : {rate} (entretiens menés sur les portes visitées, hors logements "
        "vacants et hors champ).",
        "Response rate: {rate} (interviews made out of the doors visited, vacant and "
        "ineligible ones left out).",
    ),
    "step": ("Étape", "Step"),
    "fw_doors": ("Portes de la liste", "Doors on the list"),
    "fw_visited": ("Portes visitées", "Doors visited"),
    "fw_contacted": ("Portes où quelqu'un a été rencontré", "Doors where someone was met"),
    "fw_refused": ("Refus", "Refusals"),
    "fw_done": ("Entretiens menés", "Interviews made"),
    "count": ("Nombre", "Number"),
    "profile": ("Qui a répondu", "Who answered"),
    "needs": ("Les besoins, par ordre d'importance", "Needs, most frequent first"),
    "needs_text": (
        "Part des personnes ayant répondu qui citent chaque besoin (plusieurs réponses "
        "possibles, le total dépasse donc 100 %). Base : {base} personnes.",
        "Share of the people who answered citing each need (several answers possible, so the "
        "total exceeds 100%). Base: {base} people.",
    ),
    "needs_by": ("Les besoins selon « {by} »", "Needs by “{by}”"),
    "questions": ("Les réponses, question par question", "The answers, question by question"),
    "crosstabs": ("Tris croisés", "Cross-tabulations"),
    "themes": ("Les réponses libres, par thème", "Open answers, by theme"),
    "quotes": ("Quelques réponses", "A few answers"),
    "definitions": ("Définitions", "Definitions"),
    "answer": ("Réponse", "Answer"),
    "people": ("Nombre", "Number"),
    "percent": ("%", "%"),
    "total": ("Total", "Total"),
    "theme": ("Thème", "Theme"),
    "base_line": (
        "Base : {base} {unit} ayant répondu sur {asked} à qui la question a été posée "
        "({missing} sans réponse).",
        "Base: {base} {unit} who answered out of {asked} asked ({missing} without an answer).",
    ),
    "unit_interview": ("personnes", "people"),
    "unit_member": ("membres des foyers", "household members"),
    "multiple_note": (
        "Plusieurs réponses possibles : les pourcentages sont calculés sur les personnes ayant "
        "répondu et leur total dépasse 100 %.",
        "Several answers possible: percentages are of the people who answered and add up to "
        "more than 100%.",
    ),
    "stat": ("Indicateur", "Statistic"),
    "value": ("Valeur", "Value"),
    "n": ("Nombre de réponses", "Number of answers"),
    "mean": ("Moyenne", "Mean"),
    "median": ("Médiane", "Median"),
    "q1": ("Premier quartile", "First quartile"),
    "q3": ("Troisième quartile", "Third quartile"),
    "min": ("Minimum", "Minimum"),
    "max": ("Maximum", "Maximum"),
    "from_to": ("de {a} à {b}", "from {a} to {b}"),
    "month": ("Mois", "Month"),
    "dates_line": ("Du {first} au {last}.", "From {first} to {last}."),
    "verbatim_count": (
        "{n} réponses libres (voir les thèmes ci-dessous lorsqu'elles ont été codées).",
        "{n} open answers (see the themes below when they have been coded).",
    ),
    "crosstab_title": ("« {a} » selon « {b} »", "“{a}” by “{b}”"),
    "crosstab_note": (
        "Pourcentages en ligne : la part de chaque colonne parmi les {unit} de la ligne qui ont "
        "répondu aux deux questions. Base : {total}.",
        "Row percentages: the share of each column among the row's {unit} who answered both "
        "questions. Base: {total}.",
    ),
    "small_warning": (
        "Attention : certaines bases comptent moins de {n} réponses (marquées *) ; leurs "
        "pourcentages sont fragiles.",
        "Caution: some bases are under {n} answers (marked *); their percentages are fragile.",
    ),
    "theme_note": (
        "{n} réponses libres à la question « {q} » ; une réponse peut relever de plusieurs thèmes.",
        "{n} open answers to the question “{q}”; an answer may belong to several themes.",
    ),
    "ref_heading": ("Répondants / Quartier : {label}", "Respondents / Neighbourhood: {label}"),
    "def_reference": (
        "Répondants / Quartier : la part des répondants dans chaque catégorie, comparée à la "
        "part de la population du quartier selon la source indiquée ; l'écart est en points "
        "(répondants − quartier). Un écart montre qui l'enquête a moins ou plus touché.",
        "Respondents / Neighbourhood: the share of the respondents in each category, compared "
        "with the share of the neighbourhood's population by the source given; the difference "
        "is in points (respondents − neighbourhood). A difference shows whom the survey "
        "reached less or more.",
    ),
    "ref_respondents": ("Répondants", "Respondents"),
    "ref_neighbourhood": ("Quartier", "Neighbourhood"),
    "ref_difference": ("Écart (points)", "Difference (points)"),
    "ref_base": (
        "Base : {base} {unit} ayant répondu.",
        "Base: {base} {unit} who answered.",
    ),
    "ref_source": (
        "Source des chiffres du quartier : {source}.",
        "Neighbourhood figures: {source}.",
    ),
    "ref_source_year": (
        "Source des chiffres du quartier : {source} ({year}).",
        "Neighbourhood figures: {source} ({year}).",
    ),
    "ref_outside": (
        "{n} réponses hors des tranches de la source ne sont pas comptées.",
        "{n} answers outside the source's bands are not counted.",
    ),
    "def_asked": (
        "Personnes interrogées : les entretiens où la question a été posée (selon les conditions "
        "du questionnaire, une question peut ne pas concerner tout le monde).",
        "Asked: the interviews where the question was asked (by the questionnaire's conditions, "
        "a question may not concern everyone).",
    ),
    "def_base": (
        "Base : le nombre de personnes ayant répondu à la question ; les pourcentages sont "
        "calculés sur cette base.",
        "Base: the number of people who answered the question; percentages are of this base.",
    ),
    "def_missing": (
        "Sans réponse : les personnes à qui la question a été posée et qui n'ont pas répondu.",
        "Without an answer: people asked the question who did not answer.",
    ),
    "def_multiple": (
        "Questions à plusieurs réponses : chaque pourcentage est la part des personnes ayant "
        "répondu qui ont coché ce choix ; le total dépasse 100 %.",
        "Questions with several answers: each percentage is the share of the people who "
        "answered who ticked that choice; the total exceeds 100%.",
    ),
    "def_small": (
        "Petits effectifs : un pourcentage calculé sur moins de {n} réponses est marqué * et "
        "doit être lu avec prudence.",
        "Small numbers: a percentage of fewer than {n} answers is marked * and should be read "
        "with care.",
    ),
    "def_members": (
        "Questions sur les membres du foyer : elles sont comptées par personne du foyer, et non "
        "par entretien.",
        "Questions about household members: they are counted per household member, not per "
        "interview.",
    ),
    "def_rate": (
        "Taux de réponse : les entretiens menés rapportés aux portes visitées, hors logements "
        "vacants et personnes hors champ.",
        "Response rate: the interviews made divided by the doors visited, vacant homes and "
        "ineligible people left out.",
    ),
    "def_privacy": (
        "Aucune donnée personnelle (nom, téléphone, courriel, ou champ marqué personnel) "
        "n'apparaît dans ce rapport ; dans les réponses libres citées, les numéros de "
        "téléphone, les adresses électroniques et ce que la personne a donné dans les champs "
        "personnels (son nom, sa rue…) sont masqués.",
        "No personal data (name, phone, e-mail, or field marked personal) appears in this "
        "report; in the open answers quoted, phone numbers, e-mail addresses and what the "
        "person gave in the personal fields (their name, their street…) are masked.",
    ),
    "masked": ("[masqué]", "[masked]"),
    # a number question's bands (surveyor/results/bands.py)
    "band_under": ("moins de {high}", "under {high}"),
    "band_over": ("{low} et plus", "{low} and over"),
    "band_between": ("de {low} à moins de {high}", "{low} to under {high}"),
    "page": ("Page {n}", "Page {n}"),
}


def text(key: str, language: str = "fr", **values) -> str:
    """The sentence ``key`` in ``language`` ("fr" or "en"), with ``values`` put in."""
    french, english = _TEXTS[key]
    sentence = english if language == "en" else french
    return sentence.format(**values) if values else sentence


def number(value: float | int | None, language: str = "fr", digits: int = 1) -> str:
    """A number as written in the language: ``12,5`` in French, ``12.5`` in English."""
    if value is None:
        return "–"
    if float(value).is_integer():
        out = f"{int(value):,}".replace(",", "\u202f" if language == "fr" else ",")
        return out
    out = f"{value:,.{digits}f}"
    if language == "fr":
        out = out.replace(",", "\u202f").replace(".", ",")
    return out


def percent(value: float | None, language: str = "fr") -> str:
    if value is None:
        return "–"
    body = f"{value:.1f}"
    return body.replace(".", ",") + "\u00a0%" if language == "fr" else body + "%"


def points(value: float | None, language: str = "fr") -> str:
    """A difference in points, signed, one decimal: ``+6,3``, ``−15,7`` (``0,0`` unsigned)."""
    if value is None:
        return "–"
    body = f"{abs(value):.1f}"
    sign = "" if body == "0.0" else ("+" if value > 0 else "\u2212")
    return sign + (body.replace(".", ",") if language == "fr" else body)


def date(iso: str | None, language: str = "fr") -> str:
    """``2026-11-20`` as ``20/11/2026`` (French) or ``2026-11-20`` (English)."""
    if not iso:
        return "–"
    if language == "fr" and len(iso) >= 10:
        return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
    return iso[:10]


__all__ = ["LANGUAGES", "date", "number", "percent", "points", "text"]
