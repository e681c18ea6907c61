"""The record of processing ("registre des activités de traitement", RGPD art. 30), generated
from the campaign's forms and privacy settings, in French or English Markdown.

It says what is collected (each form's fields, the personal ones flagged, the consent
questions), where it is stored, who can read it, for how long, and the measures taken. What
only the association knows (who is responsible, the purpose) comes from ``privacy.json``
(``controller``, ``purpose``) or is left "to complete".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.privacy.personal import personal_fields
from surveyor.privacy.settings import PrivacySettings

LANGUAGES = ("fr", "en")
METADATA = {"start", "end", "today", "deviceid", "username", "phonenumber", "email", "audit"}


@dataclass
class FieldLine:
    name: str
    label: str
    kind: str
    personal: bool
    consent: bool


TEXT = {
    "fr": {
        "title": "Registre des activités de traitement",
        "colon": " : ",
        "generated": "Généré par Surveyor le {0} à partir des questionnaires et des réglages de "
        "la campagne (dossier de données : `{1}`). À relire et compléter par l'association.",
        "todo": "*(à compléter)*",
        "s_controller": "1. Responsable du traitement et finalité",
        "controller": "Responsable du traitement",
        "purpose": "Finalité",
        "people": "Personnes concernées : les habitants interrogés et, le cas échéant, les membres "
        "de leur foyer décrits dans l'entretien ; les enquêteurs bénévoles (prénom).",
        "basis": "Base légale : le consentement de la personne interrogée, recueilli et "
        "horodaté au début de l'entretien (voir § 3).",
        "s_data": "2. Données collectées",
        "form": "Questionnaire « {0} » (`{1}`, version {2})",
        "head": "| Champ | Question | Type | Donnée personnelle |",
        "yes": "**oui**",
        "no": "non",
        "meta": "métadonnée",
        "repeat": "(répété pour chaque {0})",
        "personal_count": "{0} champ(s) personnel(s) : {1}.",
        "none": "aucun",
        "s_consent": "3. Consentement",
        "consent": "Questions de consentement : {0}. Pour chacune, la réponse et l'heure de sa "
        "dernière modification sont enregistrées avec l'entretien (`consents`).",
        "no_consent": "Aucune question de consentement n'a été trouvée (un champ nommé "
        "`consent` ou `…_consent`) : à ajouter au questionnaire.",
        "s_where": "4. Où les données sont conservées",
        "where": [
            "Sur l'ordinateur de chaque enquêteur : la base `surveyor.db` et ses sauvegardes "
            "(`backups/`) dans son dossier de données.",
            "Sur les clés USB ou le dossier partagé : les lots remis (fichiers ZIP, protégés "
            "pour la clé de la coordination quand le paquet de campagne l'a apportée), le "
            "paquet de campagne (adresses des portes, notes des passages ; protégé par un mot "
            "de passe si la coordination l'a choisi) et la liste signée des suppressions "
            "(`erasures.json`).",
            "Sur l'ordinateur de la coordination : la base fusionnée, ses sauvegardes, la clé "
            "des pseudonymes (`pseudonym.key`), les réglages (`privacy.json`).",
            "Sur le serveur de la campagne, s'il est utilisé : `server.db` (ou PostgreSQL).",
            "Dans les exports (CSV, XLSX) : les données personnelles en sont retirées par "
            "défaut, ou remplacées par des pseudonymes.",
        ],
        "s_who": "5. Qui peut lire les données",
        "who": [
            "Chaque enquêteur : les entretiens qu'il a menés, sur son ordinateur.",
            "La coordination : tous les entretiens fusionnés.",
            "Le serveur : les comptes « coordinator » lisent les entretiens ; les comptes "
            "« interviewer » ne font que les envoyer ; l'administrateur du serveur a accès à "
            "la base.",
            "Les destinataires des exports : ce que l'export contient (sans données "
            "personnelles par défaut).",
        ],
        "s_how_long": "6. Durée de conservation",
        "retention": "Les données personnelles sont retirées {0} jours après la finalisation "
        "de l'entretien (avertissement {1} jours avant) ; les autres réponses restent pour "
        "les résultats.",
        "no_retention": "Aucune durée de conservation n'est fixée : à définir "
        "(`surveyor retention --set-days JOURS`).",
        "erasure": "Sur demande d'une personne, son entretien est effacé partout côté "
        "coordination (`surveyor erase`, ou « Supprimer définitivement… » dans la vue "
        "d'ensemble) ; les ordinateurs des enquêteurs effacent leurs copies à l'import du "
        "paquet de campagne suivant, ou au dépôt suivant dans un dossier qui contient la liste "
        "signée des suppressions.",
        "s_measures": "7. Mesures de sécurité",
        "measures": [
            "Les journaux ne contiennent aucune réponse.",
            "Les exports omettent ou pseudonymisent les données personnelles (HMAC-SHA256 avec "
            "une clé propre à la campagne).",
            "Les effacements sont journalisés sans aucune réponse (identifiant et heure).",
            "Chiffrement des envois et des lots : voir docs/privacy.md.",
            "Le paquet de campagne et la liste des suppressions sont signés par la "
            "coordination (Ed25519) : une liste ou un paquet d'un tiers est ignoré ou refusé.",
        ],
    },
    "en": {
        "title": "Record of processing activities",
        "colon": ": ",
        "generated": "Generated by Surveyor on {0} from the campaign's forms and settings (data "
        "folder: `{1}`). For the association to read and complete.",
        "todo": "*(to complete)*",
        "s_controller": "1. Controller and purpose",
        "controller": "Controller",
        "purpose": "Purpose",
        "people": "People concerned: the residents interviewed and, where asked, the members "
        "of their household described in the interview; the volunteer interviewers (first "
        "name).",
        "basis": "Legal basis: the consent of the person interviewed, recorded with its time at "
        "the start of the interview (see § 3).",
        "s_data": "2. Data collected",
        "form": "Form “{0}” (`{1}`, version {2})",
        "head": "| Field | Question | Type | Personal data |",
        "yes": "**yes**",
        "no": "no",
        "meta": "metadata",
        "repeat": "(repeated for each {0})",
        "personal_count": "{0} personal field(s): {1}.",
        "none": "none",
        "s_consent": "3. Consent",
        "consent": "Consent questions: {0}. For each, the answer and the time it was last "
        "changed are stored with the interview (`consents`).",
        "no_consent": "No consent question was found (a field named `consent` or `…_consent`): "
        "add one to the form.",
        "s_where": "4. Where the data is stored",
        "where": [
            "On each interviewer's laptop: the database `surveyor.db` and its backups "
            "(`backups/`) in its data folder.",
            "On USB keys or the shared folder: the batches handed in (ZIP files, protected for "
            "the coordinator's key once the campaign package brought it), the campaign package "
            "(door addresses, visit notes; protected by a password if the coordinator chose "
            "so) and the signed list of erasures (`erasures.json`).",
            "On the coordinator's computer: the merged database, its backups, the pseudonym key "
            "(`pseudonym.key`), the settings (`privacy.json`).",
            "On the campaign server, if one is used: `server.db` (or PostgreSQL).",
            "In exports (CSV, XLSX): personal fields are left out by default, or replaced by "
            "pseudonyms.",
        ],
        "s_who": "5. Who can read the data",
        "who": [
            "Each interviewer: the interviews they made, on their laptop.",
            "The coordinator: every merged interview.",
            "The server: “coordinator” accounts read the interviews; “interviewer” accounts "
            "only send them; the server's administrator can reach the database.",
            "Those who receive an export: what it holds (no personal data by default).",
        ],
        "s_how_long": "6. How long it is kept",
        "retention": "Personal fields are removed {0} days after the interview is finalized "
        "(warned {1} days before); the other answers stay for the results.",
        "no_retention": "No retention period is set: set one (`surveyor retention --set-days "
        "DAYS`).",
        "erasure": "At a person's request, their interview is erased everywhere on the "
        "coordinator's side (`surveyor erase`, or “Erase…” in the overview); the laptops erase "
        "their copies when they import the next campaign package, or at their next hand-in to "
        "a folder holding the signed list of erasures.",
        "s_measures": "7. Security measures",
        "measures": [
            "Logs never hold an answer.",
            "Exports leave out or pseudonymise personal fields (HMAC-SHA256 with a key of the "
            "campaign's own).",
            "Erasures are logged without any answer (identifier and time).",
            "Encryption of submissions and batches: see docs/privacy.md.",
            "The campaign package and the list of erasures are signed by the coordinator "
            "(Ed25519): a stranger's list or package is ignored or refused.",
        ],
    },
}


def _label(node: FormNode, language: str) -> str:
    labels = node.label or {}
    for key, text in labels.items():
        if f"({language})" in key or key == language:
            return text
    return next(iter(labels.values()), "") if labels else ""


def field_lines(
    form: Form, language: str, extra: Mapping[str, bool] | Iterable[str] = ()
) -> list[FieldLine]:
    """Every field of ``form`` a person answers or the device records, in order."""
    personal = personal_fields(form, extra)
    lines = []
    for node in form.root.walk():
        if node.kind is not Kind.FIELD:
            continue
        kind = (node.type or "").split()[0] if node.type else ""
        if kind in ("note", "calculate") or node.name in ("instanceID", "instanceName"):
            continue
        if node.path.split("/")[2:3] == ["meta"]:
            continue
        label = " ".join(_label(node, language).split())
        repeat = next((a for a in node.repeat_ancestors() if a is not node), None)
        if repeat is not None:
            label = f"{label} {TEXT[language]['repeat'].format(repeat.name)}"
        lines.append(
            FieldLine(
                node.name,
                label,
                TEXT[language]["meta"] if kind in METADATA else kind,
                node.name in personal,
                node.name == "consent" or node.name.endswith("_consent"),
            )
        )
    return lines


_OUTPUT = re.compile(r'<output value="[^"]*?([^/"]+)"\s*/>')


def _cell(text: str) -> str:
    text = _OUTPUT.sub(lambda m: "${" + m.group(1) + "}", text)  # a label's <output/>
    return text.replace("|", "\\|").replace("\n", " ")


def processing_record(
    forms: list[Form],
    settings: PrivacySettings,
    *,
    language: str = "fr",
    data_dir: str = "",
    now: datetime | None = None,
) -> str:
    """The record of processing as Markdown, in ``language`` ("fr" or "en")."""
    t = TEXT[language]
    moment = (now or datetime.now()).strftime("%Y-%m-%d")
    out = [f"# {t['title']}", "", t["generated"].format(moment, data_dir), ""]
    out += [f"## {t['s_controller']}", ""]
    out.append(f"- {t['controller']}{t['colon']}{settings.controller or t['todo']}")
    out.append(f"- {t['purpose']}{t['colon']}{settings.purpose or t['todo']}")
    out += [f"- {t['people']}", f"- {t['basis']}", ""]
    out += [f"## {t['s_data']}", ""]
    consents: list[str] = []
    for form in forms:
        lines = field_lines(form, language, settings.marks_for(form.form_id))
        out += [f"### {t['form'].format(form.title or form.form_id, form.form_id, form.version)}"]
        out += ["", t["head"], "|---|---|---|---|"]
        for line in lines:
            flag = t["yes"] if line.personal else t["no"]
            out.append(f"| `{line.name}` | {_cell(line.label)} | {_cell(line.kind)} | {flag} |")
        personal = [f"`{line.name}`" for line in lines if line.personal]
        out += ["", t["personal_count"].format(len(personal), ", ".join(personal) or t["none"])]
        out.append("")
        consents += [f"`{line.name}` ({form.form_id})" for line in lines if line.consent]
    out += [f"## {t['s_consent']}", ""]
    out += [t["consent"].format(", ".join(consents)) if consents else t["no_consent"], ""]
    out += [f"## {t['s_where']}", ""] + [f"- {w}" for w in t["where"]] + [""]
    out += [f"## {t['s_who']}", ""] + [f"- {w}" for w in t["who"]] + [""]
    out += [f"## {t['s_how_long']}", ""]
    if settings.retention_days:
        out.append(f"- {t['retention'].format(settings.retention_days, settings.warn_days)}")
    else:
        out.append(f"- {t['no_retention']}")
    out += [f"- {t['erasure']}", ""]
    out += [f"## {t['s_measures']}", ""] + [f"- {w}" for w in t["measures"]] + [""]
    return "\n".join(out)
