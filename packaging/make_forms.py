"""Generate the two XLSForm workbooks that Surveyor ships in ``forms/``.

    uv run python packaging/make_forms.py            # writes forms/*.xlsx
    uv run python packaging/make_forms.py --out DIR  # writes them elsewhere

This script is the source of the bundled forms: edit it, run it, and commit both the script
and the regenerated workbooks (``tests/test_bundled_forms.py`` checks that they agree).
An association that wants its own variant can also open a generated workbook in Excel or
LibreOffice and edit it directly: the sheets are plain XLSForm (https://xlsform.org).

French is the default language, with English translations in ``::English (en)`` columns.
Every label, hint and message is written as a ``(french, english)`` pair below.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FR = "Français (fr)"
EN = "English (en)"
LANGUAGES = (FR, EN)

#: Columns of the survey sheet, in order. Translated columns get one column per language.
SURVEY_COLUMNS = (
    "type",
    "name",
    "label*",
    "hint*",
    "required",
    "required_message*",
    "relevant",
    "constraint",
    "constraint_message*",
    "calculation",
    "default",
    "choice_filter",
    "appearance",
)
TRANSLATED = ("label", "hint", "constraint_message", "required_message")

#: Width (in characters) of each kind of column, so that a coordinator can read the sheet.
WIDTHS = {
    "type": 30,
    "name": 28,
    "label": 60,
    "hint": 45,
    "required": 14,
    "required_message": 34,
    "relevant": 42,
    "constraint": 36,
    "constraint_message": 40,
    "calculation": 40,
    "default": 16,
    "choice_filter": 34,
    "appearance": 14,
    "list_name": 22,
    "form_title": 44,
    "form_id": 24,
    "version": 14,
    "default_language": 18,
    "instance_name": 60,
}

REQUIRED_MSG = (
    "Cette réponse est nécessaire pour continuer.",
    "This answer is needed to continue.",
)
METADATA = ("start", "end", "today", "deviceid", "username")


def expand(columns) -> list[str]:
    """``label*`` becomes ``label::Français (fr)``, ``label::English (en)``."""
    out: list[str] = []
    for col in columns:
        if col.endswith("*"):
            out.extend(f"{col[:-1]}::{lang}" for lang in LANGUAGES)
        else:
            out.append(col)
    return out


def _flatten(values: dict) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in values.items():
        if value in (None, "", False):
            continue
        if key in TRANSLATED:
            fr, en = value
            flat[f"{key}::{FR}"] = fr
            flat[f"{key}::{EN}"] = en
        else:
            flat[key] = "yes" if value is True else str(value)
    return flat


@dataclass
class Form:
    """One XLSForm: survey rows, choice rows and settings, in sheet order."""

    title: str
    form_id: str
    version: str
    instance_name: str
    survey: list[dict[str, str]] = field(default_factory=list)
    choices: list[dict[str, str]] = field(default_factory=list)
    choice_extra_columns: list[str] = field(default_factory=list)

    # -- survey rows -----------------------------------------------------------------------
    def row(self, type_: str, name: str = "", label=None, **values) -> None:
        if values.get("required") is True and "required_message" not in values:
            values["required_message"] = REQUIRED_MSG
        self.survey.append(_flatten({"type": type_, "name": name, "label": label, **values}))

    def q(self, type_: str, name: str, label, **values) -> None:
        self.row(type_, name, label, **values)

    def note(self, name: str, label, **values) -> None:
        self.row("note", name, label, **values)

    def calc(self, name: str, calculation: str) -> None:
        self.row("calculate", name, calculation=calculation)

    def begin_group(self, name: str, label, **values) -> None:
        self.row("begin group", name, label, **values)

    def end_group(self, name: str) -> None:
        self.row("end group", name)

    def begin_repeat(self, name: str, label, **values) -> None:
        self.row("begin repeat", name, label, **values)

    def end_repeat(self, name: str) -> None:
        self.row("end repeat", name)

    def metadata(self) -> None:
        for meta in METADATA:
            self.row(meta, meta)

    # -- choices ---------------------------------------------------------------------------
    def choice_list(self, list_name: str, items, **filters) -> None:
        """``items`` is a sequence of ``(name, french, english)`` or, with filter columns,
        ``(name, french, english, {column: value})``."""
        for item in items:
            name, fr, en, *rest = item
            extra = rest[0] if rest else filters
            for column in extra:
                if column not in self.choice_extra_columns:
                    self.choice_extra_columns.append(column)
            self.choices.append(
                {"list_name": list_name, "name": name, **_flatten({"label": (fr, en)}), **extra}
            )

    # -- workbook --------------------------------------------------------------------------
    def sheets(self) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
        settings = {
            "form_title": self.title,
            "form_id": self.form_id,
            "version": self.version,
            "default_language": FR,
            "instance_name": self.instance_name,
        }
        choice_columns = ["list_name", "name", *expand(["label*"]), *self.choice_extra_columns]
        return {
            "survey": (expand(SURVEY_COLUMNS), self.survey),
            "choices": (choice_columns, self.choices),
            "settings": (list(settings), [settings]),
        }

    def write(self, path: Path) -> None:
        wb = Workbook()
        wb.remove(wb.active)
        header_font = Font(bold=True, color="FFFFFF")
        header_fill = PatternFill("solid", fgColor="2F5D62")
        for sheet_name, (columns, rows) in self.sheets().items():
            ws = wb.create_sheet(sheet_name)
            ws.append(columns)
            for row in rows:
                unknown = set(row) - set(columns)
                if unknown:
                    raise ValueError(f"{self.form_id}/{sheet_name}: unknown columns {unknown}")
                ws.append([row.get(column, None) for column in columns])
            for index, column in enumerate(columns, start=1):
                cell = ws.cell(row=1, column=index)
                cell.font = header_font
                cell.fill = header_fill
                base = column.split("::")[0]
                ws.column_dimensions[get_column_letter(index)].width = WIDTHS.get(base, 18)
            wrap = Alignment(wrap_text=True, vertical="top")
            for row_cells in ws.iter_rows(min_row=2):
                for cell in row_cells:
                    if cell.value is not None:
                        cell.alignment = wrap
            ws.freeze_panes = "A2"
            ws.auto_filter.ref = ws.dimensions
        wb.properties.title = self.title
        wb.properties.creator = "Surveyor"
        wb.properties.created = datetime(2026, 11, 22)
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)


# ---------------------------------------------------------------------------------------------
# Choice lists shared by both forms
# ---------------------------------------------------------------------------------------------

YES_NO = [("yes", "Oui", "Yes"), ("no", "Non", "No")]
YES_MAYBE_NO = [("yes", "Oui", "Yes"), ("maybe", "Peut-être", "Maybe"), ("no", "Non", "No")]

NEEDS = [
    ("childcare", "Garde d'enfants", "Childcare"),
    (
        "repair",
        "Réparation et réemploi d'appareils (électroménager, vélo…)",
        "Repair and reuse of appliances (household appliances, bikes…)",
    ),
    (
        "digital",
        "Aide à l'informatique et aux démarches en ligne",
        "Help with computers and online paperwork",
    ),
    ("mobility", "Transport, déplacements", "Transport, getting around"),
    ("meals", "Repas", "Meals"),
    (
        "home_help",
        "Aide à domicile (ménage, petit bricolage, jardinage…)",
        "Help at home (cleaning, small repairs, gardening…)",
    ),
    ("language", "Cours de langue (français…)", "Language courses (French…)"),
]

NEED_DETAILS = {
    "childcare": [
        (
            "early_late_care",
            "Garde tôt le matin ou le soir (horaires décalés)",
            "Care early in the morning or in the evening (shift work)",
        ),
        (
            "wednesday_holidays",
            "Le mercredi et pendant les vacances scolaires",
            "On Wednesdays and during school holidays",
        ),
        (
            "school_pickup",
            "Accompagner les enfants à l'école ou les chercher",
            "Taking children to school or picking them up",
        ),
        ("under3_care", "Garde des enfants de moins de 3 ans", "Care for children under 3"),
        (
            "occasional_care",
            "Garde ponctuelle (rendez-vous, urgence)",
            "Occasional care (appointments, emergencies)",
        ),
        ("homework_help", "Aide aux devoirs", "Homework help"),
    ],
    "repair": [
        (
            "large_appliance",
            "Gros électroménager (lave-linge, réfrigérateur…)",
            "Large appliances (washing machine, fridge…)",
        ),
        (
            "small_appliance",
            "Petit électroménager (aspirateur, cafetière…)",
            "Small appliances (vacuum cleaner, coffee maker…)",
        ),
        ("bike_repair", "Vélo", "Bike"),
        ("phone_computer_repair", "Téléphone, ordinateur", "Phone, computer"),
        ("clothes_sewing", "Vêtements, couture", "Clothes, sewing"),
        ("furniture", "Meubles", "Furniture"),
    ],
    "digital": [
        (
            "online_procedures",
            "Démarches en ligne (CAF, impôts, France Travail, Ameli…)",
            "Online paperwork (family benefits, taxes, job centre, health insurance…)",
        ),
        (
            "email_accounts",
            "Messagerie, mots de passe, comptes en ligne",
            "Email, passwords, online accounts",
        ),
        (
            "computer_basics",
            "Se servir d'un ordinateur ou d'une tablette",
            "Using a computer or a tablet",
        ),
        ("smartphone_use", "Se servir d'un smartphone", "Using a smartphone"),
        (
            "equipment",
            "S'équiper (ordinateur, connexion internet)",
            "Getting equipment (computer, internet connection)",
        ),
        (
            "printing_scanning",
            "Imprimer ou scanner des documents",
            "Printing or scanning documents",
        ),
    ],
    "mobility": [
        ("medical_trips", "Aller aux rendez-vous médicaux", "Getting to medical appointments"),
        ("shopping_trips", "Faire les courses", "Going shopping"),
        ("work_training_trips", "Aller au travail ou en formation", "Getting to work or training"),
        ("driving_licence_prep", "Passer le permis de conduire", "Getting a driving licence"),
        ("learn_cycling", "Apprendre à faire du vélo", "Learning to ride a bike"),
        ("admin_trips", "Se rendre dans les administrations", "Getting to public offices"),
    ],
    "meals": [
        ("ready_meals", "Repas préparés ou livrés à domicile", "Ready-made or delivered meals"),
        ("shared_meals", "Repas partagés, lieu convivial", "Shared meals, a friendly place to eat"),
        ("cooking_workshops", "Ateliers cuisine", "Cooking workshops"),
        ("grocery_help", "Aide pour les courses alimentaires", "Help with food shopping"),
        (
            "children_meals",
            "Repas pour les enfants (cantine, goûter)",
            "Meals for children (canteen, snack)",
        ),
    ],
    "home_help": [
        ("cleaning", "Ménage, repassage", "Cleaning, ironing"),
        ("small_diy", "Petit bricolage", "Small DIY jobs"),
        ("gardening", "Jardinage", "Gardening"),
        (
            "elderly_company",
            "Visites, compagnie pour une personne âgée",
            "Visits, company for an elderly person",
        ),
        ("moving_help", "Aide pour un déménagement", "Help with moving house"),
    ],
    "language": [
        ("spoken_french", "Parler le français au quotidien", "Speaking French in everyday life"),
        ("literacy", "Lire et écrire le français", "Reading and writing French"),
        ("work_french", "Le français pour le travail", "French for work"),
        ("other_language", "Une autre langue", "Another language"),
    ],
}

FREQUENCY = [
    ("daily", "Tous les jours ou presque", "Every day or nearly"),
    ("weekly", "Chaque semaine", "Every week"),
    ("monthly", "Chaque mois", "Every month"),
    ("few_times_year", "Quelques fois par an", "A few times a year"),
    ("rarely", "Rarement", "Rarely"),
]


def none_exclusive(field: str = ".") -> str:
    """Constraint: the ``none`` answer of a select_multiple cannot be combined."""
    return f"not(selected({field}, 'none') and count-selected({field}) > 1)"


NONE_EXCLUSIVE_MSG = (
    "« Aucun » ne peut pas être coché avec une autre réponse.",
    "“None” cannot be ticked together with another answer.",
)


def add_need_choices(form: Form, list_name: str, extra=(), none_label=None) -> None:
    items = [*NEEDS, *extra, ("other", "Autre besoin", "Another need")]
    if none_label:
        items.append(("none", *none_label))
    form.choice_list(list_name, items)


def add_contact_section(form: Form, consent_yes: str, who: tuple[str, str], extra=None) -> None:
    form.begin_group(
        "contact",
        ("Pour vous recontacter", "Getting back in touch"),
        relevant=consent_yes,
    )
    form.q(
        "select_one yes_no",
        "recontact_consent",
        (
            f"Acceptez-vous que l'association {who[0]} recontacte pour vous tenir au courant "
            "du projet de guichet de services ?",
            f"Do you agree that the association contacts {who[1]} again to keep you informed "
            "about the service counter project?",
        ),
        hint=(
            "Les coordonnées ne servent qu'à l'association, pour ce projet. Elles ne sont jamais "
            "transmises à d'autres.",
            "Contact details are only used by the association, for this project. They are "
            "never passed on to anyone else.",
        ),
        required=True,
    )
    form.begin_group(
        "contact_details",
        ("Coordonnées", "Contact details"),
        relevant="${recontact_consent} = 'yes'",
        appearance="field-list",
    )
    form.q(
        "text",
        "contact_name",
        ("Nom et prénom", "Full name"),
        required=True,
        required_message=(
            "Indiquez au moins un prénom pour pouvoir recontacter la personne.",
            "Give at least a first name so the person can be contacted again.",
        ),
    )
    form.q(
        "text",
        "contact_phone",
        ("Numéro de téléphone", "Phone number"),
        hint=("Par exemple : 06 12 34 56 78", "For example: 06 12 34 56 78"),
        constraint="regex(., '^0[1-9]([ .]?[0-9]{2}){4}$')",
        constraint_message=(
            "Le numéro doit avoir 10 chiffres et commencer par 0, par exemple 06 12 34 56 78.",
            "The number must have 10 digits and start with 0, for example 06 12 34 56 78.",
        ),
        # Only the phone carries the "phone or email" rule: JavaRosa sees two fields
        # required on each other's emptiness as a dependency cycle.
        required="${contact_email} = ''",
        required_message=(
            "Indiquez un numéro de téléphone ou, à défaut, une adresse de courriel.",
            "Give a phone number or, failing that, an email address.",
        ),
    )
    form.q(
        "text",
        "contact_email",
        ("Adresse de courriel", "Email address"),
        constraint="regex(., '^[^@ ]+@[^@ ]+[.][^@ ]+$')",
        constraint_message=(
            "Cette adresse de courriel ne semble pas valide (exemple : prenom@exemple.fr).",
            "This email address does not look valid (example: name@example.fr).",
        ),
    )
    form.q(
        "select_one contact_channel",
        "contact_preferred",
        ("Comment préférez-vous être contacté(e) ?", "How would you prefer to be contacted?"),
    )
    if extra:
        extra()
    form.end_group("contact_details")
    form.end_group("contact")
    form.choice_list(
        "contact_channel",
        [
            ("phone", "Par téléphone", "By phone"),
            ("sms", "Par SMS", "By text message"),
            ("email", "Par courriel", "By email"),
            ("visit", "En passant me voir", "By coming to see me"),
        ],
    )


def add_closing_section(form: Form, consent_yes: str, thanks) -> None:
    form.begin_group("closing", ("Pour finir", "To finish"), relevant=consent_yes)
    form.q(
        "text",
        "comments",
        ("Souhaitez-vous ajouter quelque chose ?", "Is there anything you would like to add?"),
        appearance="multiline",
    )
    form.note("thanks_note", thanks)
    form.q(
        "text",
        "interviewer_remarks",
        (
            "Remarques de l'enquêteur ou de l'enquêtrice (à ne pas lire à voix haute)",
            "Interviewer's remarks (not to be read aloud)",
        ),
        hint=(
            "Par exemple : conditions de l'entretien, points à vérifier, suite à donner.",
            "For example: how the interview went, points to check, follow-up needed.",
        ),
        appearance="multiline",
    )
    form.end_group("closing")


def add_visit_and_consent(form: Form, intro, consent_label, extra_visit=None) -> str:
    """Metadata, visit details, the introduction and the consent question.

    Returns the relevance expression that every later group must carry."""
    form.metadata()
    form.begin_group("visit", ("Visite", "Visit"), appearance="field-list")
    form.q(
        "text",
        "interviewer",
        ("Prénom de l'enquêteur ou de l'enquêtrice", "Interviewer's first name"),
        # The name typed at the app's welcome (ODK's username property), still editable.
        default="${username}",
        required=True,
    )
    form.q(
        "date",
        "interview_date",
        ("Date de l'entretien", "Date of the interview"),
        required=True,
        constraint=". <= today()",
        constraint_message=(
            "La date de l'entretien ne peut pas être dans le futur.",
            "The interview date cannot be in the future.",
        ),
    )
    if extra_visit:
        extra_visit()
    form.end_group("visit")
    form.note("intro_note", intro)
    form.q(
        "select_one yes_no",
        "consent",
        consent_label,
        hint=(
            "Précisez que la personne peut refuser, ou arrêter à tout moment, sans avoir à se "
            "justifier.",
            "Make clear that the person may refuse, or stop at any time, without giving a reason.",
        ),
        required=True,
        required_message=(
            "Notez la réponse de la personne avant de continuer.",
            "Record the person's answer before continuing.",
        ),
    )
    form.note(
        "refused_note",
        (
            "Merci de nous avoir accordé un moment, et bonne journée ! L'entretien s'arrête "
            "ici : enregistrez le questionnaire et passez à la visite suivante.",
            "Thank you for your time, and have a good day! The interview ends here: save the "
            "form and go on to the next visit.",
        ),
        relevant="${consent} = 'no'",
    )
    form.choice_list("yes_no", YES_NO)
    form.choice_list("yes_maybe_no", YES_MAYBE_NO)
    return "${consent} = 'yes'"


# ---------------------------------------------------------------------------------------------
# Form 1: residents
# ---------------------------------------------------------------------------------------------

#: For each need of residents: how they get by today, how often the need comes up.
FOLLOW_UPS = {
    "childcare": (
        ("Garde d'enfants", "Childcare"),
        (
            "Aujourd'hui, comment faites-vous pour faire garder vos enfants ?",
            "Today, how do you manage childcare?",
        ),
        ("À quelle fréquence avez-vous besoin d'une garde ?", "How often do you need childcare?"),
    ),
    "repair": (
        ("Réparation et réemploi", "Repair and reuse"),
        (
            "Aujourd'hui, que faites-vous quand un appareil tombe en panne ?",
            "Today, what do you do when an appliance breaks down?",
        ),
        ("À quelle fréquence cela vous arrive-t-il ?", "How often does this happen to you?"),
    ),
    "digital": (
        ("Informatique et démarches en ligne", "Computers and online paperwork"),
        (
            "Aujourd'hui, comment faites-vous pour vos démarches en ligne ?",
            "Today, how do you manage your online paperwork?",
        ),
        ("À quelle fréquence auriez-vous besoin d'aide ?", "How often would you need help?"),
    ),
    "mobility": (
        ("Déplacements", "Getting around"),
        (
            "Aujourd'hui, comment faites-vous quand un déplacement est difficile ?",
            "Today, how do you manage when a trip is difficult?",
        ),
        ("À quelle fréquence cela vous arrive-t-il ?", "How often does this happen to you?"),
    ),
    "meals": (
        ("Repas", "Meals"),
        (
            "Aujourd'hui, comment vous organisez-vous pour les repas ?",
            "Today, how do you manage meals?",
        ),
        (
            "À quelle fréquence auriez-vous besoin d'aide pour les repas ?",
            "How often would you need help with meals?",
        ),
    ),
    "home_help": (
        ("Aide à domicile", "Help at home"),
        ("Aujourd'hui, qui vous aide à la maison ?", "Today, who helps you at home?"),
        (
            "À quelle fréquence auriez-vous besoin de cette aide ?",
            "How often would you need this help?",
        ),
    ),
    "language": (
        ("Cours de langue", "Language courses"),
        (
            "Aujourd'hui, comment faites-vous quand la langue vous pose des difficultés ?",
            "Today, how do you manage when language is a difficulty?",
        ),
        (
            "À quelle fréquence la langue vous pose-t-elle des difficultés ?",
            "How often is language a difficulty for you?",
        ),
    ),
    "other": (
        ("Autre besoin", "Other need"),
        (
            "Pour ce besoin (${needs_other}), comment faites-vous aujourd'hui ?",
            "For this need (${needs_other}), how do you manage today?",
        ),
        ("À quelle fréquence ce besoin se présente-t-il ?", "How often does this need come up?"),
    ),
}


def residents_form() -> Form:
    f = Form(
        title="Enquête habitants — besoins non satisfaits",
        form_id="enquete_habitants",
        version="2026112201",
        instance_name=(
            "concat(jr:choice-name(${sector}, '${sector}'), ' – ', ${interview_date}, ' – ', "
            "${interviewer})"
        ),
    )

    def sector_question() -> None:
        f.q(
            "select_one sector",
            "sector",
            ("Secteur du quartier", "Area of the neighbourhood"),
            hint=(
                "Le secteur où se trouve le logement, selon le découpage de l'association.",
                "The area where the home is, as divided up by the association.",
            ),
            required=True,
        )

    yes = add_visit_and_consent(
        f,
        intro=(
            "Bonjour, je suis habitant(e) du quartier et bénévole de l'association. Nous "
            "rencontrons les habitants pour connaître les besoins auxquels ils ne trouvent pas "
            "de solution aujourd'hui : garde d'enfants, réparations, démarches en ligne, "
            "déplacements, repas… L'entretien dure environ 20 minutes. Vos réponses restent "
            "confidentielles : elles servent seulement à créer des services de proximité dans "
            "le quartier.",
            "Hello, I live in the neighbourhood and volunteer with the association. We are "
            "meeting residents to find out which needs they cannot meet today: childcare, "
            "repairs, online paperwork, getting around, meals… The interview takes about 20 "
            "minutes. Your answers stay confidential: they are only used to set up local "
            "services in the neighbourhood.",
        ),
        consent_label=(
            "Acceptez-vous de répondre à nos questions ?",
            "Do you agree to answer our questions?",
        ),
        extra_visit=sector_question,
    )
    f.choice_list(
        "sector",
        [
            ("north", "Secteur nord", "North area"),
            ("south", "Secteur sud", "South area"),
            ("east", "Secteur est", "East area"),
            ("west", "Secteur ouest", "West area"),
            ("centre", "Secteur centre", "Central area"),
            ("outside", "Hors du quartier", "Outside the neighbourhood"),
        ],
    )

    # -- Household --------------------------------------------------------------------------
    f.begin_group("household", ("Votre foyer", "Your household"), relevant=yes)
    f.q(
        "text",
        "street",
        ("Dans quelle rue habitez-vous ?", "Which street do you live on?"),
        hint=(
            "Le nom de la rue seulement, sans le numéro.",
            "The street name only, without the number.",
        ),
        required=True,
    )
    f.q(
        "select_one housing",
        "housing_type",
        ("Quelle est votre situation de logement ?", "What is your housing situation?"),
    )
    f.q(
        "integer",
        "years_in_district",
        (
            "Depuis combien d'années habitez-vous dans le quartier ?",
            "How many years have you lived in the neighbourhood?",
        ),
        hint=("Notez 0 si c'est moins d'un an.", "Write 0 if it is less than a year."),
        constraint=". >= 0 and . <= 100",
        constraint_message=(
            "Indiquez un nombre d'années entre 0 et 100.",
            "Enter a number of years between 0 and 100.",
        ),
    )
    f.note(
        "household_intro_note",
        (
            "Nous allons maintenant noter les personnes qui vivent dans votre logement, en "
            "commençant par vous.",
            "We will now note the people who live in your home, starting with you.",
        ),
        hint=(
            "Ajoutez une fiche par personne. Seuls le prénom ou les initiales sont notés.",
            "Add one entry per person. Only first names or initials are noted.",
        ),
    )
    f.begin_repeat("member", ("Personne du foyer", "Household member"), appearance="field-list")
    f.q(
        "text",
        "member_name",
        ("Prénom ou initiales", "First name or initials"),
        hint=("Pas de nom de famille.", "No surname."),
        required=True,
    )
    f.q(
        "integer",
        "member_age",
        ("Âge", "Age"),
        hint=(
            "En années ; notez 0 pour un bébé de moins d'un an.",
            "In years; write 0 for a baby under one.",
        ),
        required=True,
        constraint=". >= 0 and . <= 110",
        constraint_message=(
            "L'âge doit être compris entre 0 et 110 ans.",
            "Age must be between 0 and 110 years.",
        ),
    )
    f.q(
        "select_one relationship",
        "member_relationship",
        ("Lien avec la personne interrogée", "Relationship to the person interviewed"),
        required=True,
    )
    f.q(
        "select_one work_status",
        "member_work",
        ("Situation professionnelle", "Work situation"),
        relevant="${member_age} >= 18",
    )
    f.calc("member_under6", "if(${member_age} < 6, 1, 0)")
    f.calc("member_minor", "if(${member_age} < 18, 1, 0)")
    f.calc("member_senior", "if(${member_age} >= 65, 1, 0)")
    f.calc("member_jobseeker", "if(${member_work} = 'unemployed', 1, 0)")
    f.end_repeat("member")
    f.calc("household_size", "count(${member})")
    f.calc("children_under6", "sum(${member_under6})")
    f.calc("minors", "sum(${member_minor})")
    f.calc("seniors", "sum(${member_senior})")
    f.calc("jobseekers", "sum(${member_jobseeker})")
    f.note(
        "household_summary_note",
        (
            "Foyer de ${household_size} personne(s), dont ${children_under6} enfant(s) de "
            "moins de 6 ans, ${minors} mineur(s) et ${seniors} personne(s) de 65 ans ou plus.",
            "Household of ${household_size} person(s), including ${children_under6} child(ren) "
            "under 6, ${minors} minor(s) and ${seniors} person(s) aged 65 or over.",
        ),
        hint=(
            "Vérifiez avec la personne que personne n'a été oublié.",
            "Check with the person that nobody has been left out.",
        ),
    )
    f.end_group("household")
    f.choice_list(
        "housing",
        [
            ("social_rent", "Locataire d'un logement social", "Tenant in social housing"),
            ("private_rent", "Locataire dans le privé", "Tenant in private housing"),
            ("owner", "Propriétaire", "Owner"),
            ("hosted", "Hébergé(e) chez quelqu'un", "Staying with someone"),
            ("other", "Autre situation", "Other situation"),
        ],
    )
    f.choice_list(
        "relationship",
        [
            ("respondent", "La personne interrogée", "The person interviewed"),
            ("partner", "Conjoint(e), compagnon ou compagne", "Spouse or partner"),
            ("child", "Enfant", "Child"),
            ("parent", "Père ou mère", "Father or mother"),
            ("grandparent", "Grand-parent", "Grandparent"),
            ("grandchild", "Petit-enfant", "Grandchild"),
            ("sibling", "Frère ou sœur", "Brother or sister"),
            ("other_family", "Autre membre de la famille", "Other family member"),
            (
                "other",
                "Autre personne (colocataire, personne hébergée…)",
                "Someone else (flatmate, person staying…)",
            ),
        ],
    )
    f.choice_list(
        "work_status",
        [
            ("employed", "En emploi (salarié ou à son compte)", "Employed or self-employed"),
            ("unemployed", "Sans emploi, en recherche d'emploi", "Unemployed, looking for work"),
            ("retired", "À la retraite", "Retired"),
            ("student", "En études ou en formation", "Student or in training"),
            ("at_home", "Au foyer", "At home"),
            ("other", "Autre situation", "Other situation"),
        ],
    )

    # -- Mobility ---------------------------------------------------------------------------
    f.begin_group(
        "mobility", ("Vos déplacements", "Getting around"), relevant=yes, appearance="field-list"
    )
    f.q(
        "select_multiple transport",
        "transport_modes",
        ("Comment vous déplacez-vous habituellement ?", "How do you usually get around?"),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        required=True,
    )
    f.q(
        "select_one yes_no",
        "driving_licence",
        ("Avez-vous le permis de conduire ?", "Do you have a driving licence?"),
    )
    f.q(
        "select_multiple mobility_difficulty",
        "mobility_difficulties",
        (
            "Rencontrez-vous des difficultés pour vous déplacer ?",
            "Do you have difficulties getting around?",
        ),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        required=True,
        constraint=none_exclusive(),
        constraint_message=(
            "« Aucune difficulté » ne peut pas être coché avec une autre réponse.",
            "“No difficulty” cannot be ticked together with another answer.",
        ),
    )
    f.q(
        "text",
        "mobility_difficulties_other",
        ("Quelle autre difficulté ?", "What other difficulty?"),
        relevant="selected(${mobility_difficulties}, 'other')",
        required=True,
    )
    f.q(
        "text",
        "mobility_given_up",
        (
            "Y a-t-il des endroits où vous renoncez à aller, faute de moyen de transport ?",
            "Are there places you give up going to because you have no way to get there?",
        ),
        relevant="count-selected(${mobility_difficulties}) > 0 and "
        "not(selected(${mobility_difficulties}, 'none'))",
    )
    f.end_group("mobility")
    f.choice_list(
        "transport",
        [
            ("car", "Voiture personnelle", "Own car"),
            (
                "lift",
                "Covoiturage ou voiture d'un proche",
                "Car sharing or a lift from someone close",
            ),
            ("bus", "Bus, transports en commun", "Bus, public transport"),
            ("bike", "Vélo", "Bike"),
            ("scooter", "Scooter ou moto", "Scooter or motorbike"),
            ("walk", "À pied", "On foot"),
            ("taxi", "Taxi ou transport adapté", "Taxi or adapted transport"),
        ],
    )
    f.choice_list(
        "mobility_difficulty",
        [
            ("no_vehicle", "Pas de véhicule", "No vehicle"),
            ("no_licence", "Pas de permis de conduire", "No driving licence"),
            ("cost", "Le coût (carburant, tickets, entretien)", "Cost (fuel, tickets, upkeep)"),
            ("bus_schedule", "Les horaires ou le nombre de bus", "Bus times or frequency"),
            ("distance", "Arrêt ou destination trop éloignés", "Stop or destination too far away"),
            ("health", "Santé, handicap ou âge", "Health, disability or age"),
            ("confidence", "Appréhension à se déplacer seul(e)", "Worried about travelling alone"),
            ("other", "Autre difficulté", "Another difficulty"),
            ("none", "Aucune difficulté", "No difficulty"),
        ],
    )

    # -- Needs ------------------------------------------------------------------------------
    f.begin_group("needs", ("Vos besoins", "Your needs"), relevant=yes)
    f.q(
        "select_multiple need",
        "needs_unmet",
        (
            "Aujourd'hui, y a-t-il des choses dont vous ou votre foyer avez besoin, mais pour "
            "lesquelles vous ne trouvez pas de solution ?",
            "Today, are there things that you or your household need, but for which you cannot "
            "find a solution?",
        ),
        hint=(
            "Lisez la liste à voix haute. Plusieurs réponses possibles.",
            "Read the list aloud. Several answers possible.",
        ),
        required=True,
        constraint=none_exclusive(),
        constraint_message=NONE_EXCLUSIVE_MSG,
    )
    f.q(
        "text",
        "needs_other",
        ("Quel autre besoin ?", "What other need?"),
        relevant="selected(${needs_unmet}, 'other')",
        required=True,
    )
    f.calc(
        "needs_count",
        "if(selected(${needs_unmet}, 'none'), 0, count-selected(${needs_unmet}))",
    )
    f.q(
        "select_one need",
        "main_need",
        (
            "Parmi ces besoins, lequel compte le plus pour vous ?",
            "Of these needs, which matters most to you?",
        ),
        hint=(
            "Si un seul besoin a été cité, choisissez-le.",
            "If only one need was mentioned, choose it.",
        ),
        relevant="${needs_count} > 0",
        required=True,
        choice_filter="selected(${needs_unmet}, name)",
    )
    f.q(
        "select_multiple need_detail",
        "main_need_detail",
        ("Plus précisément, de quoi auriez-vous besoin ?", "More precisely, what would you need?"),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        relevant="${main_need} != '' and ${main_need} != 'other'",
        choice_filter="need = ${main_need}",
    )
    for need, (title, coping, frequency) in FOLLOW_UPS.items():
        f.begin_group(
            f"followup_{need}",
            title,
            relevant=f"selected(${{needs_unmet}}, '{need}')",
            appearance="field-list",
        )
        f.q(
            "select_multiple coping",
            f"{need}_coping",
            coping,
            hint=("Plusieurs réponses possibles.", "Several answers possible."),
        )
        f.q("select_one frequency", f"{need}_frequency", frequency)
        f.end_group(f"followup_{need}")
    f.end_group("needs")
    add_need_choices(f, "need", none_label=("Aucun", "None"))
    f.choice_list(
        "need_detail",
        [
            (name, fr, en, {"need": need})
            for need, items in NEED_DETAILS.items()
            for name, fr, en in items
        ],
    )
    f.choice_list(
        "coping",
        [
            ("family", "Avec l'aide de la famille", "With help from family"),
            (
                "neighbours",
                "Avec l'aide de voisins ou d'amis",
                "With help from neighbours or friends",
            ),
            ("association", "Grâce à une association", "Through an association"),
            (
                "paid_service",
                "En payant un service (entreprise, artisan…)",
                "By paying for a service (company, tradesperson…)",
            ),
            (
                "public_service",
                "Par un service public (mairie, CCAS, France Services…)",
                "Through a public service (town hall, social services…)",
            ),
            ("alone", "Seul(e), par mes propres moyens", "On my own"),
            ("do_without", "Je m'en passe, je renonce", "I do without, I give up"),
            ("other", "Autrement", "Some other way"),
        ],
    )
    f.choice_list("frequency", FREQUENCY)

    # -- Payment ----------------------------------------------------------------------------
    f.begin_group(
        "payment",
        ("Participation financière", "Paying for services"),
        relevant=f"{yes} and ${{needs_count}} > 0",
        appearance="field-list",
    )
    f.q(
        "select_one pay_range",
        "willing_to_pay",
        (
            "Si un service du quartier répondait à ce besoin, combien pourriez-vous payer ?",
            "If a local service met this need, how much could you pay?",
        ),
        hint=(
            "Pour une heure de service, par exemple une heure de garde ou d'aide à domicile.",
            "For one hour of service, for example one hour of childcare or help at home.",
        ),
    )
    f.q(
        "select_multiple payment_mode",
        "payment_preference",
        ("Quelles façons de payer vous conviendraient ?", "Which ways of paying would suit you?"),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
    )
    f.end_group("payment")
    f.choice_list(
        "pay_range",
        [
            ("free_only", "Seulement si c'est gratuit", "Only if it is free"),
            ("lt5", "Moins de 5 € de l'heure", "Less than €5 an hour"),
            ("from5_to10", "De 5 à 10 € de l'heure", "€5 to €10 an hour"),
            ("from10_to15", "De 10 à 15 € de l'heure", "€10 to €15 an hour"),
            ("gt15", "Plus de 15 € de l'heure", "More than €15 an hour"),
            ("depends", "Cela dépend du service", "It depends on the service"),
            ("dont_know", "Je ne sais pas", "I don't know"),
        ],
    )
    f.choice_list(
        "payment_mode",
        [
            ("cash_card", "Espèces ou carte bancaire", "Cash or bank card"),
            ("cesu", "Chèque emploi service (CESU)", "Service employment voucher (CESU)"),
            ("exchange", "Échange de services ou de temps", "Exchanging services or time"),
            ("membership", "Adhésion ou abonnement", "Membership or subscription"),
            ("income_based", "Tarif selon les revenus", "Price based on income"),
        ],
    )

    # -- Skills -----------------------------------------------------------------------------
    f.begin_group("skills", ("Ce que vous pourriez apporter", "What you could offer"), relevant=yes)
    f.q(
        "select_multiple skill",
        "skills_offered",
        (
            "Avez-vous des savoir-faire que vous aimeriez partager avec vos voisins ?",
            "Do you have skills you would like to share with your neighbours?",
        ),
        hint=(
            "Tout compte : cuisine, couture, bricolage, langues… Plusieurs réponses possibles.",
            "Everything counts: cooking, sewing, DIY, languages… Several answers possible.",
        ),
        required=True,
        constraint=none_exclusive(),
        constraint_message=(
            "« Rien pour le moment » ne peut pas être coché avec une autre réponse.",
            "“Nothing for now” cannot be ticked together with another answer.",
        ),
    )
    f.q(
        "text",
        "skills_languages",
        ("Quelles langues parlez-vous ?", "Which languages do you speak?"),
        relevant="selected(${skills_offered}, 'languages')",
    )
    f.q(
        "text",
        "skills_other",
        ("Quel autre savoir-faire ?", "What other skill?"),
        relevant="selected(${skills_offered}, 'other')",
        required=True,
    )
    f.q(
        "integer",
        "hours_per_month",
        (
            "Combien d'heures par mois pourriez-vous y consacrer, à peu près ?",
            "About how many hours a month could you give?",
        ),
        hint=("Une estimation suffit.", "An estimate is enough."),
        relevant="count-selected(${skills_offered}) > 0 and "
        "not(selected(${skills_offered}, 'none'))",
        constraint=". >= 0 and . <= 160",
        constraint_message=(
            "Indiquez un nombre d'heures entre 0 et 160 par mois.",
            "Enter a number of hours between 0 and 160 a month.",
        ),
    )
    f.q(
        "select_multiple availability",
        "availability",
        ("À quels moments seriez-vous disponible ?", "When would you be available?"),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        relevant="${hours_per_month} > 0",
    )
    f.end_group("skills")
    f.choice_list(
        "skill",
        [
            ("childcare", "Garder des enfants", "Looking after children"),
            ("repair", "Réparer, bricoler", "Repairs, DIY"),
            ("computing", "Informatique, démarches en ligne", "Computers, online paperwork"),
            ("driving", "Conduire, accompagner en voiture", "Driving, giving lifts"),
            ("cooking", "Cuisiner", "Cooking"),
            ("gardening", "Jardiner", "Gardening"),
            ("sewing", "Coudre", "Sewing"),
            (
                "languages",
                "Parler une autre langue, traduire",
                "Speaking another language, translating",
            ),
            (
                "paperwork",
                "Aider pour les papiers administratifs",
                "Helping with administrative papers",
            ),
            (
                "activities",
                "Animer des activités (sport, musique, jeux…)",
                "Running activities (sport, music, games…)",
            ),
            ("company", "Tenir compagnie, écouter", "Keeping people company, listening"),
            ("other", "Autre savoir-faire", "Another skill"),
            ("none", "Rien pour le moment", "Nothing for now"),
        ],
    )
    f.choice_list(
        "availability",
        [
            ("weekday_morning", "En semaine, le matin", "Weekdays, mornings"),
            ("weekday_afternoon", "En semaine, l'après-midi", "Weekdays, afternoons"),
            ("evening", "En soirée", "Evenings"),
            ("weekend", "Le week-end", "Weekends"),
            ("school_holidays", "Pendant les vacances scolaires", "During school holidays"),
        ],
    )

    # -- Service counter --------------------------------------------------------------------
    f.begin_group("counter", ("Le guichet de services", "The service counter"), relevant=yes)
    f.note(
        "counter_intro_note",
        (
            "L'association prépare un guichet de services dans le quartier : un lieu où l'on "
            "peut demander un service (garde d'enfants, réparation, aide aux démarches…) rendu "
            "par des habitants du quartier, qui pourraient y être embauchés.",
            "The association is setting up a service counter in the neighbourhood: a place "
            "where you can ask for a service (childcare, repairs, help with paperwork…) provided "
            "by local residents, who could be hired to work there.",
        ),
    )
    f.q(
        "select_one yes_maybe_no",
        "would_use_counter",
        (
            "Feriez-vous appel à ce guichet pour vous ou pour votre famille ?",
            "Would you use this counter for yourself or your family?",
        ),
    )
    f.q(
        "select_one yes_maybe_no",
        "counter_work_interest",
        (
            "Aimeriez-vous travailler pour ce guichet de services ?",
            "Would you like to work for this service counter?",
        ),
        hint=(
            "Il pourrait s'agir d'un emploi rémunéré pour des habitants du quartier.",
            "It could be a paid job for residents of the neighbourhood.",
        ),
        required=True,
    )
    f.q(
        "select_multiple counter_work",
        "counter_work_type",
        ("Sous quelle forme ?", "In what form?"),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        relevant="${counter_work_interest} = 'yes' or ${counter_work_interest} = 'maybe'",
    )
    f.q(
        "select_one yes_maybe_no",
        "counter_training_interest",
        (
            "Seriez-vous intéressé(e) par une formation pour ce travail ?",
            "Would you be interested in training for this work?",
        ),
        relevant="${counter_work_interest} = 'yes' or ${counter_work_interest} = 'maybe'",
    )
    f.q(
        "select_one yes_maybe_no",
        "household_work_interest",
        (
            "Une autre personne de votre foyer pourrait-elle être intéressée ?",
            "Could someone else in your household be interested?",
        ),
        relevant="${household_size} > 1",
    )
    f.end_group("counter")
    f.choice_list(
        "counter_work",
        [
            (
                "salaried",
                "Un emploi salarié (temps plein ou partiel)",
                "A salaried job (full or part time)",
            ),
            ("occasional", "Des missions ponctuelles", "Occasional assignments"),
            ("volunteer", "Du bénévolat", "Volunteering"),
        ],
    )

    add_contact_section(f, yes, who=("vous", "you"))
    add_closing_section(
        f,
        yes,
        thanks=(
            "Merci beaucoup pour votre accueil et pour vos réponses ! L'association présentera "
            "les résultats de l'enquête aux habitants du quartier.",
            "Thank you very much for welcoming us and for your answers! The association will "
            "present the survey results to the residents of the neighbourhood.",
        ),
    )
    return f


# ---------------------------------------------------------------------------------------------
# Form 2: professionals
# ---------------------------------------------------------------------------------------------

STRUCTURE_TYPES = [
    ("shop", "Commerce, artisanat", "Shop, craft business"),
    ("social", "Action sociale, travail social", "Social services, social work"),
    (
        "school",
        "École, établissement scolaire, accueil de loisirs",
        "School, after-school or holiday club",
    ),
    ("early_childhood", "Petite enfance", "Early childhood"),
    ("health", "Santé", "Health"),
    ("association", "Association", "Association"),
    ("public_service", "Service public", "Public service"),
    ("housing", "Logement (bailleur, gardien)", "Housing (landlord, caretaker)"),
    ("other", "Autre", "Other"),
]

STRUCTURE_SUBTYPES = {
    "shop": [
        ("bakery", "Boulangerie", "Bakery"),
        ("grocery", "Épicerie, supérette", "Grocery, small supermarket"),
        ("cafe_restaurant", "Café, restaurant", "Café, restaurant"),
        ("hairdresser", "Coiffure, esthétique", "Hairdresser, beauty salon"),
        ("tobacco_press", "Tabac, presse", "Tobacconist, newsagent"),
        (
            "craftsman",
            "Artisan (plombier, garagiste, cordonnier…)",
            "Tradesperson (plumber, mechanic, cobbler…)",
        ),
        ("other_shop", "Autre commerce", "Other shop"),
    ],
    "social": [
        (
            "ccas",
            "CCAS (centre communal d'action sociale)",
            "Municipal social action centre (CCAS)",
        ),
        (
            "departmental_social",
            "Maison départementale des solidarités",
            "County social services office",
        ),
        ("caf", "CAF (caisse d'allocations familiales)", "Family benefits office (CAF)"),
        ("social_centre", "Centre social", "Community centre"),
        ("mediation", "Médiation sociale, prévention", "Social mediation, prevention"),
        ("other_social", "Autre structure sociale", "Other social service"),
    ],
    "school": [
        ("nursery_school", "École maternelle", "Nursery school"),
        ("primary_school", "École élémentaire", "Primary school"),
        ("college", "Collège", "Lower secondary school"),
        ("lycee", "Lycée", "Upper secondary school"),
        ("leisure_centre", "Accueil de loisirs, périscolaire", "After-school or holiday club"),
        ("other_school", "Autre établissement", "Other school"),
    ],
    "early_childhood": [
        ("creche", "Crèche, halte-garderie", "Nursery, day care"),
        ("childminder", "Assistante maternelle", "Childminder"),
        ("childcare_relay", "Relais petite enfance", "Childcare information centre"),
        ("pmi", "PMI (protection maternelle et infantile)", "Mother and child health centre (PMI)"),
        ("other_early", "Autre structure petite enfance", "Other early childhood service"),
    ],
    "health": [
        ("doctor", "Médecin", "Doctor"),
        ("nurse", "Infirmier ou infirmière", "Nurse"),
        ("pharmacy", "Pharmacie", "Pharmacy"),
        ("physio", "Kinésithérapeute", "Physiotherapist"),
        ("health_centre", "Maison ou centre de santé", "Health centre"),
        ("home_care", "Soins ou aide à domicile", "Home care or home help service"),
        ("other_health", "Autre professionnel de santé", "Other health professional"),
    ],
    "association": [
        ("assoc_solidarity", "Solidarité, aide alimentaire", "Solidarity, food aid"),
        ("assoc_sport_culture", "Sport, culture, loisirs", "Sport, culture, leisure"),
        ("assoc_families", "Parents d'élèves, familles", "Parents, families"),
        ("assoc_tenants", "Locataires, habitants", "Tenants, residents"),
        ("assoc_employment", "Insertion, emploi", "Employment, integration into work"),
        ("assoc_language", "Apprentissage du français", "French language learning"),
        ("other_assoc", "Autre association", "Other association"),
    ],
    "public_service": [
        ("town_hall", "Mairie, mairie annexe", "Town hall, local town hall office"),
        ("library", "Médiathèque, bibliothèque", "Library"),
        ("post_office", "La Poste", "Post office"),
        ("france_services", "France Services", "France Services (public services help desk)"),
        (
            "employment_service",
            "France Travail, Mission locale",
            "Job centre, youth employment office",
        ),
        ("other_public", "Autre service public", "Other public service"),
    ],
    "housing": [
        ("social_landlord", "Bailleur social", "Social landlord"),
        ("caretaker", "Gardien ou gardienne d'immeuble", "Building caretaker"),
        ("other_housing", "Autre acteur du logement", "Other housing organisation"),
    ],
}

PUBLICS = [
    ("young_families", "Familles avec de jeunes enfants", "Families with young children"),
    ("single_parents", "Parents seuls", "Single parents"),
    ("elderly", "Personnes âgées", "Elderly people"),
    ("youth", "Jeunes de 16 à 25 ans", "Young people aged 16 to 25"),
    ("disability", "Personnes en situation de handicap", "People with disabilities"),
    ("low_french", "Personnes qui parlent peu le français", "People who speak little French"),
    ("job_seekers", "Personnes sans emploi", "Unemployed people"),
    ("isolated", "Personnes isolées", "Isolated people"),
    ("other", "Autres personnes", "Other people"),
]


def professionals_form() -> Form:
    f = Form(
        title="Enquête professionnels",
        form_id="enquete_professionnels",
        version="2026112201",
        instance_name=(
            "concat(if(${structure_name} != '', ${structure_name}, "
            "jr:choice-name(${structure_type}, '${structure_type}')), "
            "' – ', ${interview_date})"
        ),
    )

    def structure_type_question() -> None:
        f.q(
            "select_one structure_type",
            "structure_type",
            ("Type de structure", "Type of organisation"),
            required=True,
        )

    yes = add_visit_and_consent(
        f,
        intro=(
            "Bonjour, nous sommes bénévoles de l'association de quartier. Nous rencontrons "
            "les habitants et les professionnels du quartier (commerces, écoles, travailleurs "
            "sociaux, soignants, associations…) pour repérer les besoins des habitants qui "
            "restent sans réponse, et préparer un guichet de services de proximité. "
            "L'entretien dure environ 15 minutes. Les situations que vous nous décrirez "
            "resteront anonymes.",
            "Hello, we are volunteers with the neighbourhood association. We are meeting "
            "residents and local professionals (shops, schools, social workers, health workers, "
            "associations…) to identify residents' needs that go unmet, and to prepare a local "
            "service counter. The interview takes about 15 minutes. Any situations you describe "
            "will remain anonymous.",
        ),
        consent_label=(
            "Acceptez-vous de répondre à nos questions au nom de votre structure ?",
            "Do you agree to answer our questions on behalf of your organisation?",
        ),
        extra_visit=structure_type_question,
    )
    f.choice_list("structure_type", STRUCTURE_TYPES)

    # -- Structure --------------------------------------------------------------------------
    f.begin_group(
        "structure", ("Votre structure", "Your organisation"), relevant=yes, appearance="field-list"
    )
    f.q(
        "text",
        "structure_name",
        ("Nom de la structure", "Name of the organisation"),
        required=True,
    )
    f.q(
        "text",
        "structure_type_other",
        ("De quel type de structure s'agit-il ?", "What kind of organisation is it?"),
        relevant="${structure_type} = 'other'",
        required=True,
    )
    f.q(
        "select_one structure_subtype",
        "structure_subtype",
        ("Précisez l'activité", "Specify the activity"),
        relevant="${structure_type} != 'other'",
        required=True,
        choice_filter="structure_type = ${structure_type}",
    )
    f.q(
        "text",
        "respondent_role",
        ("Quelle est votre fonction ?", "What is your role?"),
        hint=(
            "Par exemple : gérante, directeur, assistante sociale…",
            "For example: manager, head teacher, social worker…",
        ),
    )
    f.q(
        "integer",
        "years_in_district",
        (
            "Depuis combien d'années travaillez-vous dans le quartier ?",
            "How many years have you been working in the neighbourhood?",
        ),
        hint=("Notez 0 si c'est moins d'un an.", "Write 0 if it is less than a year."),
        constraint=". >= 0 and . <= 60",
        constraint_message=(
            "Indiquez un nombre d'années entre 0 et 60.",
            "Enter a number of years between 0 and 60.",
        ),
    )
    f.q(
        "select_one public_volume",
        "public_weekly",
        (
            "Combien d'habitants du quartier rencontrez-vous environ chaque semaine ?",
            "About how many residents of the neighbourhood do you meet each week?",
        ),
    )
    f.end_group("structure")
    f.choice_list(
        "structure_subtype",
        [
            (name, fr, en, {"structure_type": kind})
            for kind, items in STRUCTURE_SUBTYPES.items()
            for name, fr, en in items
        ],
    )
    f.choice_list(
        "public_volume",
        [
            ("lt10", "Moins de 10", "Fewer than 10"),
            ("from10_to50", "De 10 à 50", "10 to 50"),
            ("from50_to200", "De 50 à 200", "50 to 200"),
            ("gt200", "Plus de 200", "More than 200"),
            ("dont_know", "Je ne sais pas", "I don't know"),
        ],
    )

    # -- Needs observed ---------------------------------------------------------------------
    f.begin_group(
        "needs_seen", ("Les besoins que vous observez", "The needs you see"), relevant=yes
    )
    f.q(
        "select_multiple need",
        "needs_observed",
        (
            "Parmi les habitants que vous rencontrez, quels besoins restent souvent sans réponse ?",
            "Among the residents you meet, which needs often go unmet?",
        ),
        hint=(
            "Lisez la liste à voix haute. Plusieurs réponses possibles.",
            "Read the list aloud. Several answers possible.",
        ),
        required=True,
        constraint=none_exclusive(),
        constraint_message=NONE_EXCLUSIVE_MSG,
    )
    f.q(
        "text",
        "needs_observed_other",
        ("Quel autre besoin ?", "What other need?"),
        relevant="selected(${needs_observed}, 'other')",
        required=True,
    )
    f.calc(
        "needs_observed_count",
        "if(selected(${needs_observed}, 'none'), 0, count-selected(${needs_observed}))",
    )
    f.q(
        "select_one need",
        "main_need_observed",
        (
            "Lequel de ces besoins revient le plus souvent ?",
            "Which of these needs comes up most often?",
        ),
        hint=(
            "Si un seul besoin a été cité, choisissez-le.",
            "If only one need was mentioned, choose it.",
        ),
        relevant="${needs_observed_count} > 0",
        required=True,
        choice_filter="selected(${needs_observed}, name)",
    )
    f.q(
        "select_one frequency",
        "needs_frequency",
        (
            "À quelle fréquence des habitants vous parlent-ils de besoins auxquels vous ne "
            "pouvez pas répondre ?",
            "How often do residents tell you about needs you cannot meet?",
        ),
        relevant="${needs_observed_count} > 0",
    )
    f.q(
        "integer",
        "requests_per_month",
        (
            "Environ combien de demandes de ce genre recevez-vous par mois ?",
            "About how many requests of this kind do you get each month?",
        ),
        hint=("Une estimation suffit.", "An estimate is enough."),
        relevant="${needs_observed_count} > 0",
        constraint=". >= 0 and . <= 1000",
        constraint_message=(
            "Indiquez un nombre entre 0 et 1 000 demandes par mois.",
            "Enter a number between 0 and 1,000 requests a month.",
        ),
    )
    f.q(
        "select_multiple public",
        "publics_concerned",
        ("Quelles personnes sont les plus concernées ?", "Which people are most affected?"),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        relevant="${needs_observed_count} > 0",
    )
    f.q(
        "select_multiple response",
        "current_response",
        (
            "Aujourd'hui, que faites-vous quand quelqu'un vous parle d'un tel besoin ?",
            "Today, what do you do when someone tells you about such a need?",
        ),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        relevant="${needs_observed_count} > 0",
    )
    f.end_group("needs_seen")
    add_need_choices(
        f,
        "need",
        extra=[
            ("isolation", "Isolement, solitude", "Isolation, loneliness"),
            ("employment", "Emploi, insertion", "Employment, getting into work"),
        ],
        none_label=("Aucun en particulier", "None in particular"),
    )
    f.choice_list("frequency", FREQUENCY)
    f.choice_list("public", PUBLICS)
    f.choice_list(
        "response",
        [
            ("refer", "J'oriente vers un autre service", "I refer them to another service"),
            (
                "help_informally",
                "J'aide moi-même, de façon informelle",
                "I help them myself, informally",
            ),
            ("no_solution", "Je n'ai pas de solution à proposer", "I have no solution to offer"),
            (
                "dont_know_where",
                "Je ne sais pas vers qui orienter",
                "I don't know where to refer them",
            ),
            ("other", "Autre chose", "Something else"),
        ],
    )

    # -- Services and relay -----------------------------------------------------------------
    f.begin_group("services", ("Le guichet de services", "The service counter"), relevant=yes)
    f.note(
        "counter_intro_note",
        (
            "L'association prépare un guichet de services dans le quartier : un lieu où les "
            "habitants pourront demander un service (garde d'enfants, réparation, aide aux "
            "démarches…) rendu par d'autres habitants, embauchés pour cela.",
            "The association is setting up a service counter in the neighbourhood: a place "
            "where residents can ask for a service (childcare, repairs, help with paperwork…) "
            "provided by other residents, hired to do so.",
        ),
    )
    f.q(
        "select_multiple service",
        "services_refer",
        (
            "Vers quels services de ce guichet orienteriez-vous des habitants ?",
            "Which services of this counter would you refer residents to?",
        ),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        required=True,
        constraint=none_exclusive(),
        constraint_message=NONE_EXCLUSIVE_MSG,
    )
    f.q(
        "select_multiple structure_service",
        "services_use",
        (
            "Votre structure pourrait-elle elle-même faire appel à certains services ?",
            "Could your organisation itself use some of these services?",
        ),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        constraint=none_exclusive(),
        constraint_message=NONE_EXCLUSIVE_MSG,
    )
    f.q(
        "select_one yes_maybe_no",
        "would_pay_structure",
        (
            "Votre structure serait-elle prête à payer pour ces services ?",
            "Would your organisation be willing to pay for these services?",
        ),
        relevant="count-selected(${services_use}) > 0 and not(selected(${services_use}, 'none'))",
    )
    f.q(
        "select_one yes_maybe_no",
        "relay_willing",
        (
            "Accepteriez-vous d'être un relais du guichet de services ?",
            "Would you agree to act as a relay for the service counter?",
        ),
        hint=(
            "Un relais fait connaître le guichet et oriente les habitants vers lui.",
            "A relay makes the counter known and sends residents to it.",
        ),
        required=True,
    )
    f.q(
        "select_multiple relay_action",
        "relay_how",
        ("De quelle façon ?", "In what way?"),
        hint=("Plusieurs réponses possibles.", "Several answers possible."),
        relevant="${relay_willing} = 'yes' or ${relay_willing} = 'maybe'",
        required=True,
    )
    f.q(
        "integer",
        "relay_hours_month",
        (
            "Combien d'heures par mois pourriez-vous accueillir une permanence du guichet ?",
            "How many hours a month could you host a counter session?",
        ),
        relevant="selected(${relay_how}, 'host_sessions')",
        constraint=". >= 0 and . <= 100",
        constraint_message=(
            "Indiquez un nombre d'heures entre 0 et 100 par mois.",
            "Enter a number of hours between 0 and 100 a month.",
        ),
    )
    f.q(
        "text",
        "relay_conditions",
        (
            "Qu'est-ce qui vous faciliterait ce rôle de relais ?",
            "What would make this relay role easier for you?",
        ),
        relevant="${relay_willing} = 'yes' or ${relay_willing} = 'maybe'",
    )
    f.q(
        "text",
        "relay_refusal_reason",
        ("Qu'est-ce qui vous en empêche ?", "What prevents you from doing so?"),
        relevant="${relay_willing} = 'no'",
    )
    f.q(
        "select_one yes_maybe_no",
        "jobs_opportunity",
        (
            "Votre structure pourrait-elle proposer du travail, un stage ou une mission à des "
            "habitants du quartier ?",
            "Could your organisation offer work, an internship or an assignment to residents "
            "of the neighbourhood?",
        ),
    )
    f.q(
        "text",
        "jobs_detail",
        ("Lesquels ?", "Which ones?"),
        relevant="${jobs_opportunity} = 'yes' or ${jobs_opportunity} = 'maybe'",
    )
    f.end_group("services")
    f.choice_list(
        "service",
        [
            *NEEDS,
            (
                "company",
                "Visites de convivialité aux personnes isolées",
                "Friendly visits to isolated people",
            ),
            ("none", "Aucun", "None"),
        ],
    )
    f.choice_list(
        "structure_service",
        [
            ("maintenance", "Petites réparations, entretien", "Small repairs, maintenance"),
            ("it_support", "Aide informatique", "IT support"),
            ("catering", "Repas, traiteur", "Meals, catering"),
            ("premises_cleaning", "Ménage des locaux", "Cleaning the premises"),
            ("deliveries", "Livraisons, courses", "Deliveries, errands"),
            ("event_help", "Aide pour des événements", "Help with events"),
            ("none", "Aucun", "None"),
        ],
    )
    f.choice_list(
        "relay_action",
        [
            (
                "flyers",
                "Afficher ou distribuer des informations",
                "Display or hand out information",
            ),
            (
                "refer_people",
                "Orienter des habitants vers le guichet",
                "Send residents to the counter",
            ),
            (
                "collect_requests",
                "Recueillir des demandes et les transmettre",
                "Collect requests and pass them on",
            ),
            (
                "host_sessions",
                "Accueillir des permanences dans vos locaux",
                "Host counter sessions on your premises",
            ),
            ("share_skills", "Partager des compétences, former", "Share skills, train people"),
            ("co_organise", "Organiser des événements ensemble", "Organise events together"),
        ],
    )

    # -- Situations observed (repeat) -------------------------------------------------------
    f.begin_group(
        "situations",
        ("Situations observées", "Situations observed"),
        relevant=yes,
    )
    f.q(
        "select_one yes_no",
        "situations_any",
        (
            "Pouvez-vous nous décrire une ou plusieurs situations récentes où un habitant n'a "
            "pas trouvé de solution ?",
            "Could you describe one or more recent situations where a resident could not find "
            "a solution?",
        ),
        hint=(
            "Sans citer de nom ni de détail qui permettrait de reconnaître la personne.",
            "Without giving names or details that could identify the person.",
        ),
        required=True,
    )
    f.begin_repeat(
        "situation",
        ("Situation", "Situation"),
        relevant="${situations_any} = 'yes'",
        appearance="field-list",
    )
    f.q(
        "select_one need",
        "situation_need",
        ("Type de besoin", "Type of need"),
        required=True,
        choice_filter="name != 'none'",
    )
    f.q(
        "select_one public",
        "situation_public",
        ("Personne concernée", "Person concerned"),
    )
    f.q(
        "text",
        "situation_description",
        ("Décrivez la situation en quelques mots", "Describe the situation in a few words"),
        hint=(
            "Sans nom ni détail qui permettrait de reconnaître la personne.",
            "No names or details that could identify the person.",
        ),
        required=True,
        appearance="multiline",
    )
    f.q(
        "select_one frequency",
        "situation_frequency",
        ("Ce genre de situation se présente…", "This kind of situation comes up…"),
    )
    f.q(
        "select_one outcome",
        "situation_outcome",
        ("Comment cela s'est-il terminé ?", "How did it end?"),
    )
    f.calc("situation_unresolved", "if(${situation_outcome} = 'unresolved', 1, 0)")
    f.end_repeat("situation")
    f.calc("situations_count", "if(${situations_any} = 'yes', count(${situation}), 0)")
    f.calc("situations_unresolved", "sum(${situation_unresolved})")
    f.note(
        "situations_summary_note",
        (
            "${situations_count} situation(s) décrite(s), dont ${situations_unresolved} restée(s) "
            "sans solution.",
            "${situations_count} situation(s) described, of which ${situations_unresolved} "
            "remained without a solution.",
        ),
        relevant="${situations_any} = 'yes'",
    )
    f.end_group("situations")
    f.choice_list(
        "outcome",
        [
            ("resolved", "Une solution a été trouvée", "A solution was found"),
            ("partly", "Une solution partielle", "A partial solution"),
            ("unresolved", "Pas de solution", "No solution"),
            ("unknown", "Je ne sais pas", "I don't know"),
        ],
    )

    # -- Partner contacts (repeat) ----------------------------------------------------------
    f.begin_group("partners", ("Partenaires à associer", "Partners to involve"), relevant=yes)
    f.q(
        "select_one yes_no",
        "partners_any",
        (
            "Connaissez-vous d'autres structures que nous devrions rencontrer ?",
            "Do you know other organisations we should meet?",
        ),
    )
    f.begin_repeat(
        "partner",
        ("Partenaire", "Partner"),
        relevant="${partners_any} = 'yes'",
        appearance="field-list",
    )
    f.q(
        "text",
        "partner_name",
        ("Nom de la structure ou de la personne", "Name of the organisation or person"),
        required=True,
    )
    f.q(
        "select_one structure_type",
        "partner_type",
        ("Type de structure", "Type of organisation"),
    )
    f.q(
        "text",
        "partner_reason",
        ("Pourquoi l'associer au projet ?", "Why involve them in the project?"),
    )
    f.end_repeat("partner")
    f.calc("partners_count", "if(${partners_any} = 'yes', count(${partner}), 0)")
    f.end_group("partners")

    def results_question() -> None:
        f.q(
            "select_one yes_no",
            "results_wanted",
            (
                "Souhaitez-vous recevoir les résultats de l'enquête ?",
                "Would you like to receive the survey results?",
            ),
        )

    add_contact_section(f, yes, who=("vous", "you"), extra=results_question)
    add_closing_section(
        f,
        yes,
        thanks=(
            "Merci beaucoup pour votre temps et pour votre regard sur le quartier ! "
            "L'association vous tiendra informé(e) de la suite du projet.",
            "Thank you very much for your time and for sharing your view of the neighbourhood! "
            "The association will keep you informed about the project.",
        ),
    )
    return f


FORMS = {
    "enquete_habitants.xlsx": residents_form,
    "enquete_professionnels.xlsx": professionals_form,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "forms",
        help="directory to write the workbooks into (default: forms/)",
    )
    args = parser.parse_args(argv)
    for filename, build in FORMS.items():
        path = args.out / filename
        build().write(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
