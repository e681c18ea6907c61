<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AddDoorDialog</name>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="298"/>
        <source>Add a door</source>
        <translation>Ajouter une porte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="301"/>
        <source>A door that is not on your list. Only the street is required.</source>
        <translation>Une porte qui n’est pas sur votre liste. Seule la voie est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="316"/>
        <source>Add the door</source>
        <translation>Ajouter la porte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="316"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="249"/>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="251"/>
        <source>When should you come back to {0}?</source>
        <translation>Quand devez-vous revenir au {0} ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="256"/>
        <source>Date of the appointment</source>
        <translation>Date du rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="259"/>
        <source>Time of the appointment</source>
        <translation>Heure du rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="260"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="261"/>
        <source>&amp;Time</source>
        <translation>&amp;Heure</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="267"/>
        <source>Record the appointment</source>
        <translation>Enregistrer le rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="267"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>BandsDialog</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/bands.py" line="40"/>
        <source>Bands of “{0}”</source>
        <translation>Tranches de « {0} »</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/bands.py" line="45"/>
        <source>Where this number groups the figures, it is cut into bands at these edges, separated by semicolons. A value on an edge goes to the band that starts there; 15 ; 30 ; 45 gives under 15, 15–29, 30–44, 45 and over.</source>
        <translation>Quand ce nombre regroupe les chiffres, il est découpé en tranches à ces bornes, séparées par des points-virgules. Une valeur égale à une borne va dans la tranche qui commence à cette borne : 15 ; 30 ; 45 donne moins de 15, 15–29, 30–44, 45 et plus.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/bands.py" line="53"/>
        <source>Band edges</source>
        <translation>Bornes des tranches</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/bands.py" line="58"/>
        <source>Save the bands</source>
        <translation>Enregistrer les tranches</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/bands.py" line="58"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/bands.py" line="59"/>
        <source>Automatic bands</source>
        <translation>Tranches automatiques</translation>
    </message>
</context>
<context>
    <name>CodingTab</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1329"/>
        <source>← Previous</source>
        <translation>← Précédente</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1330"/>
        <source>Next →</source>
        <translation>Suivante →</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1331"/>
        <source>&amp;Quote in the report</source>
        <translation>&amp;Citer dans le rapport</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1332"/>
        <source>Themes (key: tag or untag · count in the selection)</source>
        <translation>Thèmes (touche : marquer ou démarquer · nombre dans la sélection)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1333"/>
        <source>New theme, e.g. “Noise”</source>
        <translation>Nouveau thème, par exemple « Bruit »</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1334"/>
        <source>Name of a new theme</source>
        <translation>Nom d&apos;un nouveau thème</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1335"/>
        <source>A&amp;dd the theme</source>
        <translation>A&amp;jouter le thème</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1338"/>
        <source>Keys 1 to 9 tag the answer with a theme, the arrows move to the previous or next answer, Q quotes it in the report.</source>
        <translation>Les touches 1 à 9 marquent la réponse d&apos;un thème, les flèches passent à la réponse précédente ou suivante, Q la cite dans le rapport.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1384"/>
        <source>Choose a text question on the left to code its answers.</source>
        <translation>Choisissez à gauche une question à réponse libre pour coder ses réponses.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1394"/>
        <source>No answer to this question in the selection.</source>
        <translation>Aucune réponse à cette question dans la sélection.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1397"/>
        <source>Answer {0} of {1}</source>
        <translation>Réponse {0} sur {1}</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="122"/>
        <source>Two laptops changed the same interview in different ways. Compare the versions and keep the right one; the others are kept aside, not deleted.</source>
        <translation>Deux ordinateurs ont modifié le même entretien de façons différentes. Comparez les versions et gardez la bonne ; les autres sont mises de côté, pas supprimées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="126"/>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="127"/>
        <source>Conflicts to resolve</source>
        <translation>Conflits à résoudre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="128"/>
        <source>The versions side by side</source>
        <translation>Les versions côte à côte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="129"/>
        <source>Show only the &amp;answers that differ</source>
        <translation>Afficher seulement les &amp;réponses qui diffèrent</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="130"/>
        <source>No conflict to resolve.</source>
        <translation>Aucun conflit à résoudre.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="197"/>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="218"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="199"/>
        <source>{0}
{1} versions: {2}</source>
        <translation>{0}
{1} versions : {2}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="216"/>
        <source>not finalized</source>
        <translation>non finalisé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="217"/>
        <source>Version {0}: {1}, {2}</source>
        <translation>Version {0} : {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="237"/>
        <source>“{0}” was corrected on two laptops.</source>
        <translation>« {0} » a été corrigé sur deux ordinateurs.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="239"/>
        <source>“{0}” arrived with two different contents.</source>
        <translation>« {0} » est arrivé avec deux contenus différents.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="244"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="267"/>
        <source>Keep version {0}</source>
        <translation>Garder la version {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="270"/>
        <source>Keep this version: {0}</source>
        <translation>Garder cette version : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="286"/>
        <source>Keep this version?</source>
        <translation>Garder cette version ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="287"/>
        <source>Keep version {0} of “{1}”?</source>
        <translation>Garder la version {0} de « {1} » ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="291"/>
        <source>{0}. The other versions are kept aside (not deleted) and no longer counted.</source>
        <translation>{0}. Les autres versions sont mises de côté (pas supprimées) et ne sont plus comptées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="293"/>
        <source>Keep this version</source>
        <translation>Garder cette version</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="294"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/conflicts.py" line="301"/>
        <source>Resolved: the version you chose is kept.</source>
        <translation>Résolu : la version que vous avez choisie est gardée.</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="115"/>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="117"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="117"/>
        <source>Export the interviews for analysis</source>
        <translation>Exporter les entretiens pour l’analyse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="119"/>
        <source>E&amp;ncryption…</source>
        <translation>C&amp;hiffrement…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="121"/>
        <source>Keys of the encrypted forms, and opening the encrypted interviews</source>
        <translation>Clés des formulaires chiffrés, et ouverture des entretiens chiffrés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="123"/>
        <source>Back to my interviews</source>
        <translation>Retour à mes entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="124"/>
        <source>&amp;Import batches</source>
        <translation>&amp;Importer des lots</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="126"/>
        <source>O&amp;verview</source>
        <translation>&amp;Vue d’ensemble</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="127"/>
        <source>&amp;Remove them now…</source>
        <translation>&amp;Les retirer maintenant…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="129"/>
        <source>Door lis&amp;t</source>
        <translation>Lis&amp;te des portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="130"/>
        <source>Field&amp;work</source>
        <translation>&amp;Terrain</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="131"/>
        <source>Res&amp;ults</source>
        <translation>Rés&amp;ultats</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="132"/>
        <source>&amp;People who want to act</source>
        <translation>&amp;Qui veut agir</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/page.py" line="185"/>
        <source>%n interview(s) are past the retention period of {0} days: their personal fields (names, phones, e-mails…) must be removed.</source>
        <translation>
            <numerusform>%n entretien a dépassé la durée de conservation de {0} jours : ses données personnelles (noms, téléphones, courriels…) doivent être retirées.</numerusform>
            <numerusform>%n entretiens ont dépassé la durée de conservation de {0} jours : leurs données personnelles (noms, téléphones, courriels…) doivent être retirées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/page.py" line="195"/>
        <source>The personal fields of %n interview(s) reach the retention period within {0} days (the first on {1}): export what you still need before then.</source>
        <translation>
            <numerusform>Les données personnelles de %n entretien atteignent la durée de conservation d&apos;ici {0} jours (le {1}) : exportez avant cette date ce dont vous avez encore besoin.</numerusform>
            <numerusform>Les données personnelles de %n entretiens atteignent la durée de conservation d&apos;ici {0} jours (le premier le {1}) : exportez avant cette date ce dont vous avez encore besoin.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="214"/>
        <source>Remove the personal fields?</source>
        <translation>Retirer les données personnelles ?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/page.py" line="216"/>
        <source>Remove the personal fields of %n interview(s) past the retention period?</source>
        <translation>
            <numerusform>Retirer les données personnelles de %n entretien dont la durée de conservation est dépassée ?</numerusform>
            <numerusform>Retirer les données personnelles de %n entretiens dont la durée de conservation est dépassée ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="221"/>
        <source>Names, phone numbers, e-mails and the other personal fields are removed for good, here and in the backups. The other answers stay for the results.</source>
        <translation>Les noms, numéros de téléphone, courriels et autres données personnelles sont retirés définitivement, ici et dans les sauvegardes. Les autres réponses restent pour les résultats.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="224"/>
        <source>Remove them</source>
        <translation>Les retirer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="226"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="255"/>
        <source>&amp;Conflicts ({0})</source>
        <translation>&amp;Conflits ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/page.py" line="255"/>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflits</translation>
    </message>
</context>
<context>
    <name>CrosstabTab</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1037"/>
        <source>&amp;Rows</source>
        <translation>&amp;Lignes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1038"/>
        <source>&amp;Columns</source>
        <translation>&amp;Colonnes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1039"/>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1041"/>
        <source>Counts</source>
        <translation>Effectifs</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1041"/>
        <source>Row percentages</source>
        <translation>Pourcentages en ligne</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1041"/>
        <source>Column percentages</source>
        <translation>Pourcentages en colonne</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1046"/>
        <source>Counted: those who answered both questions. Someone who ticked several choices counts in each of their cells, so totals are counted, not added up.</source>
        <translation>Sont comptées les personnes qui ont répondu aux deux questions. Une personne qui a coché plusieurs réponses compte dans chacune de ses cases : les totaux sont comptés, pas additionnés.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1096"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1110"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1120"/>
        <source>Small numbers: a row or a column has fewer than 30 answers. Its percentages can change a lot with a few answers more or less.</source>
        <translation>Petits effectifs : une ligne ou une colonne a moins de 30 réponses. Ses pourcentages peuvent beaucoup changer avec quelques réponses de plus ou de moins.</translation>
    </message>
</context>
<context>
    <name>DoorList</name>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="81"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="82"/>
        <source>Number suffix (bis, ter)</source>
        <translation>Indice (bis, ter)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="83"/>
        <source>Street</source>
        <translation>Voie</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="84"/>
        <source>Building</source>
        <translation>Bâtiment</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="85"/>
        <source>Staircase</source>
        <translation>Escalier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="86"/>
        <source>Floor</source>
        <translation>Étage</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="87"/>
        <source>Door / flat</source>
        <translation>Porte / appartement</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="88"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="89"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="90"/>
        <source>City</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="91"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="92"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="93"/>
        <source>Interviewer</source>
        <translation>Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="94"/>
        <source>Door id</source>
        <translation>Identifiant de porte</translation>
    </message>
</context>
<context>
    <name>DoorListPanel</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="357"/>
        <source>Import a door &amp;list…</source>
        <translation>Importer une &amp;liste de portes…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="359"/>
        <source>A CSV or XLSX file of addresses (the national address base&apos;s export fits)</source>
        <translation>Un fichier CSV ou XLSX d’adresses (l’export de la Base Adresse Nationale convient)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="361"/>
        <source>Round s&amp;heet (PDF)…</source>
        <translation>&amp;Feuille de route (PDF)…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="362"/>
        <source>Campaign &amp;package…</source>
        <translation>&amp;Paquet de campagne…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="365"/>
        <source>Write the forms, the doors and the assignments into one file for the laptops (USB key or shared folder)</source>
        <translation>Écrire les formulaires, les portes et les attributions dans un fichier pour les ordinateurs (clé USB ou dossier partagé)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="369"/>
        <source>P&amp;ublish on the server</source>
        <translation>Publier sur le &amp;serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="372"/>
        <source>Put a new campaign package on the campaign&apos;s Surveyor server: the laptops take it at their next sync</source>
        <translation>Mettre un nouveau paquet de campagne sur le serveur Surveyor de la campagne : les ordinateurs le prennent à leur prochaine synchronisation</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="376"/>
        <source>ODK &amp;Entity list…</source>
        <translation>Liste d’&amp;entités ODK…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="378"/>
        <source>Write the door list as a CSV file to upload to an ODK Central Entity list</source>
        <translation>Écrire la liste des portes en CSV, à déposer dans une liste d’entités ODK Central</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="380"/>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="384"/>
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="382"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="382"/>
        <source>Doors</source>
        <translation>Portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="382"/>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="385"/>
        <source>Assign &amp;to the interviewer</source>
        <translation>A&amp;ttribuer à l’enquêteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="386"/>
        <source>Interviewer&apos;s name</source>
        <translation>Nom de l’enquêteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="387"/>
        <source>Assign the sector</source>
        <translation>Attribuer le secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="388"/>
        <source>Assign the selected doors</source>
        <translation>Attribuer les portes choisies</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="389"/>
        <source>Search a street, a number, a door id…</source>
        <translation>Chercher une voie, un numéro, un identifiant…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="390"/>
        <source>Search the doors</source>
        <translation>Chercher dans les portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="391"/>
        <source>Door list</source>
        <translation>Liste des portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="395"/>
        <source>Every status</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="400"/>
        <source>Status of the doors shown</source>
        <translation>État des portes affichées</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="425"/>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="425"/>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="569"/>
        <source>(no sector)</source>
        <translation>(sans secteur)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="437"/>
        <source>(+{0} not assigned)</source>
        <translation>(+{0} non attribuées)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="439"/>
        <source>not assigned</source>
        <translation>non attribué</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="482"/>
        <source>{0} door(s) shown of {1}.</source>
        <translation>{0} porte(s) affichée(s) sur {1}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="495"/>
        <source>Import a door list</source>
        <translation>Importer une liste de portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="497"/>
        <source>Door lists (*.csv *.xlsx *.txt)</source>
        <translation>Listes de portes (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="535"/>
        <source>{0} door(s) imported from {1}.</source>
        <translation>{0} porte(s) importée(s) depuis {1}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="541"/>
        <source>Columns used: {0}.</source>
        <translation>Colonnes utilisées : {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="543"/>
        <source>Columns left aside: {0}.</source>
        <translation>Colonnes laissées de côté : {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="552"/>
        <source>First row in question: {0} (the header is row 1).</source>
        <translation>Première ligne en cause : {0} (l’en-tête est la ligne 1).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="568"/>
        <source>{0} door(s) of the sector {1} assigned to {2}.</source>
        <translation>{0} porte(s) du secteur {1} attribuée(s) à {2}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="569"/>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="583"/>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="578"/>
        <source>Select doors in the list first.</source>
        <translation>Choisissez d’abord des portes dans la liste.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="582"/>
        <source>{0} door(s) assigned to {1}.</source>
        <translation>{0} porte(s) attribuée(s) à {1}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="625"/>
        <source>Save the campaign package</source>
        <translation>Enregistrer le paquet de campagne</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="627"/>
        <source>Campaign package (*.zip)</source>
        <translation>Paquet de campagne (*.zip)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="643"/>
        <source>Campaign package written, protected by its password: {0}. Give it to each laptop (“My doors”, “Import the door list…”) and tell the volunteers the password.</source>
        <translation>Paquet de campagne écrit, protégé par son mot de passe : {0}. Donnez-le à chaque portable (« Mes portes », « Importer la liste des portes… ») et dites le mot de passe aux bénévoles.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="649"/>
        <source>Campaign package written: {0}. Give it to each laptop (“My doors”, “Import the door list…”).</source>
        <translation>Paquet de campagne écrit : {0}. Donnez-le à chaque ordinateur (« Mes portes », « Importer la liste des portes… »).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="667"/>
        <source>No server is set: enter its address and the coordinator account in the settings.</source>
        <translation>Aucun serveur n’est indiqué : saisissez son adresse et le compte coordinateur dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="677"/>
        <source>Publishing on the server</source>
        <translation>Publication sur le serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="678"/>
        <source>Writing the campaign package…</source>
        <translation>Écriture du paquet de campagne…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="685"/>
        <source>Sending it to the server…</source>
        <translation>Envoi au serveur…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="717"/>
        <source>The server password is needed: type it in the settings.</source>
        <translation>Le mot de passe du serveur est nécessaire : saisissez-le dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="721"/>
        <source>The server address in the settings is not valid.</source>
        <translation>L’adresse du serveur indiquée dans les paramètres n’est pas valable.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="726"/>
        <source>This server does not take campaign packages (it is not a Surveyor server): give the package to the laptops as a file.</source>
        <translation>Ce serveur ne prend pas les paquets de campagne (ce n’est pas un serveur Surveyor) : donnez le paquet aux ordinateurs sous forme de fichier.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="734"/>
        <source>Campaign package revision {0} is on the server: the laptops take it at their next sync.</source>
        <translation>La révision {0} du paquet de campagne est sur le serveur : les ordinateurs la prennent à leur prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="747"/>
        <source>The server refuses the account {0}: publishing needs a coordinator account and its password (settings).</source>
        <translation>Le serveur refuse le compte {0} : publier demande un compte coordinateur et son mot de passe (paramètres).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="751"/>
        <source>The server refused the campaign package: {0}</source>
        <translation>Le serveur a refusé le paquet de campagne : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="753"/>
        <source>The campaign package was not published: {0}</source>
        <translation>Le paquet de campagne n’a pas été publié : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="762"/>
        <source>Save the door list for ODK Central</source>
        <translation>Enregistrer la liste des portes pour ODK Central</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="762"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="770"/>
        <source>{0} door(s) written to {1}, ready for an ODK Central Entity list.</source>
        <translation>{0} porte(s) écrite(s) dans {1}, prête(s) pour une liste d’entités ODK Central.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="790"/>
        <source>Save the round sheet</source>
        <translation>Enregistrer la feuille de route</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="790"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="807"/>
        <source>Round sheet written: {0} ({1} door(s)).</source>
        <translation>Feuille de route écrite : {0} ({1} porte(s)).</translation>
    </message>
</context>
<context>
    <name>DoorToDoorTab</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/results_funnel.py" line="50"/>
        <source>The detail per sector, per interviewer and per day is in the “Fieldwork” tab; the filters above do not apply to the doors.</source>
        <translation>Le détail par secteur, par enquêteur·rice et par jour est dans l’onglet « Terrain » ; les filtres ci-dessus ne s’appliquent pas aux portes.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results_funnel.py" line="68"/>
        <source>Every door</source>
        <translation>Toutes les portes</translation>
    </message>
</context>
<context>
    <name>Doors</name>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="47"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="48"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="49"/>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="50"/>
        <source>Vacant</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="51"/>
        <source>Not eligible</source>
        <translation>Non éligible</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="52"/>
        <source>Come back later</source>
        <translation>Repasser plus tard</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="53"/>
        <source>Interview started</source>
        <translation>Entretien commencé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="54"/>
        <source>Interview done</source>
        <translation>Entretien fait</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="61"/>
        <source>To visit</source>
        <translation>À visiter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="63"/>
        <source>Refused (final)</source>
        <translation>Refus (définitif)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="103"/>
        <source>{0} ({1} visits)</source>
        <translation>{0} ({1} visites)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="69"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="70"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="71"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="72"/>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="73"/>
        <source>Interviewer</source>
        <translation>Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="74"/>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="75"/>
        <source>Door</source>
        <translation>Porte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="280"/>
        <source>&amp;Number</source>
        <translation>&amp;Numéro</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="281"/>
        <source>S&amp;treet (required)</source>
        <translation>&amp;Voie (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="282"/>
        <source>&amp;Building</source>
        <translation>&amp;Bâtiment</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="283"/>
        <source>Stair&amp;case</source>
        <translation>&amp;Escalier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="284"/>
        <source>&amp;Floor</source>
        <translation>É&amp;tage</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="285"/>
        <source>&amp;Door / flat</source>
        <translation>&amp;Porte / appartement</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="286"/>
        <source>S&amp;ector</source>
        <translation>&amp;Secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="287"/>
        <source>&amp;Postcode</source>
        <translation>&amp;Code postal</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="288"/>
        <source>Cit&amp;y</source>
        <translation>Co&amp;mmune</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="37"/>
        <source>Encryption of the interviews</source>
        <translation>Chiffrement des entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="47"/>
        <source>With a public key in a form, each interview is encrypted on the laptop as soon as it is finalized: only the private key opens it. Keep the private key and its passphrase safe: if both are lost, nobody can read the interviews.</source>
        <translation>Avec une clé publique dans un formulaire, chaque entretien est chiffré sur l’ordinateur portable dès qu’il est finalisé : seule la clé privée l’ouvre. Gardez la clé privée et sa phrase secrète en lieu sûr : si elles sont perdues, personne ne pourra lire les entretiens.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="55"/>
        <source>1. A new key pair</source>
        <translation>1. Une nouvelle paire de clés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="58"/>
        <source>Passphrase of the private key</source>
        <translation>Phrase secrète de la clé privée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="59"/>
        <source>The same passphrase again</source>
        <translation>La même phrase secrète, une seconde fois</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="60"/>
        <source>&amp;Passphrase (8 characters or more)</source>
        <translation>&amp;Phrase secrète (8 caractères ou plus)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="61"/>
        <source>&amp;Again</source>
        <translation>C&amp;onfirmation</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="63"/>
        <source>&amp;Make the key pair and save the private key…</source>
        <translation>&amp;Créer la paire de clés et enregistrer la clé privée…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="70"/>
        <source>2. The public key, and a recovery copy</source>
        <translation>2. La clé publique, et une copie de secours</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="75"/>
        <source>Public key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="81"/>
        <source>&amp;Copy the public key</source>
        <translation>Cop&amp;ier la clé publique</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="83"/>
        <source>Save a &amp;recovery copy to print…</source>
        <translation>Enregistrer une copie de &amp;secours à imprimer…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="86"/>
        <source>Put it into a &amp;form…</source>
        <translation>La mettre dans un &amp;formulaire…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="96"/>
        <source>3. Open the encrypted interviews received</source>
        <translation>3. Ouvrir les entretiens chiffrés reçus</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="100"/>
        <source>Passphrase of the private key file</source>
        <translation>Phrase secrète du fichier de clé privée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="101"/>
        <source>Passphrase of the key fi&amp;le</source>
        <translation>Phrase secrète du fic&amp;hier de clé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="103"/>
        <source>Choose the private &amp;key and open them…</source>
        <translation>Choisir la clé privée et les o&amp;uvrir…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="134"/>
        <source>%n interview(s) received encrypted wait for their private key.</source>
        <translation>
            <numerusform>%n entretien reçu chiffré attend sa clé privée.</numerusform>
            <numerusform>%n entretiens reçus chiffrés attendent leur clé privée.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="136"/>
        <source>No encrypted interview waits to be opened.</source>
        <translation>Aucun entretien chiffré n’attend d’être ouvert.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="167"/>
        <source>The passphrase must have at least {0} characters.</source>
        <translation>La phrase secrète doit compter au moins {0} caractères.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="172"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="176"/>
        <source>Save the private key</source>
        <translation>Enregistrer la clé privée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="178"/>
        <source>Private key (*.pem)</source>
        <translation>Clé privée (*.pem)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="196"/>
        <source>The private key is saved in {0}. Save a recovery copy and keep it apart (a safe, a locked drawer): with its passphrase it opens every interview.</source>
        <translation>La clé privée est enregistrée dans {0}. Enregistrez une copie de secours et rangez-la à part (un coffre, un tiroir fermé à clé) : avec sa phrase secrète, elle ouvre tous les entretiens.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="204"/>
        <source>The public key is copied.</source>
        <translation>La clé publique est copiée.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="211"/>
        <source>Surveyor — recovery copy of the private key of the encrypted forms</source>
        <translation>Surveyor — copie de secours de la clé privée des formulaires chiffrés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="214"/>
        <source>Keep this sheet apart from the computer. The private key below is protected by its passphrase: the sheet alone opens nothing. Without the key and its passphrase, the encrypted interviews cannot be read.</source>
        <translation>Rangez cette feuille loin de l’ordinateur. La clé privée ci-dessous est protégée par sa phrase secrète : la feuille seule n’ouvre rien. Sans la clé et sa phrase secrète, les entretiens chiffrés ne peuvent pas être lus.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="219"/>
        <source>To use it again: type it into a text file named cle.pem (or scan it), then choose it in Coordination → Encryption.</source>
        <translation>Pour la réutiliser : recopiez-la dans un fichier texte nommé cle.pem (ou numérisez-la), puis choisissez-la dans Coordination → Chiffrement.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="223"/>
        <source>Public key (for the forms&apos; public_key setting):</source>
        <translation>Clé publique (pour le paramètre public_key des formulaires) :</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="233"/>
        <source>Save the recovery copy</source>
        <translation>Enregistrer la copie de secours</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="235"/>
        <source>Text (*.txt)</source>
        <translation>Texte (*.txt)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="245"/>
        <source>The recovery copy is in {0}: print it, then delete the file.</source>
        <translation>La copie de secours est dans {0} : imprimez-la, puis supprimez le fichier.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="253"/>
        <source>Choose the form</source>
        <translation>Choisir le formulaire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="253"/>
        <source>XLSForm (*.xlsx)</source>
        <translation>XLSForm (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="263"/>
        <source>The public key is in {0}: publish or hand out this form again; its interviews will be encrypted when they are finalized.</source>
        <translation>La clé publique est dans {0} : publiez ou distribuez de nouveau ce formulaire ; ses entretiens seront chiffrés à leur finalisation.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="275"/>
        <source>Choose the private key</source>
        <translation>Choisir la clé privée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="275"/>
        <source>Private key (*.pem);;Every file (*)</source>
        <translation>Clé privée (*.pem);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/encryption.py" line="293"/>
        <source>%n interview(s) opened and merged.</source>
        <translation>
            <numerusform>%n entretien ouvert et fusionné.</numerusform>
            <numerusform>%n entretiens ouverts et fusionnés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="24"/>
        <source>Something went wrong inside Surveyor; nothing was lost. If it happens again, tell the coordinator.</source>
        <translation>Un problème est survenu dans Surveyor ; rien n’a été perdu. Si cela se reproduit, prévenez le coordinateur.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="30"/>
        <source>The form has errors and cannot be used: the coordinator must correct it.</source>
        <translation>Le questionnaire contient des erreurs et ne peut pas être utilisé : le coordinateur doit le corriger.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="33"/>
        <source>A calculation or a condition of the form has an error: the coordinator must correct the form.</source>
        <translation>Un calcul ou une condition du questionnaire contient une erreur : le coordinateur doit corriger le questionnaire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="38"/>
        <source>A check of the form took too long on this answer: the coordinator must simplify the form.</source>
        <translation>Une vérification du questionnaire a pris trop de temps sur cette réponse : le coordinateur doit simplifier le questionnaire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="43"/>
        <source>This interview has reached one of Surveyor&apos;s limits (too many repeats).</source>
        <translation>Cet entretien a atteint l’une des limites de Surveyor (trop de répétitions).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="46"/>
        <source>Some answers are missing or not valid: see the questions marked.</source>
        <translation>Des réponses manquent ou ne sont pas valides : voyez les questions signalées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="49"/>
        <source>This interview cannot be changed in this way now (was it already sent or handed in?).</source>
        <translation>Cet entretien ne peut pas être modifié ainsi maintenant (a-t-il déjà été envoyé ou remis ?).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="53"/>
        <source>The export cannot be made as asked (form, language or format).</source>
        <translation>L’export ne peut pas être fait comme demandé (questionnaire, langue ou format).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="57"/>
        <source>The interviews&apos; database cannot be used for now; nothing was changed.</source>
        <translation>La base des entretiens ne peut pas être utilisée pour le moment ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="60"/>
        <source>The database is busy: another Surveyor is writing to it. Try again when it has finished; nothing was changed.</source>
        <translation>La base est occupée : un autre Surveyor y écrit. Réessayez quand il aura fini ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="65"/>
        <source>The database is damaged: nothing is written to it. Choose Repair to rebuild it from what can still be read.</source>
        <translation>La base est abîmée : rien n’y est écrit. Choisissez Réparer pour la reconstruire à partir de ce qui peut encore être lu.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="70"/>
        <source>The data folder cannot be written (read-only disk or folder?); nothing was changed.</source>
        <translation>Le dossier des données ne peut pas être écrit (disque ou dossier en lecture seule ?) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="74"/>
        <source>The data was written by a newer version of Surveyor: install it to open them; nothing was changed.</source>
        <translation>Les données ont été écrites par une version plus récente de Surveyor : installez-la pour les ouvrir ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="79"/>
        <source>Surveyor used its database from the wrong place (an error in Surveyor); nothing was changed.</source>
        <translation>Surveyor a utilisé sa base depuis le mauvais endroit (une erreur de Surveyor) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="84"/>
        <source>The data on this computer is protected by a passphrase: type it to open them; nothing was changed.</source>
        <translation>Les données de cet ordinateur sont protégées par une phrase secrète : tapez-la pour les ouvrir ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="89"/>
        <source>Wrong passphrase for the data on this computer; nothing was changed.</source>
        <translation>Phrase secrète erronée pour les données de cet ordinateur ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="92"/>
        <source>The key of the data on this computer is not in this computer’s keychain (another user account, another computer?); nothing was changed.</source>
        <translation>La clé des données de cet ordinateur n’est pas dans le trousseau de cet ordinateur (un autre compte utilisateur, un autre ordinateur ?) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="97"/>
        <source>The disk is full: free some space and try again; nothing was changed.</source>
        <translation>Le disque est plein : libérez de la place et réessayez ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="100"/>
        <source>This interview is no longer in the database.</source>
        <translation>Cet entretien n’est plus dans la base.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="103"/>
        <source>The form of this interview is no longer in the database.</source>
        <translation>Le questionnaire de cet entretien n’est plus dans la base.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="106"/>
        <source>A file attached to this interview is missing.</source>
        <translation>Un fichier joint à cet entretien manque.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="109"/>
        <source>This conflict was already resolved.</source>
        <translation>Ce conflit a déjà été résolu.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="112"/>
        <source>This file name cannot be used: it must be a plain name, without &apos;/&apos;, &apos;\&apos;, &apos;:&apos; or &apos;..&apos;.</source>
        <translation>Ce nom de fichier ne peut pas être utilisé : ce doit être un nom simple, sans « / », « \ », « : » ni « .. ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="118"/>
        <source>The file is no longer there.</source>
        <translation>Le fichier n’est plus là.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="119"/>
        <source>The file was still being written. Import it again in a moment.</source>
        <translation>Le fichier était encore en cours d’écriture. Importez-le à nouveau dans un moment.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="122"/>
        <source>The file is incomplete or damaged (copied before the end?). Ask for it again.</source>
        <translation>Le fichier est incomplet ou abîmé (copié avant la fin ?). Demandez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="126"/>
        <source>The file cannot be read (is the USB key still plugged in?).</source>
        <translation>Le fichier ne peut pas être lu (la clé USB est-elle toujours branchée ?).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="129"/>
        <source>This file is not a Surveyor batch.</source>
        <translation>Ce fichier n’est pas un lot Surveyor.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="132"/>
        <source>This file was made by a newer Surveyor: update Surveyor to import it.</source>
        <translation>Ce fichier a été fait par un Surveyor plus récent : mettez Surveyor à jour pour l’importer.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="135"/>
        <location filename="../../surveyor/ui/errors.py" line="138"/>
        <source>The file is damaged. Ask for it again.</source>
        <translation>Le fichier est abîmé. Demandez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="141"/>
        <source>The file uses a ZIP feature Surveyor does not read (a password, a compression method). Ask for a new hand-in made by Surveyor.</source>
        <translation>Le fichier utilise une fonction ZIP que Surveyor ne lit pas (un mot de passe, une méthode de compression). Demandez une nouvelle remise faite par Surveyor.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="146"/>
        <source>The file holds names that could write outside its folder: it was refused for safety. Ask for a new hand-in.</source>
        <translation>Le fichier contient des noms qui pourraient écrire hors de son dossier : il a été refusé par sécurité. Demandez une nouvelle remise.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="151"/>
        <source>The file is larger than Surveyor accepts once uncompressed: it was refused for safety.</source>
        <translation>Une fois décompressé, le fichier est plus gros que ce que Surveyor accepte : il a été refusé par sécurité.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="156"/>
        <source>The content of the file is not that of a valid Surveyor batch. Ask for a new hand-in.</source>
        <translation>Le contenu du fichier n’est pas celui d’un lot Surveyor valide. Demandez une nouvelle remise.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="160"/>
        <source>The form of its interviews is missing. Ask for a new hand-in.</source>
        <translation>Le questionnaire de ses entretiens manque. Demandez une nouvelle remise.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="163"/>
        <source>The file holds a correction of an interview that replaces itself. Ask for a new hand-in.</source>
        <translation>Le fichier contient une correction d’entretien qui se remplace elle-même. Demandez une nouvelle remise.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="168"/>
        <source>The file changed while it was being imported. Import it again.</source>
        <translation>Le fichier a changé pendant son import. Importez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="171"/>
        <source>The batch file cannot be written there (USB key removed, or read-only?).</source>
        <translation>Le fichier du lot ne peut pas être écrit à cet endroit (clé USB retirée, ou lecture seule ?).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="176"/>
        <source>This door is not in the door list of this laptop.</source>
        <translation>Cette porte n’est pas dans la liste des portes de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="179"/>
        <source>This visit cannot be recorded as given (outcome or appointment time); nothing was changed.</source>
        <translation>Ce passage ne peut pas être enregistré ainsi (résultat ou heure du rendez-vous) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="184"/>
        <source>The door list cannot be imported (a row or a column is not as expected); no door was imported.</source>
        <translation>La liste des portes ne peut pas être importée (une ligne ou une colonne n’est pas comme attendu) ; aucune porte n’a été importée.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="189"/>
        <source>The campaign package cannot be used (damaged, from another campaign, or older than the one already here); nothing was changed.</source>
        <translation>Le paquet de campagne ne peut pas être utilisé (abîmé, d’une autre campagne, ou plus ancien que celui déjà présent) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="194"/>
        <source>The campaign package is protected by a password: type the password the coordinator gave you.</source>
        <translation>Le paquet de campagne est protégé par un mot de passe : tapez le mot de passe que la coordination vous a donné.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="199"/>
        <source>This password does not open the campaign package (check it with the coordinator); nothing was changed.</source>
        <translation>Ce mot de passe n’ouvre pas le paquet de campagne (vérifiez-le avec la coordination) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="205"/>
        <source>The server refuses the password.</source>
        <translation>Le serveur refuse le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="208"/>
        <source>The server refuses this account: it is not allowed to do this (ask the coordinator).</source>
        <translation>Le serveur refuse ce compte : il n’a pas le droit de faire cela (demandez au coordinateur).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="212"/>
        <source>The server does not have the form of an interview: ask the coordinator to publish it.</source>
        <translation>Le serveur n’a pas le questionnaire d’un entretien : demandez au coordinateur de le publier.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="216"/>
        <source>The server refused an interview that only a person can settle (an edit of a version already replaced, or the same interview with other answers).</source>
        <translation>Le serveur a refusé un entretien que seule une personne peut trancher (une modification d’une version déjà remplacée, ou le même entretien avec d’autres réponses).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="221"/>
        <source>The server no longer accepts interviews for this form (it is closed).</source>
        <translation>Le serveur n’accepte plus d’entretiens pour ce questionnaire (il est fermé).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="224"/>
        <source>An interview or one of its files is larger than the server accepts.</source>
        <translation>Un entretien ou l’un de ses fichiers est plus gros que ce que le serveur accepte.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="227"/>
        <source>The server refused an interview (see its state).</source>
        <translation>Le serveur a refusé un entretien (voyez son état).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="230"/>
        <source>The network asks you to log in (captive portal?): open a web browser, log in, and sending will start again.</source>
        <translation>Le réseau vous demande de vous connecter (portail captif ?) : ouvrez un navigateur web, connectez-vous, et l’envoi reprendra.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="235"/>
        <source>The server has a problem for now; we will try again.</source>
        <translation>Le serveur a un problème pour le moment ; nous réessaierons.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="238"/>
        <source>The server is overloaded for now; we will try again later.</source>
        <translation>Le serveur est surchargé pour le moment ; nous réessaierons plus tard.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="241"/>
        <source>The server cannot be reached for now; we will try again.</source>
        <translation>Le serveur est injoignable pour le moment ; nous réessaierons.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="244"/>
        <source>The server does not answer in time (slow network?); we will try again.</source>
        <translation>Le serveur ne répond pas à temps (réseau lent ?) ; nous réessaierons.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="247"/>
        <source>The server&apos;s security certificate is not accepted: check the address in the settings (or the network intercepts the connection).</source>
        <translation>Le certificat de sécurité du serveur n’est pas accepté : vérifiez l’adresse dans les paramètres (ou le réseau intercepte la connexion).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="252"/>
        <source>The server gave an unexpected answer: check the address in the settings (is it a survey server?).</source>
        <translation>Le serveur a donné une réponse inattendue : vérifiez l’adresse dans les paramètres (est-ce un serveur d’enquête ?).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="257"/>
        <source>An interview could not be prepared for sending (is its form missing?); it stays to send.</source>
        <translation>Un entretien n’a pas pu être préparé pour l’envoi (son questionnaire manque-t-il ?) ; il reste à envoyer.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="262"/>
        <source>Sending was stopped; what was not sent stays to send.</source>
        <translation>L’envoi a été arrêté ; ce qui n’a pas été envoyé reste à envoyer.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="265"/>
        <source>Sending is already running.</source>
        <translation>L’envoi est déjà en cours.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="268"/>
        <source>The server password is needed: type it in the settings.</source>
        <translation>Le mot de passe du serveur est nécessaire : saisissez-le dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="271"/>
        <source>A submission on the server could not be read (its form is unknown or its content is damaged).</source>
        <translation>Une soumission du serveur n’a pas pu être lue (son questionnaire est inconnu ou son contenu est abîmé).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="276"/>
        <source>The server refused the request.</source>
        <translation>Le serveur a refusé la demande.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="279"/>
        <source>The request is larger than the server accepts.</source>
        <translation>La demande est plus grosse que ce que le serveur accepte.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="282"/>
        <source>This batch is protected for the coordinator&apos;s key: open it with the private key (Coordination → Encryption…).</source>
        <translation>Ce lot est protégé pour la clé de la coordination : ouvrez-le avec la clé privée (Coordination → Chiffrement…).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="287"/>
        <source>This is not a usable encryption key: check the file or the text.</source>
        <translation>Ce n’est pas une clé de chiffrement utilisable : vérifiez le fichier ou le texte.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="290"/>
        <source>The passphrase of the private key is wrong; nothing was changed.</source>
        <translation>La phrase secrète de la clé privée est erronée ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="293"/>
        <source>The private key was not found (file or keychain); nothing was changed.</source>
        <translation>La clé privée est introuvable (fichier ou trousseau) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="296"/>
        <source>This private key does not open these interviews (it is not their form&apos;s key); nothing was changed.</source>
        <translation>Cette clé privée n’ouvre pas ces entretiens (ce n’est pas la clé de leur formulaire) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="301"/>
        <source>An encrypted interview is damaged and cannot be opened; nothing was changed.</source>
        <translation>Un entretien chiffré est endommagé et ne peut pas être ouvert ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="305"/>
        <source>This interview was encrypted when it was finalized: it can no longer be opened or edited on this computer.</source>
        <translation>Cet entretien a été chiffré à sa finalisation : il ne peut plus être ouvert ni modifié sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="311"/>
        <source>This question is not in the form: choose another one.</source>
        <translation>Cette question n&apos;est pas dans le questionnaire : choisissez-en une autre.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="314"/>
        <source>This answer is not one of the question&apos;s choices: choose another one.</source>
        <translation>Cette réponse ne fait pas partie des choix de la question : choisissez-en une autre.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="317"/>
        <source>No interview matches: widen the filters.</source>
        <translation>Aucun entretien ne correspond : élargissez les filtres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="320"/>
        <source>There are interviews of several forms: choose one.</source>
        <translation>Il y a des entretiens de plusieurs questionnaires : choisissez-en un.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="323"/>
        <source>This question holds personal data: its answers are never shown.</source>
        <translation>Cette question contient des données personnelles : ses réponses ne sont jamais affichées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="326"/>
        <source>The report plan or the theme cannot be used as it is: correct it.</source>
        <translation>Le plan du rapport ou le thème ne peut pas être utilisé tel quel : corrigez-le.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="329"/>
        <source>The band edges must be numbers, each larger than the one before (as 15 ; 30 ; 45).</source>
        <translation>Les bornes des tranches doivent être des nombres, chacun plus grand que le précédent (par exemple 15 ; 30 ; 45).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/errors.py" line="333"/>
        <source>These reference figures cannot be kept: each share between 0 and 100, a total close to 100, the question&apos;s own answers or bands.</source>
        <translation>Ces chiffres de référence ne peuvent pas être enregistrés : chaque part entre 0 et 100, un total proche de 100, les réponses ou les tranches de la question.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="34"/>
        <source>Export for analysis</source>
        <translation>Exporter pour l’analyse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="41"/>
        <source>Forms to export</source>
        <translation>Questionnaires à exporter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="42"/>
        <source>Every form</source>
        <translation>Tous les questionnaires</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="45"/>
        <source>&amp;Forms</source>
        <translation>&amp;Questionnaires</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="47"/>
        <source>&amp;CSV files (one per table)</source>
        <translation>Fichiers &amp;CSV (un par tableau)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="48"/>
        <source>E&amp;xcel file (XLSX, one sheet per table)</source>
        <translation>Fichier E&amp;xcel (XLSX, une feuille par tableau)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="49"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="51"/>
        <source>C&amp;odes (as in the form: “social_rent”)</source>
        <translation>C&amp;odes (comme dans le questionnaire : « social_rent »)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="52"/>
        <source>&amp;Labels (as read: “Social housing”)</source>
        <translation>&amp;Libellés (tels que lus : « Logement social »)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="54"/>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="58"/>
        <source>&amp;Split multiple choices: one 0/1 column per choice as well</source>
        <translation>&amp;Détailler les choix multiples : aussi une colonne 0/1 par choix</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="65"/>
        <source>Personal fields</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="66"/>
        <source>Leave them out</source>
        <translation>Les laisser de côté</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="67"/>
        <source>Replace them with pseudonyms</source>
        <translation>Les remplacer par des pseudonymes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="68"/>
        <source>Keep them as answered</source>
        <translation>Les garder telles que saisies</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="71"/>
        <source>Names, phone numbers, e-mails and addresses of residents. A pseudonym replaces each value by a code that stays the same within this campaign.</source>
        <translation>Noms, numéros de téléphone, courriels et adresses des habitants. Un pseudonyme remplace chaque valeur par un code qui reste le même pendant toute cette campagne.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="75"/>
        <source>&amp;Personal fields</source>
        <translation>Données &amp;personnelles</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="79"/>
        <location filename="../../surveyor/ui/coordinator/export.py" line="119"/>
        <source>Folder to write the files in</source>
        <translation>Dossier où écrire les fichiers</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="81"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="82"/>
        <source>Choose the folder</source>
        <translation>Choisir le dossier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="84"/>
        <source>F&amp;older</source>
        <translation>D&amp;ossier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="87"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="87"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="171"/>
        <source>Exporting interview {0} of {1}…</source>
        <translation>Export de l’entretien {0} sur {1}…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="177"/>
        <source>Exporting</source>
        <translation>Export en cours</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="176"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="192"/>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="193"/>
        <source>Files written in {0}</source>
        <translation>Fichiers écrits dans {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="197"/>
        <source>No file written.</source>
        <translation>Aucun fichier écrit.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/export.py" line="204"/>
        <source>The export failed: {0}</source>
        <translation>L’export a échoué : {0}</translation>
    </message>
</context>
<context>
    <name>Fieldwork</name>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="100"/>
        <source>Doors</source>
        <translation>Portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="101"/>
        <source>Visited</source>
        <translation>Visitées</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="102"/>
        <source>Contacted</source>
        <translation>Contactées</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="103"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="104"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="105"/>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="106"/>
        <source>Vacant</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="107"/>
        <source>Not eligible</source>
        <translation>Non éligible</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="108"/>
        <source>Come back later</source>
        <translation>Repasser plus tard</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="109"/>
        <source>Started</source>
        <translation>Commencés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="110"/>
        <source>Interviews done</source>
        <translation>Entretiens faits</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="111"/>
        <source>Never visited</source>
        <translation>Jamais visitées</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="112"/>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="113"/>
        <source>Contact rate</source>
        <translation>Taux de contact</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="114"/>
        <source>Response rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="120"/>
        <source>Doors in the list</source>
        <translation>Portes de la liste</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="121"/>
        <source>Doors visited at least once</source>
        <translation>Portes visitées au moins une fois</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="122"/>
        <source>Doors where someone was reached at least once (refused, appointment, not eligible, come back later, interview started or done)</source>
        <translation>Portes où quelqu’un a répondu au moins une fois (refus, rendez-vous, non éligible, repasser plus tard, entretien commencé ou fait)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="127"/>
        <source>Doors whose last visit found nobody</source>
        <translation>Portes où personne n’a répondu à la dernière visite</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="128"/>
        <source>Doors that refused (final)</source>
        <translation>Portes qui ont refusé (définitif)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="129"/>
        <source>Doors with an appointment pending</source>
        <translation>Portes avec un rendez-vous à venir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="132"/>
        <source>Empty, or not a dwelling</source>
        <translation>Logement vide, ou pas un logement</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="133"/>
        <source>The household is not in the survey&apos;s population</source>
        <translation>Le ménage ne fait pas partie de la population de l’enquête</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="136"/>
        <source>Someone asked to come back, without a set time</source>
        <translation>Quelqu’un a demandé de repasser, sans heure fixée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="139"/>
        <source>An interview was started, not finished</source>
        <translation>Un entretien a été commencé, pas terminé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="142"/>
        <source>Doors where an interview was done</source>
        <translation>Portes où un entretien a été fait</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="143"/>
        <source>Doors nobody knocked at yet</source>
        <translation>Portes où personne n’a encore frappé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="144"/>
        <source>Visits recorded in all</source>
        <translation>Visites enregistrées en tout</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="152"/>
        <source>Contact rate = contacted ÷ (visited − vacant): of the dwellings knocked at, how many answered.</source>
        <translation>Taux de contact = contactées ÷ (visitées − vacants) : parmi les logements où l’on a frappé, combien ont répondu.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="157"/>
        <source>Response rate = interviews done ÷ (visited − vacant − not eligible): of the doors knocked at that may hold an eligible household, how many gave an interview.</source>
        <translation>Taux de réponse = entretiens faits ÷ (visitées − vacants − non éligibles) : parmi les portes visitées qui peuvent abriter un ménage éligible, combien ont donné un entretien.</translation>
    </message>
</context>
<context>
    <name>FieldworkPanel</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="293"/>
        <source>Export (CSV or XLSX)…</source>
        <translation>Exporter (CSV ou XLSX)…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="294"/>
        <source>Export the funnel as CSV or XLSX</source>
        <translation>Exporter l’entonnoir en CSV ou XLSX</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="298"/>
        <source>Contact rate = contacted ÷ (visited − vacant). Response rate = interviews done ÷ (visited − vacant − not eligible). Point at a number for its definition.</source>
        <translation>Taux de contact = contactées ÷ (visitées − vacants). Taux de réponse = entretiens faits ÷ (visitées − vacants − non éligibles). Survolez un nombre pour sa définition.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="305"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="305"/>
        <source>Doors</source>
        <translation>Portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="306"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="307"/>
        <source>Interviewer</source>
        <translation>Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="308"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="321"/>
        <source>Funnel</source>
        <translation>Entonnoir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="322"/>
        <source>By sector</source>
        <translation>Par secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="323"/>
        <source>By interviewer</source>
        <translation>Par enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="324"/>
        <source>By day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="325"/>
        <source>To revisit ({0})</source>
        <translation>À revoir ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="326"/>
        <source>Appointments ({0})</source>
        <translation>Rendez-vous ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="327"/>
        <source>Never visited ({0})</source>
        <translation>Jamais visitées ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="66"/>
        <source>{doors} doors · {visited} visited · {done} interviews · contact rate {contact} · response rate {response}</source>
        <translation>{doors} portes · {visited} visitées · {done} entretiens · taux de contact {contact} · taux de réponse {response}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="349"/>
        <source>Every door</source>
        <translation>Toutes les portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="350"/>
        <source>(no sector)</source>
        <translation>(sans secteur)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="352"/>
        <source>(not assigned)</source>
        <translation>(non attribuées)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="364"/>
        <source>Export the funnel</source>
        <translation>Exporter l’entonnoir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="366"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="378"/>
        <source>The funnel was written to {0}.</source>
        <translation>L’entonnoir a été écrit dans {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/fieldwork.py" line="382"/>
        <source>The export failed: {0}</source>
        <translation>L’export a échoué : {0}</translation>
    </message>
</context>
<context>
    <name>FilesWritten</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/common.py" line="71"/>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/common.py" line="74"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>FormCard</name>
    <message>
        <location filename="../../surveyor/ui/home.py" line="267"/>
        <location filename="../../surveyor/ui/home.py" line="276"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/home.py" line="278"/>
        <source>%n feature(s) not handled yet</source>
        <translation>
            <numerusform>%n fonction non gérée pour l’instant</numerusform>
            <numerusform>%n fonctions non gérées pour l’instant</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="284"/>
        <source>New interview</source>
        <translation>Nouvel entretien</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="285"/>
        <source>New interview: {0}</source>
        <translation>Nouvel entretien : {0}</translation>
    </message>
</context>
<context>
    <name>FormText</name>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="23"/>
        <source>group “{0}”</source>
        <translation>groupe « {0} »</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="25"/>
        <source>repeat “{0}”</source>
        <translation>répétition « {0} »</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="27"/>
        <source>question “{0}”</source>
        <translation>question « {0} »</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="29"/>
        <source>“{0}”</source>
        <translation>« {0} »</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="33"/>
        <source>row {0}</source>
        <translation>ligne {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="44"/>
        <source>The form creates or updates entities (entities sheet).</source>
        <translation>Le formulaire crée ou met à jour des entités (feuille entities).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="48"/>
        <source>The form uses OpenStreetMap tags (osm sheet).</source>
        <translation>Le formulaire utilise des étiquettes OpenStreetMap (feuille osm).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="52"/>
        <source>The form uses external choices (external_choices sheet).</source>
        <translation>Le formulaire utilise des choix externes (feuille external_choices).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="56"/>
        <source>The form uses “{0}”.</source>
        <translation>Le formulaire utilise « {0} ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="58"/>
        <source>The form uses the XForm control “{0}”.</source>
        <translation>Le formulaire utilise le contrôle XForm « {0} ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="62"/>
        <source>{0}: a location recorded when the answer changes.</source>
        <translation>{0} : une position enregistrée quand la réponse change.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="66"/>
        <source>{0}: the question type “{1}”.</source>
        <translation>{0} : le type de question « {1} ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="70"/>
        <source>{0}: the search() appearance.</source>
        <translation>{0} : l’apparence search().</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="72"/>
        <source>{0}: the appearance “{1}”.</source>
        <translation>{0} : l’apparence « {1} ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="76"/>
        <source>{0}: the parameter “{1}”.</source>
        <translation>{0} : le paramètre « {1} ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="80"/>
        <source>{0}: choices in random order (randomize).</source>
        <translation>{0} : des choix dans un ordre au hasard (randomize).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="84"/>
        <source>{0}: the previous interview&apos;s answer (last-saved#{1}).</source>
        <translation>{0} : la réponse de l’entretien précédent (last-saved#{1}).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="87"/>
        <source>{0}: “{1}”.</source>
        <translation>{0} : « {1} ».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/formtext.py" line="92"/>
        <source>This form uses %n feature(s) that Surveyor does not handle yet; the questions concerned may not work as planned.</source>
        <translation>
            <numerusform>Ce formulaire utilise %n fonction que Surveyor ne gère pas encore ; les questions concernées peuvent ne pas fonctionner comme prévu.</numerusform>
            <numerusform>Ce formulaire utilise %n fonctions que Surveyor ne gère pas encore ; les questions concernées peuvent ne pas fonctionner comme prévu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="121"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="133"/>
        <source>Features not handled yet: {0}</source>
        <translation>Fonctions pas encore gérées : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="145"/>
        <source>the file is empty: it is not a form.</source>
        <translation>le fichier est vide : ce n’est pas un formulaire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="147"/>
        <source>this file is not a form (not a spreadsheet, Markdown or CSV file).</source>
        <translation>ce fichier n’est pas un formulaire (ni un classeur, ni un fichier Markdown ou CSV).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="151"/>
        <source>this file is a web page (HTML) saved with a {0} name: open it in a spreadsheet program and save it as an Excel workbook (.xlsx).</source>
        <translation>ce fichier est une page web (HTML) enregistrée avec un nom en {0} : ouvrez-le dans un tableur et enregistrez-le comme classeur Excel (.xlsx).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="157"/>
        <source>this file is an XML Spreadsheet 2003: open it in a spreadsheet program and save it as an Excel workbook (.xlsx).</source>
        <translation>ce fichier est une feuille de calcul XML 2003 : ouvrez-le dans un tableur et enregistrez-le comme classeur Excel (.xlsx).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="163"/>
        <source>the file cannot be read ({0}).</source>
        <translation>le fichier ne peut pas être lu ({0}).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="167"/>
        <source>the file is damaged or is not a real .{0} file.</source>
        <translation>le fichier est abîmé ou n’est pas un vrai fichier .{0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="171"/>
        <source>the workbook has no “survey” sheet.</source>
        <translation>le classeur n’a pas de feuille « survey ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="173"/>
        <source>the file would take far too much space once uncompressed: it was refused for safety.</source>
        <translation>le fichier prendrait beaucoup trop de place une fois décompressé : il a été refusé par sécurité.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="178"/>
        <source>the question type “{0}” does not exist.</source>
        <translation>le type de question « {0} » n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="182"/>
        <source>the list of choices “{0}” is not in the choices sheet.</source>
        <translation>la liste de choix « {0} » n’est pas dans la feuille choices.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="186"/>
        <source>column {0}: ${{{1}}} names no question of the form.</source>
        <translation>colonne {0} : ${{{1}}} ne désigne aucune question du formulaire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="204"/>
        <source>column {0}: ${{last-saved#{1}}} is not supported (it reads as empty).</source>
        <translation>colonne {0} : ${{last-saved#{1}}} n’est pas géré (il vaut toujours vide).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="190"/>
        <source>column {0}: the expression {1} is not written correctly.</source>
        <translation>colonne {0} : l’expression {1} n’est pas écrite correctement.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="194"/>
        <source>column {0}: the function {1}() does not exist.</source>
        <translation>colonne {0} : la fonction {1}() n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="198"/>
        <source>column {0}: {1} is not in the form.</source>
        <translation>colonne {0} : {1} n’est pas dans le formulaire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="202"/>
        <source>a note&apos;s constraint is never checked.</source>
        <translation>la contrainte d’une note n’est jamais vérifiée.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="208"/>
        <source>these calculations and conditions depend on each other in a ring: {0}.</source>
        <translation>ces calculs et conditions dépendent les uns des autres en boucle : {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="214"/>
        <source>{0} (said by pyxform, in English)</source>
        <translation>{0} (message de pyxform, en anglais)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="223"/>
        <source>Not handled yet: {0}</source>
        <translation>Pas encore géré : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="225"/>
        <source>Warning: {0}</source>
        <translation>Attention : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="227"/>
        <source>Sheet “{0}”, row {1}: {2}</source>
        <translation>Feuille « {0} », ligne {1} : {2}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="231"/>
        <source>Sheet “{0}”: {1}</source>
        <translation>Feuille « {0} » : {1}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="240"/>
        <source>This form could not be opened: “{0}”: {1}</source>
        <translation>Ce formulaire n’a pas pu être ouvert : « {0} » : {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/formtext.py" line="243"/>
        <source>This form could not be opened: “{0}” has %n problem(s) to correct (the coordinator can correct them).</source>
        <translation>
            <numerusform>Ce formulaire n’a pas pu être ouvert : « {0} » a %n problème à corriger (la coordination peut le corriger).</numerusform>
            <numerusform>Ce formulaire n’a pas pu être ouvert : « {0} » a %n problèmes à corriger (la coordination peut les corriger).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="254"/>
        <source>Problems of the form: {0}</source>
        <translation>Problèmes du formulaire : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/formtext.py" line="255"/>
        <source>Correct these in the form file, then open it again:</source>
        <translation>Corrigez-les dans le fichier du formulaire, puis ouvrez-le à nouveau :</translation>
    </message>
</context>
<context>
    <name>HandIn</name>
    <message numerus="yes">
        <location filename="../../surveyor/ui/handin.py" line="57"/>
        <source>%n interview(s) handed in to %1</source>
        <translation>
            <numerusform>%n entretien remis dans %1</numerusform>
            <numerusform>%n entretiens remis dans %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandInController</name>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="92"/>
        <source>Please wait: Surveyor is still starting.</source>
        <translation>Patientez un instant : Surveyor démarre encore.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="110"/>
        <source>Protected (recommended), the file opens only with the coordinator&apos;s key: a lost USB key shows nothing of the interviews. Leave it ticked unless the coordinator asks.</source>
        <translation>Protégé (recommandé), le fichier ne s’ouvre qu’avec la clé de la coordination : une clé USB perdue ne montre rien des entretiens. Laissez coché sauf si la coordination le demande.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="115"/>
        <source>&amp;Protect for the coordinator</source>
        <translation>&amp;Protéger pour la coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="156"/>
        <source>Nothing to hand in yet: finish an interview first.</source>
        <translation>Rien à remettre pour l’instant : terminez d’abord un entretien.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="106"/>
        <location filename="../../surveyor/ui/handin.py" line="160"/>
        <source>Hand in the finished interviews</source>
        <translation>Remettre les entretiens terminés</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/handin.py" line="107"/>
        <source>%n interview(s) to hand in.</source>
        <translation>
            <numerusform>%n entretien à remettre.</numerusform>
            <numerusform>%n entretiens à remettre.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="119"/>
        <source>&amp;Choose where to write…</source>
        <translation>&amp;Choisir où écrire…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="120"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="162"/>
        <source>Hand in the finished interviews to the USB key {0}</source>
        <translation>Remettre les entretiens terminés sur la clé USB {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="170"/>
        <source>Surveyor batches (*.zip)</source>
        <translation>Lots Surveyor (*.zip)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="184"/>
        <source>Handing in…</source>
        <translation>Remise en cours…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="195"/>
        <source>Handed in</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="199"/>
        <source>Give this file to the coordinator. Handing in again is harmless: nothing is counted twice.</source>
        <translation>Donnez ce fichier à la coordination. Remettre une nouvelle fois ne pose aucun problème : rien n’est compté deux fois.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="204"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="211"/>
        <source>The interviews could not be handed in: {0}</source>
        <translation>Les entretiens n’ont pas pu être remis : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="283"/>
        <source>Shared folder: handed in at {0}</source>
        <translation>Dossier partagé : remis à {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="285"/>
        <source>Shared folder: nothing new to hand in</source>
        <translation>Dossier partagé : rien de nouveau à remettre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="287"/>
        <source>Shared folder: unreachable for now (we will try again)</source>
        <translation>Dossier partagé : inaccessible pour le moment (nous réessaierons)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/handin.py" line="288"/>
        <source>Shared folder: not handed in ({0}); we will try again</source>
        <translation>Dossier partagé : rien n’a été remis ({0}) ; nous réessaierons</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../surveyor/ui/help/__init__.py" line="34"/>
        <location filename="../../surveyor/ui/help/__init__.py" line="38"/>
        <source>Surveyor guide</source>
        <translation>Guide de Surveyor</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/help/__init__.py" line="46"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/help/__init__.py" line="71"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/help/__init__.py" line="72"/>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="37"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="38"/>
        <source>To send or hand in</source>
        <translation>À envoyer ou remettre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="39"/>
        <source>Sent or handed in</source>
        <translation>Envoyés ou remis</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="40"/>
        <source>Bin</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="32"/>
        <source>Replaced by a correction</source>
        <translation>Remplacé par une correction</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="21"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="22"/>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="23"/>
        <source>Sending failed</source>
        <translation>Envoi échoué</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="24"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="25"/>
        <source>Handed in</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="26"/>
        <source>In the bin</source>
        <translation>Dans la corbeille</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="103"/>
        <source>This form could not be opened: “{0}”: {1}</source>
        <translation>Ce formulaire n’a pas pu être ouvert : « {0} » : {1}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="149"/>
        <source>Interview without a name ({0})</source>
        <translation>Entretien sans nom ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="213"/>
        <source>A corrected version replaces this one: it is kept as it was, and only the correction is handed in.</source>
        <translation>Une version corrigée remplace celle-ci : elle est gardée telle quelle, et seule la correction est remise.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="226"/>
        <source>Interview</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="227"/>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="228"/>
        <source>Last change</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="229"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="230"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../surveyor/ui/home.py" line="533"/>
        <location filename="../../surveyor/ui/home.py" line="551"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="534"/>
        <source>Hand in (USB key or file)…</source>
        <translation>Remettre sur clé USB / dans un fichier…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="536"/>
        <source>Hand in the finished interviews to a USB key or a file</source>
        <translation>Remettre les entretiens terminés sur une clé USB ou dans un fichier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="539"/>
        <source>Write the finished interviews into one file for the coordinator</source>
        <translation>Écrire les entretiens terminés dans un fichier pour la coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="541"/>
        <source>My doors</source>
        <translation>Mes portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="543"/>
        <source>My doors: the doors to visit, to revisit and the appointments</source>
        <translation>Mes portes : les portes à visiter, à revoir et les rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="545"/>
        <source>The doors to visit, to revisit and the appointments</source>
        <translation>Les portes à visiter, à revoir et les rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="548"/>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="549"/>
        <source>Open the coordination screen</source>
        <translation>Ouvrir l’écran de coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="552"/>
        <source>Send &amp;now</source>
        <translation>&amp;Envoyer maintenant</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="554"/>
        <source>Send the finished interviews to the server now</source>
        <translation>Envoyer maintenant les entretiens terminés au serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="557"/>
        <source>Send the finished interviews to the server now (it also happens by itself)</source>
        <translation>Envoyer maintenant les entretiens terminés au serveur (cela se fait aussi tout seul)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="561"/>
        <source>Open the settings</source>
        <translation>Ouvrir les paramètres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="562"/>
        <source>Open the settings (server account)</source>
        <translation>Ouvrir les paramètres (compte du serveur)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="564"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="565"/>
        <location filename="../../surveyor/ui/home.py" line="566"/>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="567"/>
        <source>Forms on this laptop</source>
        <translation>Formulaires sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="570"/>
        <source>Open a form…</source>
        <translation>Ouvrir un formulaire…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="571"/>
        <source>Open a form file sent by the coordinator</source>
        <translation>Ouvrir un fichier de formulaire envoyé par la coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="573"/>
        <source>Add an XLSForm file sent by the coordinator</source>
        <translation>Ajouter un fichier XLSForm envoyé par la coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="574"/>
        <source>My interviews</source>
        <translation>Mes entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="575"/>
        <source>Search by name…</source>
        <translation>Rechercher par nom…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="576"/>
        <source>Search the interviews</source>
        <translation>Rechercher dans les entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="577"/>
        <source>Interviews</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="578"/>
        <source>Interview states</source>
        <translation>États des entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="579"/>
        <location filename="../../surveyor/ui/home.py" line="821"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="579"/>
        <source>Resume the last interview</source>
        <translation>Reprendre le dernier entretien</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="581"/>
        <location filename="../../surveyor/ui/home.py" line="853"/>
        <source>Move to the bin</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="582"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="597"/>
        <source>Hello {0}</source>
        <translation>Bonjour {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="597"/>
        <source>Hello</source>
        <translation>Bonjour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="634"/>
        <source>Loading the forms…</source>
        <translation>Chargement des formulaires…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="638"/>
        <source>No form yet. Open the form file the coordinator sent you.</source>
        <translation>Aucun formulaire pour l’instant. Ouvrez le fichier de formulaire que la coordination vous a envoyé.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="658"/>
        <source>reading the workbook</source>
        <translation>lecture du classeur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="659"/>
        <source>converting it (XLSForm to XForm)</source>
        <translation>conversion (XLSForm vers XForm)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="660"/>
        <source>preparing the questions</source>
        <translation>préparation des questions</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="661"/>
        <source>checking the calculations and conditions</source>
        <translation>vérification des calculs et des conditions</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="679"/>
        <source>Opening the form “{0}”: {1}… (step {2} of {3})</source>
        <translation>Ouverture du formulaire « {0} » : {1}… (étape {2} sur {3})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="701"/>
        <source>You were filling in “{0}”. Resume where you stopped?</source>
        <translation>Vous remplissiez « {0} ». Reprendre là où vous en étiez ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="702"/>
        <source>an interview</source>
        <translation>un entretien</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="791"/>
        <source>No draft. Start a new interview from a form on the left.</source>
        <translation>Aucun brouillon. Commencez un nouvel entretien à partir d’un formulaire, à gauche.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="792"/>
        <source>No finished interview waiting to be sent.</source>
        <translation>Aucun entretien terminé en attente d’envoi.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="793"/>
        <source>Nothing sent or handed in yet.</source>
        <translation>Rien n’a encore été envoyé ni remis.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="794"/>
        <source>The bin is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="797"/>
        <source>No interview matches this search.</source>
        <translation>Aucun entretien ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="821"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="850"/>
        <source>Move to the bin?</source>
        <translation>Mettre à la corbeille ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="851"/>
        <source>Move the draft “{0}” to the bin?</source>
        <translation>Mettre le brouillon « {0} » à la corbeille ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="852"/>
        <source>You can restore it from the bin later.</source>
        <translation>Vous pourrez le restaurer depuis la corbeille plus tard.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="854"/>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="861"/>
        <source>The draft is in the bin. You can restore it from there.</source>
        <translation>Le brouillon est dans la corbeille. Vous pouvez l’y restaurer.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/home.py" line="871"/>
        <source>The draft is back with the other drafts.</source>
        <translation>Le brouillon est de retour avec les autres brouillons.</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="166"/>
        <source>Imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="167"/>
        <source>Already imported</source>
        <translation>déjà importé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="168"/>
        <source>Refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="81"/>
        <source>Import the batch files the interviewers handed in (USB key, shared folder). Importing the same file again is harmless: nothing is counted twice.</source>
        <translation>Importez les lots remis par les enquêteur·rices (clé USB, dossier partagé). Importer à nouveau le même fichier ne pose aucun problème : rien n’est compté deux fois.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="85"/>
        <source>Import &amp;batches…</source>
        <translation>Importer des &amp;lots…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="85"/>
        <source>Import batch files</source>
        <translation>Importer des fichiers de lots</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="88"/>
        <source>Import a &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="89"/>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="164"/>
        <source>Import every batch of a folder</source>
        <translation>Importer tous les lots d’un dossier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="93"/>
        <source>Import the folder &amp;again</source>
        <translation>Importer à &amp;nouveau le dossier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="94"/>
        <source>Import the last folder again</source>
        <translation>Importer à nouveau le dernier dossier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="98"/>
        <source>&amp;Download from the server</source>
        <translation>Télécharger depuis le se&amp;rveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="99"/>
        <source>Download the interviews sent to the server</source>
        <translation>Télécharger les entretiens envoyés au serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="103"/>
        <source>Bring in what the interviewers sent to the server (coordinator account in the settings). Downloading again is harmless.</source>
        <translation>Récupérer ce que les enquêteurs ont envoyé au serveur (compte coordinateur dans les paramètres). Télécharger à nouveau ne pose aucun problème.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="107"/>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="108"/>
        <source>By interviewer</source>
        <translation>Par enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="112"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="113"/>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="127"/>
        <source>Interviewer</source>
        <translation>Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="114"/>
        <source>Laptop</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="115"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="116"/>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="128"/>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="117"/>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="129"/>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="118"/>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="130"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="119"/>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="131"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="120"/>
        <source>Why refused</source>
        <translation>Raison du refus</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="123"/>
        <source>Imported batches</source>
        <translation>Lots importés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="134"/>
        <source>Totals by interviewer</source>
        <translation>Totaux par enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="144"/>
        <source>Import again: {0}</source>
        <translation>Importer à nouveau : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="155"/>
        <source>Import batches</source>
        <translation>Importer des lots</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="157"/>
        <source>Surveyor batches (*.zip)</source>
        <translation>Lots Surveyor (*.zip)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="194"/>
        <source>Importing batch {0} of {1}: {2}</source>
        <translation>Import du lot {0} sur {1} : {2}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="195"/>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="200"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="201"/>
        <source>Importing batches</source>
        <translation>Import des lots</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="217"/>
        <source>The import stopped: {0}</source>
        <translation>L’import s’est arrêté : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="231"/>
        <source>No server is set: enter its address and the coordinator account in the settings.</source>
        <translation>Aucun serveur n’est indiqué : saisissez son adresse et le compte coordinateur dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="255"/>
        <source>The server password is needed: type it in the settings.</source>
        <translation>Le mot de passe du serveur est nécessaire : saisissez-le dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="259"/>
        <source>The server address in the settings is not valid.</source>
        <translation>L’adresse du serveur indiquée dans les paramètres n’est pas valable.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="279"/>
        <source>From the server: {0} submission(s) received: {1} new interview(s), {2} updated, {3} duplicate(s), {4} conflict(s) to resolve.</source>
        <translation>Depuis le serveur : {0} envoi(s) reçu(s) : {1} nouvel(s) entretien(s), {2} mis à jour, {3} doublon(s), {4} conflit(s) à résoudre.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="283"/>
        <source>Form versions downloaded: {0}.</source>
        <translation>Versions de formulaire téléchargées : {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="314"/>
        <source>Nothing imported yet in this session.</source>
        <translation>Rien d’importé pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="316"/>
        <source>No batch file (.zip) was found there.</source>
        <translation>Aucun fichier de lot (.zip) n’a été trouvé à cet endroit.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="319"/>
        <source>{0} batch(es) read: {1} new interview(s), {2} updated, {3} duplicate(s), {4} conflict(s) to resolve.</source>
        <translation>{0} lot(s) lu(s) : {1} nouvel(s) entretien(s), {2} mis à jour, {3} doublon(s), {4} conflit(s) à résoudre.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="331"/>
        <source>{0} batch(es) refused: nothing of them was imported (see why below).</source>
        <translation>{0} lot(s) refusé(s) : rien n’en a été importé (voir pourquoi ci-dessous).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/imports.py" line="296"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="247"/>
        <source>DD</source>
        <translation>JJ</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="248"/>
        <source>MM</source>
        <translation>MM</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="249"/>
        <source>YYYY</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="342"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="343"/>
        <location filename="../../surveyor/ui/interview/editors.py" line="344"/>
        <source>Pick the date in a calendar</source>
        <translation>Choisir la date dans un calendrier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="348"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="405"/>
        <source>This is not a date. Type it like this: %1</source>
        <translation>Ce n’est pas une date. Tapez-la comme ceci : %1</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="421"/>
        <location filename="../../surveyor/ui/interview/editors.py" line="440"/>
        <location filename="../../surveyor/ui/interview/editors.py" line="455"/>
        <location filename="../../surveyor/ui/interview/editors.py" line="487"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="438"/>
        <source>This is not a time. Type it like this: %1</source>
        <translation>Ce n’est pas une heure. Tapez-la comme ceci : %1</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="457"/>
        <source>time</source>
        <translation>heure</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="483"/>
        <source>Type the date like this: %1, and the time like this: %2</source>
        <translation>Tapez la date comme ceci : %1, et l’heure comme ceci : %2</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="580"/>
        <location filename="../../surveyor/ui/interview/editors.py" line="1063"/>
        <source>(no answer)</source>
        <translation>(pas de réponse)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="630"/>
        <location filename="../../surveyor/ui/interview/editors.py" line="813"/>
        <source>Clear the answer</source>
        <translation>Effacer la réponse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="635"/>
        <source>Clear the answer to: %1</source>
        <translation>Effacer la réponse à : %1</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="724"/>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="725"/>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="726"/>
        <source>Keep this order</source>
        <translation>Garder cet ordre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="751"/>
        <source>Not ranked yet</source>
        <translation>Pas encore classé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="853"/>
        <location filename="../../surveyor/ui/interview/review.py" line="49"/>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="884"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="885"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="886"/>
        <source>Altitude (optional)</source>
        <translation>Altitude (facultatif)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="921"/>
        <source>Type both the latitude and the longitude.</source>
        <translation>Tapez la latitude et la longitude.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="926"/>
        <source>The latitude must be between -90 and 90, the longitude between -180 and 180.</source>
        <translation>La latitude doit être comprise entre -90 et 90, la longitude entre -180 et 180.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="954"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="957"/>
        <source>Remove the file</source>
        <translation>Retirer le fichier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="968"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="971"/>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="976"/>
        <location filename="../../surveyor/ui/interview/view.py" line="98"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="986"/>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/editors.py" line="1015"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="232"/>
        <source>Save and go back</source>
        <translation>Enregistrer et revenir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="234"/>
        <source>Everything is saved: you can come back to it later.</source>
        <translation>Tout est enregistré : vous pourrez y revenir plus tard.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="243"/>
        <location filename="../../surveyor/ui/interview/view.py" line="244"/>
        <source>Language of the questions</source>
        <translation>Langue des questions</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="251"/>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="262"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="269"/>
        <source>Sections</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="280"/>
        <source>End: check and finalize</source>
        <translation>Fin : vérifier et finaliser</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="293"/>
        <source>This interview is finalized: its answers can be read but not changed.</source>
        <translation>Cet entretien est finalisé : ses réponses peuvent être lues mais pas modifiées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="546"/>
        <source>Through the form: %1 % · %2</source>
        <translation>Parcouru : %1 % · %2</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="332"/>
        <location filename="../../surveyor/ui/interview/view.py" line="298"/>
        <source>Edit</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="300"/>
        <source>Make a new version of this interview to correct it</source>
        <translation>Créer une nouvelle version de cet entretien pour le corriger</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="321"/>
        <source>◀  Back</source>
        <translation>◀  Précédent</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="322"/>
        <source>Previous question (Page Up)</source>
        <translation>Question précédente (Page précédente)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="331"/>
        <source>Next  ▶</source>
        <translation>Suivant  ▶</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="333"/>
        <source>Next question (Enter, Page Down)</source>
        <translation>Question suivante (Entrée, Page suivante)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/interview/renderer.py" line="234"/>
        <source>Already entered: %n</source>
        <translation>
            <numerusform>%n saisie pour l’instant</numerusform>
            <numerusform>%n saisies pour l’instant</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="311"/>
        <source>Answers of the interview</source>
        <translation>Réponses de l’entretien</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="313"/>
        <source>Check and finalize</source>
        <translation>Vérifier et finaliser</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="337"/>
        <source>Your answers, by section</source>
        <translation>Vos réponses, par partie</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="344"/>
        <source>Click an answer (or press Enter on it) to go to its question.</source>
        <translation>Cliquez sur une réponse (ou appuyez sur Entrée) pour aller à sa question.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="351"/>
        <source>Click an answer (or press Enter on it) to see its question.</source>
        <translation>Cliquez sur une réponse (ou appuyez sur Entrée) pour voir sa question.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/interview/renderer.py" line="366"/>
        <source>Answers to check before finalizing: %n. Click one to go there:</source>
        <translation>
            <numerusform>Avant de finaliser, %n réponse est à vérifier. Cliquez dessus pour y aller :</numerusform>
            <numerusform>Avant de finaliser, %n réponses sont à vérifier. Cliquez sur l’une d’elles pour y aller :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="236"/>
        <source>Nobody entered yet.</source>
        <translation>Personne n’est encore saisi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/interview/renderer.py" line="47"/>
        <source>Answered: %n of %1 questions</source>
        <translation>
            <numerusform>Réponses : %n question sur %1</numerusform>
            <numerusform>Réponses : %n questions sur %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="244"/>
        <location filename="../../surveyor/ui/interview/review.py" line="64"/>
        <location filename="../../surveyor/ui/interview/review.py" line="136"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="251"/>
        <source>Add: %1</source>
        <translation>Ajouter : %1</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="260"/>
        <source>When everyone is entered, go on with Next (Page Down).</source>
        <translation>Quand tout le monde est saisi, continuez avec Suivant (Page suivante).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="275"/>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="295"/>
        <source>Remove %1 and all its answers?</source>
        <translation>Retirer %1 et toutes ses réponses ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="299"/>
        <source>Yes, remove</source>
        <translation>Oui, retirer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="301"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="325"/>
        <source>This interview is finalized. To correct it, make a new version with Edit.</source>
        <translation>Cet entretien est finalisé. Pour le corriger, créez une nouvelle version avec Corriger.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="377"/>
        <source>Answers to check</source>
        <translation>Réponses à vérifier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="391"/>
        <source>Every required question is answered; optional ones may stay empty.</source>
        <translation>Toutes les questions obligatoires ont une réponse ; les facultatives peuvent rester vides.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="396"/>
        <source>Every question is answered.</source>
        <translation>Toutes les questions ont une réponse.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="400"/>
        <source>Check the answers below, then finalize to hand the interview in. A finalized interview can still be corrected with Edit: a new version then replaces it.</source>
        <translation>Vérifiez les réponses ci-dessous, puis finalisez pour remettre l’entretien. Un entretien finalisé peut encore être corrigé avec « Corriger » : une nouvelle version le remplace alors.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="413"/>
        <source>Finalize</source>
        <translation>Finaliser</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="418"/>
        <source>Save and finish later</source>
        <translation>Enregistrer et finir plus tard</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="439"/>
        <source>Finalize this interview? It will be handed in with the next hand-in. To change an answer afterwards, open it and choose Edit.</source>
        <translation>Finaliser cet entretien ? Il sera remis avec la prochaine remise. Pour changer une réponse ensuite, ouvrez-le et choisissez « Corriger ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="448"/>
        <source>Yes, finalize</source>
        <translation>Oui, finaliser</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="451"/>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="471"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="473"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="481"/>
        <source>An answer is required.</source>
        <translation>Une réponse est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="485"/>
        <source>This repeat is asked for more entries than a form can hold (10,000). Please lower the number that sets it.</source>
        <translation>Cette répétition demande plus d&apos;entrées qu&apos;un formulaire ne peut en contenir (10 000). Merci de réduire le nombre qui la fixe.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="491"/>
        <source>This answer could not be checked: the form&apos;s rule took too long. Please tell the form&apos;s author.</source>
        <translation>Cette réponse n&apos;a pas pu être vérifiée : la règle du formulaire a pris trop de temps. Merci de le signaler à l&apos;auteur du formulaire.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="496"/>
        <source>This answer is not valid.</source>
        <translation>Cette réponse n’est pas valable.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/renderer.py" line="501"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="803"/>
        <source>The file could not be added: %1</source>
        <translation>Le fichier n’a pas pu être ajouté : %1</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="101"/>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="832"/>
        <source>Not saved: %1. Your answers are kept on screen; retrying.</source>
        <translation>Non enregistré : %1. Vos réponses restent à l’écran ; nouvel essai en cours.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="900"/>
        <source>Finalizing…</source>
        <translation>Finalisation…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/view.py" line="928"/>
        <source>The interview could not be finalized: %1</source>
        <translation>L’entretien n’a pas pu être finalisé : %1</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/review.py" line="67"/>
        <source>Go to this question</source>
        <translation>Aller à cette question</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/interview/review.py" line="118"/>
        <source>No question answered yet.</source>
        <translation>Aucune question n’a encore de réponse.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="240"/>
        <source>&amp;Surveyor</source>
        <translation>&amp;Surveyor</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="241"/>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="242"/>
        <source>&amp;Home screen</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="243"/>
        <source>&amp;Open a form…</source>
        <translation>&amp;Ouvrir un formulaire…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="244"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="245"/>
        <source>&amp;Protect the data of this computer…</source>
        <translation>&amp;Protéger les données de cet ordinateur…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="246"/>
        <source>&amp;Coordination</source>
        <translation>&amp;Coordination</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="247"/>
        <source>&amp;My doors</source>
        <translation>&amp;Mes portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="248"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="249"/>
        <source>&amp;Larger text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="250"/>
        <source>&amp;Smaller text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="251"/>
        <source>&amp;Normal text size</source>
        <translation>Taille de texte &amp;normale</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="272"/>
        <source>The settings could not be saved: {0}</source>
        <translation>Les paramètres n’ont pas pu être enregistrés : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="315"/>
        <location filename="../../surveyor/ui/main_window.py" line="405"/>
        <source>Surveyor cannot open its data: {0}</source>
        <translation>Surveyor ne peut pas ouvrir ses données : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="353"/>
        <source>Protecting the data of this computer…</source>
        <translation>Protection des données de cet ordinateur…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="373"/>
        <source>The data could not be protected: {0}</source>
        <translation>Les données n’ont pas pu être protégées : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="381"/>
        <source>The data of this computer is now encrypted; its key is kept in the computer’s keychain.</source>
        <translation>Les données de cet ordinateur sont maintenant chiffrées ; leur clé est gardée dans le trousseau de l’ordinateur.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="388"/>
        <source>The data of this computer is now encrypted; the passphrase will be asked at each start.</source>
        <translation>Les données de cet ordinateur sont maintenant chiffrées ; la phrase secrète sera demandée à chaque démarrage.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="410"/>
        <source>Damaged data</source>
        <translation>Données endommagées</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="412"/>
        <source>Surveyor’s database is damaged: nothing new can be saved in it as it is.</source>
        <translation>La base de données de Surveyor est endommagée : rien de nouveau ne peut y être enregistré en l’état.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="415"/>
        <source>Surveyor can rebuild it into a new file from everything that can still be read and from its automatic backups. The damaged file is kept aside, untouched.</source>
        <translation>Surveyor peut la reconstruire dans un nouveau fichier à partir de tout ce qui peut encore être lu et de ses sauvegardes automatiques. Le fichier endommagé est conservé à part, intact.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="420"/>
        <source>Repair</source>
        <translation>Réparer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="421"/>
        <location filename="../../surveyor/ui/main_window.py" line="577"/>
        <source>Not now</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="432"/>
        <source>Repairing the database…</source>
        <translation>Réparation de la base de données…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="442"/>
        <source>The database was repaired. The damaged file is kept as {0}.</source>
        <translation>La base de données a été réparée. Le fichier endommagé est conservé sous le nom {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="449"/>
        <source>The repair failed: {0}</source>
        <translation>La réparation a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="559"/>
        <source>Protect the data of this computer</source>
        <translation>Protéger les données de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="561"/>
        <source>The coordinator asks to protect the data of this computer.</source>
        <translation>Le coordinateur demande de protéger les données de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="563"/>
        <source>This form is encrypted: protect the data of this computer too?</source>
        <translation>Ce formulaire est chiffré : protéger aussi les données de cet ordinateur ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="567"/>
        <source>Everything Surveyor keeps on this computer, drafts and backups included, is then encrypted.</source>
        <translation>Tout ce que Surveyor garde sur cet ordinateur, brouillons et sauvegardes compris, est alors chiffré.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="572"/>
        <source>Its interviews are encrypted once finalized, but drafts and backups stay readable on this computer until then. Protecting the data encrypts all of it.</source>
        <translation>Ses entretiens sont chiffrés une fois finalisés, mais les brouillons et les sauvegardes restent lisibles sur cet ordinateur jusque-là. Protéger les données chiffre tout.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="576"/>
        <source>Protect…</source>
        <translation>Protéger…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="681"/>
        <source>Open a form</source>
        <translation>Ouvrir un formulaire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="683"/>
        <source>Forms (XLSForm) ({0})</source>
        <translation>Formulaires (XLSForm) ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="694"/>
        <source>Please wait: Surveyor is still starting.</source>
        <translation>Patientez un instant : Surveyor est en train de démarrer.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="697"/>
        <source>Opening the form…</source>
        <translation>Ouverture du formulaire…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="713"/>
        <source>The form “{0}” is ready.</source>
        <translation>Le formulaire « {0} » est prêt.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="762"/>
        <source>This interview could not be opened: {0}</source>
        <translation>Cet entretien n’a pas pu être ouvert : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="833"/>
        <source>The last answers could not be saved: {0}</source>
        <translation>Les dernières réponses n’ont pas pu être enregistrées : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="841"/>
        <source>The interview</source>
        <translation>L’entretien</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="844"/>
        <source>“{0}” is finalized. It is under “To send or hand in” until it is handed in; to correct it, open it and choose Edit.</source>
        <translation>« {0} » est finalisé. Il est dans « À envoyer ou remettre » jusqu’à sa remise ; pour le corriger, ouvrez-le et choisissez « Corriger ».</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/main_window.py" line="899"/>
        <source>No form on this laptop yet: open the form file first.</source>
        <translation>Pas encore de formulaire sur cet ordinateur : ouvrez d’abord le fichier du formulaire.</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="182"/>
        <source>Columns of the door list</source>
        <translation>Colonnes de la liste de portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="187"/>
        <source>Surveyor did not recognise every column of {0}. Say what each column holds; the street is required. Columns left on “Not used” are ignored.</source>
        <translation>Surveyor n’a pas reconnu toutes les colonnes de {0}. Indiquez ce que contient chaque colonne ; la voie est obligatoire. Les colonnes laissées sur « Non utilisée » sont ignorées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="193"/>
        <source>Column of the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="193"/>
        <source>Holds</source>
        <translation>Contient</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="202"/>
        <source>What the column “{0}” holds</source>
        <translation>Ce que contient la colonne « {0} »</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="203"/>
        <source>Not used</source>
        <translation>Non utilisée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="212"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="212"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="229"/>
        <source>Choose the column that holds the street.</source>
        <translation>Choisissez la colonne qui contient la voie.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="231"/>
        <source>Two columns hold the same thing: {0}.</source>
        <translation>Deux colonnes contiennent la même chose : {0}.</translation>
    </message>
</context>
<context>
    <name>MyDoorsPage</name>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="479"/>
        <location filename="../../surveyor/ui/doors.py" line="501"/>
        <source>My doors</source>
        <translation>Mes portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="480"/>
        <source>Add a door ({0})</source>
        <translation>Ajouter une porte ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="481"/>
        <source>Add a door that is not on the list</source>
        <translation>Ajouter une porte qui n’est pas sur la liste</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="482"/>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="484"/>
        <source>More: type back a round sheet, import the door list</source>
        <translation>Plus : saisir une feuille de route, importer la liste des portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="486"/>
        <source>&amp;Type back a round sheet…</source>
        <translation>&amp;Saisir une feuille de route…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="488"/>
        <source>Type back the boxes ticked on a paper round sheet</source>
        <translation>Saisir les cases cochées sur une feuille de route papier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="490"/>
        <source>&amp;Import the door list…</source>
        <translation>&amp;Importer la liste des portes…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="492"/>
        <source>Import the campaign package the coordinator gave you (a .zip file)</source>
        <translation>Importer le paquet de campagne que le coordinateur vous a donné (un fichier .zip)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="494"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="494"/>
        <source>Back to the home screen</source>
        <translation>Retour à l’accueil</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="495"/>
        <source>Search a street, a number…</source>
        <translation>Chercher une voie, un numéro…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="496"/>
        <source>Search the doors</source>
        <translation>Chercher dans les portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="497"/>
        <source>Sector of the doors shown</source>
        <translation>Secteur des portes affichées</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="498"/>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="499"/>
        <source>The appointments of this day are listed</source>
        <translation>Les rendez-vous de ce jour sont affichés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="500"/>
        <source>Day of the appointments shown</source>
        <translation>Jour des rendez-vous affichés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="502"/>
        <source>Which doors</source>
        <translation>Quelles portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="505"/>
        <source>Record the visit: {0}</source>
        <translation>Enregistrer la visite : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="507"/>
        <source>A refusal is final: the door will never be offered again</source>
        <translation>Un refus est définitif : la porte ne sera plus jamais proposée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="510"/>
        <source>Someone answered and asked you to come back, without a set time</source>
        <translation>Quelqu’un a répondu et vous a demandé de repasser, sans heure fixée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="513"/>
        <source>The dwelling is empty, or it is not a dwelling (shop, office…)</source>
        <translation>Le logement est vide, ou ce n’est pas un logement (commerce, bureau…)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="516"/>
        <source>The household is not in the survey&apos;s population</source>
        <translation>Le ménage ne fait pas partie de la population de l’enquête</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="518"/>
        <source>Start the interview ({0})</source>
        <translation>Commencer l’entretien ({0})</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="519"/>
        <source>Start the interview at this door</source>
        <translation>Commencer l’entretien à cette porte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="520"/>
        <source>Note (optional), saved with the visit</source>
        <translation>Remarque (facultative), gardée avec la visite</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="521"/>
        <source>Note about the visit (optional)</source>
        <translation>Remarque sur la visite (facultative)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="560"/>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="587"/>
        <source>Everything to do</source>
        <translation>Tout ce qui reste</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="588"/>
        <source>To visit</source>
        <translation>À visiter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="589"/>
        <source>To revisit</source>
        <translation>À revoir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="590"/>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="631"/>
        <source>No door list on this laptop yet. Import the campaign package the coordinator gave you (“Import the door list…”), or add a door.</source>
        <translation>Pas encore de liste de portes sur cet ordinateur. Importez le paquet de campagne que le coordinateur vous a donné (« Importer la liste des portes… »), ou ajoutez une porte.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="635"/>
        <source>No door matches this search.</source>
        <translation>Aucune porte ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="637"/>
        <source>Nothing left to do. Well done!</source>
        <translation>Plus rien à faire. Bravo !</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="638"/>
        <source>Every door has been visited.</source>
        <translation>Toutes les portes ont été visitées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="639"/>
        <source>No door to revisit.</source>
        <translation>Aucune porte à revoir.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="640"/>
        <source>No appointment on this day.</source>
        <translation>Aucun rendez-vous ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="650"/>
        <source>The doors assigned to {0}.</source>
        <translation>Les portes attribuées à {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="654"/>
        <source>{0} closed door(s) not shown (refused, done, vacant, not eligible).</source>
        <translation>{0} porte(s) close(s) non affichée(s) (refus, fait, vacant, non éligible).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="676"/>
        <source>Choose a door in the list.</source>
        <translation>Choisissez une porte dans la liste.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="706"/>
        <source>Refused?</source>
        <translation>Refus ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="707"/>
        <source>Record a refusal at {0}?</source>
        <translation>Enregistrer un refus au {0} ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="708"/>
        <source>A refusal is final: nobody will knock at this door again.</source>
        <translation>Un refus est définitif : personne ne frappera plus à cette porte.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="709"/>
        <source>Yes, refused</source>
        <translation>Oui, refus</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="710"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="743"/>
        <source>{0}: {1}.</source>
        <translation>{0} : {1}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="745"/>
        <source>Appointment on {0}: {1}.</source>
        <translation>Rendez-vous le {0} : {1}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="784"/>
        <source>Door added: {0}.</source>
        <translation>Porte ajoutée : {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="792"/>
        <source>Import the door list (campaign package)</source>
        <translation>Importer la liste des portes (paquet de campagne)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="794"/>
        <source>Campaign package (*.zip)</source>
        <translation>Paquet de campagne (*.zip)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="821"/>
        <source>A newer door list was taken from the shared folder.</source>
        <translation>Une liste de portes plus récente a été prise dans le dossier partagé.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="823"/>
        <source>The door list is up to date.</source>
        <translation>La liste des portes est à jour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/doors.py" line="827"/>
        <source>%n interview(s) erased by the coordinator were removed from this laptop.</source>
        <translation>
            <numerusform>%n entretien effacé par la coordination a été retiré de ce portable.</numerusform>
            <numerusform>%n entretiens effacés par la coordination ont été retirés de ce portable.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/doors.py" line="833"/>
        <source>%n interview(s) reach the campaign&apos;s retention period soon: their personal fields will leave this laptop with a later door list.</source>
        <translation>
            <numerusform>%n entretien atteint bientôt la durée de conservation de la campagne : ses champs personnels quitteront ce portable avec une prochaine liste des portes.</numerusform>
            <numerusform>%n entretiens atteignent bientôt la durée de conservation de la campagne : leurs champs personnels quitteront ce portable avec une prochaine liste des portes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="858"/>
        <source>This password does not open the door list; nothing was changed.</source>
        <translation>Ce mot de passe n’ouvre pas la liste des portes ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>OrderedChecks</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="73"/>
        <source>&amp;Up</source>
        <translation>Mon&amp;ter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="73"/>
        <source>Do&amp;wn</source>
        <translation>Desce&amp;ndre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="74"/>
        <source>Move the question up</source>
        <translation>Monter la question</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="75"/>
        <source>Move the question down</source>
        <translation>Descendre la question</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="198"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="376"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="454"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="206"/>
        <source>Interview</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="207"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="328"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="353"/>
        <source>Form</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="208"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="329"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="351"/>
        <source>Interviewer</source>
        <translation>Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="209"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="210"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="330"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="353"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="319"/>
        <source>&amp;Form</source>
        <translation>&amp;Questionnaire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="320"/>
        <source>&amp;Interviewer</source>
        <translation>&amp;Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="321"/>
        <source>S&amp;tate</source>
        <translation>É&amp;tat</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="322"/>
        <source>Fro&amp;m</source>
        <translation>D&amp;u</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="323"/>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="324"/>
        <source>Searc&amp;h</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="331"/>
        <source>From this day</source>
        <translation>À partir de ce jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="332"/>
        <source>To this day</source>
        <translation>Jusqu’à ce jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="334"/>
        <source>any day</source>
        <translation>tous les jours</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="335"/>
        <source>Name, address, interviewer…</source>
        <translation>Nom, adresse, enquêteur·rice…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="336"/>
        <source>Search the interviews</source>
        <translation>Rechercher dans les entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="337"/>
        <source>&amp;Clear the filters</source>
        <translation>E&amp;ffacer les filtres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="340"/>
        <source>&amp;Open (read only)</source>
        <translation>&amp;Ouvrir (lecture seule)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="341"/>
        <source>Open the selected interview, read only</source>
        <translation>Ouvrir l’entretien choisi, en lecture seule</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="343"/>
        <source>&amp;Erase…</source>
        <translation>&amp;Supprimer définitivement…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="345"/>
        <source>Erase the selected interview for good (a resident&apos;s request)</source>
        <translation>Supprimer définitivement l&apos;entretien sélectionné (à la demande d&apos;un habitant)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="347"/>
        <source>Every interview</source>
        <translation>Tous les entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="348"/>
        <source>By interviewer</source>
        <translation>Par enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="349"/>
        <source>By day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="350"/>
        <source>By form and state</source>
        <translation>Par questionnaire et état</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="351"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="352"/>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="353"/>
        <source>Interviews</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="352"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="354"/>
        <source>Interviews by interviewer</source>
        <translation>Entretiens par enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="355"/>
        <source>Interviews by day</source>
        <translation>Entretiens par jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="356"/>
        <source>Interviews by form and state</source>
        <translation>Entretiens par questionnaire et état</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="370"/>
        <source>Every form</source>
        <translation>Tous les questionnaires</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="374"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="378"/>
        <source>Every state</source>
        <translation>Tous les états</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/overview.py" line="450"/>
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n entretien</numerusform>
            <numerusform>%n entretiens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="514"/>
        <source>Erase this interview?</source>
        <translation>Supprimer définitivement cet entretien ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="515"/>
        <source>Erase the interview “{0}” for good?</source>
        <translation>Supprimer définitivement l&apos;entretien « {0} » ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="517"/>
        <source>Every version of it, its attached files and its words in the search are erased from this computer and its backups; this cannot be undone. Only its identifier and the time are kept, so that it is never merged again. The laptops erase their copies when they next hand in to a folder where you put the list of erasures.</source>
        <translation>Toutes ses versions, ses fichiers joints et ses mots dans la recherche sont effacés de cet ordinateur et de ses sauvegardes ; c&apos;est irréversible. Seuls son identifiant et l&apos;heure sont gardés, pour qu&apos;il ne soit jamais fusionné à nouveau. Les ordinateurs des enquêteurs effacent leurs copies lors de leur prochain dépôt dans un dossier où vous avez mis la liste des suppressions.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="523"/>
        <source>Erase for good</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="525"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="558"/>
        <source>Erased here; the server address in the settings is not valid.</source>
        <translation>Effacé ici ; l’adresse du serveur dans les paramètres n’est pas valable.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="563"/>
        <source>Erased here; the server was not asked (its coordinator account or password is missing): it will be at the next sync.</source>
        <translation>Effacé ici ; le serveur n’a pas été sollicité (compte coordinateur ou mot de passe manquant) : il le sera à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="570"/>
        <source>Erased here; this server cannot erase interviews (it is not a Surveyor server): erase it there by hand.</source>
        <translation>Effacé ici ; ce serveur ne sait pas effacer d’entretien (ce n’est pas un serveur Surveyor) : effacez-le là-bas à la main.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="577"/>
        <source>Erased here; the server could not be reached: it will be asked to erase it at the next sync.</source>
        <translation>Effacé ici ; le serveur n’a pas pu être joint : l’effacement lui sera demandé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="584"/>
        <source>Erased here and on the server. The server&apos;s campaign package named it and was removed: publish the campaign package again (Door list).</source>
        <translation>Effacé ici et sur le serveur. Le paquet de campagne du serveur le mentionnait et a été retiré : publiez à nouveau le paquet de campagne (Liste des portes).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/overview.py" line="591"/>
        <source>Erased here; the server was not asked: {0}</source>
        <translation>Effacé ici ; le serveur n’a pas été sollicité : {0}</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="87"/>
        <source>Campaign package</source>
        <translation>Paquet de campagne</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="91"/>
        <source>&amp;Protect with a password</source>
        <translation>&amp;Protéger par un mot de passe</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="97"/>
        <source>The package holds the addresses of the doors and the notes of the visits. Protected, a lost USB key shows none of them. Tell the password to the volunteers yourself (not in the same message as the file); their laptops ask it once.</source>
        <translation>Le paquet contient les adresses des portes et les notes des passages. Protégé, une clé USB perdue n’en montre rien. Dites vous-même le mot de passe aux bénévoles (pas dans le même message que le fichier) ; leurs portables le demandent une fois.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="107"/>
        <source>Password of the package</source>
        <translation>Mot de passe du paquet</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="109"/>
        <source>Password (8 characters or more)</source>
        <translation>Mot de passe (8 caractères ou plus)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="111"/>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="113"/>
        <source>The password again</source>
        <translation>Le mot de passe à nouveau</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="118"/>
        <source>Your key is open: the package carries its public half, and the laptops protect their hand-ins for it.</source>
        <translation>Votre clé est ouverte : le paquet emporte sa partie publique, et les portables protègent leurs remises pour elle.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="123"/>
        <source>To have the laptops protect their hand-ins, open your private key in Encryption… first: the package then carries its public half.</source>
        <translation>Pour que les portables protègent leurs remises, ouvrez d’abord votre clé privée dans Chiffrement… : le paquet emporte alors sa partie publique.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="136"/>
        <source>Choose where to write…</source>
        <translation>Choisir où écrire…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="137"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="168"/>
        <source>The password needs 8 characters or more.</source>
        <translation>Le mot de passe doit avoir 8 caractères ou plus.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/doorlist.py" line="170"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>PackagePassphraseDialog</name>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="873"/>
        <source>Protected door list</source>
        <translation>Liste des portes protégée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="876"/>
        <source>The coordinator protected the door list with a password. Type the password the coordinator gave you:</source>
        <translation>La coordination a protégé la liste des portes par un mot de passe. Tapez le mot de passe que la coordination vous a donné :</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="882"/>
        <source>Password of the door list</source>
        <translation>Mot de passe de la liste des portes</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="886"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/doors.py" line="887"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="67"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="45"/>
        <source>Protected data</source>
        <translation>Données protégées</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="49"/>
        <source>The data on this computer is protected by a passphrase. Type it to open Surveyor.</source>
        <translation>Les données de cet ordinateur sont protégées par une phrase secrète. Tapez-la pour ouvrir Surveyor.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="55"/>
        <source>Passphrase of the data</source>
        <translation>Phrase secrète des données</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="56"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="69"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="80"/>
        <source>Wrong passphrase. Try again.</source>
        <translation>Phrase secrète erronée. Réessayez.</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="71"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="72"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="73"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="74"/>
        <source>Prefers</source>
        <translation>Préfère</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="75"/>
        <source>Skills offered</source>
        <translation>Savoir-faire proposés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="76"/>
        <source>Hours a month</source>
        <translation>Heures par mois</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="77"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="78"/>
        <source>Work for the counter</source>
        <translation>Travailler pour le guichet</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="79"/>
        <source>In what form</source>
        <translation>Sous quelle forme</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="80"/>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="81"/>
        <source>Unmet needs</source>
        <translation>Besoins non satisfaits</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="82"/>
        <source>Interviewer</source>
        <translation>Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="83"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="89"/>
        <source>The residents who offered skills, time or interest in working for the service counter, and agreed to be recontacted. Personal data: keep this list within the association; it never goes in the report.</source>
        <translation>Les habitants qui ont proposé un savoir-faire, du temps ou leur intérêt pour travailler au guichet de services, et qui acceptent d&apos;être recontactés. Données personnelles : gardez cette liste au sein de l&apos;association ; elle ne figure jamais dans le rapport.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="94"/>
        <source>&amp;Skill</source>
        <translation>&amp;Savoir-faire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="95"/>
        <source>&amp;Need</source>
        <translation>&amp;Besoin</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="96"/>
        <source>Any skill</source>
        <translation>Tout savoir-faire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="97"/>
        <source>Any need</source>
        <translation>Tout besoin</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="98"/>
        <source>E&amp;xport the list…</source>
        <translation>E&amp;xporter la liste…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/people.py" line="158"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="167"/>
        <source>Export the people who want to act</source>
        <translation>Exporter la liste des personnes qui veulent agir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="168"/>
        <source>people-who-want-to-act</source>
        <translation>qui-veut-agir</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="169"/>
        <source>Excel file (*.xlsx);;CSV file (*.csv)</source>
        <translation>Fichier Excel (*.xlsx);;Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/people.py" line="184"/>
        <source>List written: {0}</source>
        <translation>Liste enregistrée : {0}</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="96"/>
        <source>Protect the data of this computer</source>
        <translation>Protéger les données de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="102"/>
        <source>The interviews on this computer, drafts included, and their backups will be encrypted: a lost or stolen laptop shows nothing of them. Surveyor opens them as before once unlocked.</source>
        <translation>Les entretiens de cet ordinateur, brouillons compris, et leurs sauvegardes seront chiffrés : un portable perdu ou volé n’en montre rien. Une fois déverrouillé, Surveyor les ouvre comme avant.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="109"/>
        <source>Where the key is kept:</source>
        <translation>Où garder la clé :</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="112"/>
        <source>This computer’s &amp;keychain</source>
        <translation>Le &amp;trousseau de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="113"/>
        <source>Nothing to type at each start.</source>
        <translation>Rien à taper à chaque démarrage.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="114"/>
        <source>A &amp;passphrase, asked at each start</source>
        <translation>Une &amp;phrase secrète, demandée à chaque démarrage</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="123"/>
        <source>New passphrase of the data</source>
        <translation>Nouvelle phrase secrète des données</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="124"/>
        <source>The same passphrase again</source>
        <translation>La même phrase secrète, une seconde fois</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="125"/>
        <source>Pass&amp;phrase (8 characters or more)</source>
        <translation>&amp;Phrase secrète (8 caractères ou plus)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="127"/>
        <source>&amp;Again</source>
        <translation>C&amp;onfirmation</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="131"/>
        <source>If the passphrase is lost (or the keychain, with a new computer or a new user account), nobody can open this data again: there is no way back. The interviews already handed in are safe at the coordinator. Write the passphrase down somewhere safe, away from the laptop.</source>
        <translation>Si la phrase secrète est perdue (ou le trousseau, avec un nouvel ordinateur ou un nouveau compte utilisateur), personne ne pourra plus ouvrir ces données : il n’y a aucun retour possible. Les entretiens déjà remis sont en sécurité chez le coordinateur. Notez la phrase secrète en lieu sûr, loin du portable.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="148"/>
        <source>Protect</source>
        <translation>Protéger</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="149"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="176"/>
        <source>The passphrase must have at least {0} characters.</source>
        <translation>La phrase secrète doit compter au moins {0} caractères.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/protection.py" line="182"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
</context>
<context>
    <name>QuestionTab</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="805"/>
        <source>&amp;Group by</source>
        <translation>&amp;Ventiler par</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="806"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="815"/>
        <source>No grouping</source>
        <translation>Sans ventilation</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="807"/>
        <source>Group the figures by the answers to</source>
        <translation>Ventiler les chiffres selon les réponses à</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="808"/>
        <source>&amp;Bands…</source>
        <translation>&amp;Tranches…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="809"/>
        <source>Set where this number is cut into bands</source>
        <translation>Choisir où ce nombre est découpé en tranches</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="862"/>
        <source>members</source>
        <translation>membres du foyer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="862"/>
        <source>interviews</source>
        <translation>entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="864"/>
        <source>Asked: {0} {4} · answered: {1} · no answer: {2} · percentages of the {3} who answered</source>
        <translation>Posée : {0} {4} · réponses : {1} · sans réponse : {2} · pourcentages des {3} qui ont répondu</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="868"/>
        <source>Answered: {0} of {1} · no answer: {2} · % of the {3}</source>
        <translation>Réponses : {0} sur {1} · sans réponse : {2} · % des {3}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="872"/>
        <source>few answers (under 30): read the percentages with care</source>
        <translation>peu de réponses (moins de 30) : lisez les pourcentages avec prudence</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="878"/>
        <source>Personal field: asked {0}, answered {1}. Its answers are never shown.</source>
        <translation>Champ personnel : posée {0}, réponses {1}. Ses réponses ne sont jamais affichées.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="903"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="903"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="971"/>
        <source>Count</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="903"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="905"/>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="943"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="968"/>
        <source>Answers (n)</source>
        <translation>Réponses (n)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="944"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="945"/>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="946"/>
        <source>First quartile</source>
        <translation>Premier quartile</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="947"/>
        <source>Third quartile</source>
        <translation>Troisième quartile</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="948"/>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="949"/>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="952"/>
        <source>Figure</source>
        <translation>Chiffre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="952"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="971"/>
        <source>All</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="966"/>
        <source>First</source>
        <translation>Première</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="967"/>
        <source>Last</source>
        <translation>Dernière</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="971"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/results.py" line="986"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n réponse</numerusform>
            <numerusform>%n réponses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingTab</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1154"/>
        <source>&amp;Needs question</source>
        <translation>&amp;Question des besoins</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1155"/>
        <source>&amp;Split by</source>
        <translation>&amp;Répartir par</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1156"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1165"/>
        <source>No split</source>
        <translation>Sans répartition</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1197"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1197"/>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1197"/>
        <source>Count</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1197"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="1225"/>
        <source>Percentages of the {0} who answered; several answers possible.</source>
        <translation>Pourcentages des {0} qui ont répondu ; plusieurs réponses possibles.</translation>
    </message>
</context>
<context>
    <name>ReferenceBox</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="282"/>
        <source>Neighbourhood reference &amp;figures…</source>
        <translation>Chi&amp;ffres de référence du quartier…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="313"/>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="318"/>
        <source>Type in the neighbourhood&apos;s figures (INSEE...) to compare who answered</source>
        <translation>Saisir les chiffres du quartier (INSEE…) pour comparer qui a répondu</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="286"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="287"/>
        <source>Respondents (%)</source>
        <translation>Répondants (%)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="288"/>
        <source>Neighbourhood (%)</source>
        <translation>Quartier (%)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="289"/>
        <source>Difference (points)</source>
        <translation>Écart (points)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="311"/>
        <source>No neighbourhood figures for this question yet.</source>
        <translation>Pas encore de chiffres du quartier pour cette question.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="321"/>
        <source>Respondents compared with the neighbourhood</source>
        <translation>Répondants comparés au quartier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="344"/>
        <source>members</source>
        <translation>membres du foyer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="344"/>
        <source>interviews</source>
        <translation>entretiens</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="346"/>
        <source>Source: {0} · base: {1} {2} who answered</source>
        <translation>Source : {0} · base : {1} {2} ayant répondu</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="348"/>
        <source>{0} outside the bands</source>
        <translation>{0} hors des tranches</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="350"/>
        <source>few answers (under 30): read the percentages with care</source>
        <translation>peu de réponses (moins de 30) : lisez les pourcentages avec prudence</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="69"/>
        <source>Neighbourhood reference figures</source>
        <translation>Chiffres de référence du quartier</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="79"/>
        <source>Type in once the share (%) of the neighbourhood&apos;s population in each answer, from the census (INSEE) or the landlords: the results compare who answered with who lives there.</source>
        <translation>Saisissez une fois la part (%) de la population du quartier pour chaque réponse, d&apos;après le recensement (INSEE) ou les bailleurs : les résultats comparent qui a répondu avec qui habite le quartier.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="91"/>
        <source>&amp;Question</source>
        <translation>&amp;Question</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="94"/>
        <source>e.g. INSEE, census 2021, priority area</source>
        <translation>par ex. INSEE, recensement 2021, QPV Laubadère</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="96"/>
        <source>&amp;Source</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="101"/>
        <source>&amp;Year</source>
        <translation>A&amp;nnée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="113"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="113"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="117"/>
        <source>&amp;Forget these figures</source>
        <translation>&amp;Oublier ces chiffres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="151"/>
        <source>No single choice or number question to compare.</source>
        <translation>Aucune question à choix unique ou numérique à comparer.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="153"/>
        <source>The neighbourhood&apos;s share of each answer (%):</source>
        <translation>La part du quartier pour chaque réponse (%) :</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="165"/>
        <source>Bands written LOW-HIGH (both ends included, e.g. 15-29) or LOW+ (e.g. 60+), and the neighbourhood&apos;s share of each (%):</source>
        <translation>Tranches écrites BAS-HAUT (bornes comprises, par ex. 15-29) ou BAS+ (par ex. 60+), et la part du quartier pour chacune (%) :</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="173"/>
        <source>Band {0}</source>
        <translation>Tranche {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="174"/>
        <source>e.g. 15-29</source>
        <translation>par ex. 15-29</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="185"/>
        <source>Share of the neighbourhood (%)</source>
        <translation>Part du quartier (%)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="210"/>
        <source>A share is not a number from 0 to 100.</source>
        <translation>Une part n&apos;est pas un nombre de 0 à 100.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="212"/>
        <source>Total: {0} %</source>
        <translation>Total : {0} %</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/reference.py" line="214"/>
        <source>Total: {0} % — the shares must add up to 100 %.</source>
        <translation>Total : {0} % — les parts doivent faire 100 % au total.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="128"/>
        <location filename="../../surveyor/ui/coordinator/report.py" line="431"/>
        <source>Report for the funders</source>
        <translation>Rapport pour les financeurs</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="136"/>
        <source>T&amp;itle</source>
        <translation>T&amp;itre</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="138"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="139"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="140"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="148"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="149"/>
        <source>No split</source>
        <translation>Sans répartition</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="155"/>
        <source>split by</source>
        <translation>réparti par</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="158"/>
        <source>&amp;Needs ranked</source>
        <translation>&amp;Besoins classés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="165"/>
        <source>&amp;Questions in the report (tick, and order them)</source>
        <translation>&amp;Questions du rapport (cochez-les et mettez-les dans l&apos;ordre)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="169"/>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="171"/>
        <source>&amp;Who answered: the questions that describe them (tick, and order them)</source>
        <translation>&amp;Qui a répondu : les questions qui les décrivent (cochez-les et mettez-les dans l&apos;ordre)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="175"/>
        <source>Who answered</source>
        <translation>Qui a répondu</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="179"/>
        <source>&amp;Cross-tabs</source>
        <translation>Tris &amp;croisés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="191"/>
        <source>Rows of the cross-tab to add</source>
        <translation>Lignes du tri croisé à ajouter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="192"/>
        <source>Columns of the cross-tab to add</source>
        <translation>Colonnes du tri croisé à ajouter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="199"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="200"/>
        <source>Add the cross-tab</source>
        <translation>Ajouter le tri croisé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="201"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="202"/>
        <source>Remove the cross-tab</source>
        <translation>Retirer le tri croisé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="211"/>
        <source>Cross-tabs</source>
        <translation>Tris croisés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="218"/>
        <source>&amp;Open answers: tick the questions whose coded themes and picked quotes go in the report</source>
        <translation>&amp;Réponses libres : cochez les questions dont les thèmes codés et les citations choisies vont dans le rapport</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="233"/>
        <source>&amp;Quotes per theme, at most</source>
        <translation>&amp;Citations par thème, au plus</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="239"/>
        <source>Open answers</source>
        <translation>Réponses libres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="243"/>
        <source>&amp;Word document (DOCX, to edit)</source>
        <translation>Document &amp;Word (DOCX, à modifier)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="244"/>
        <source>&amp;PDF (to send)</source>
        <translation>&amp;PDF (à envoyer)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="253"/>
        <source>No personal data goes in the report: names, phone numbers, e-mails and the fields marked personal are left out.</source>
        <translation>Aucune donnée personnelle ne figure dans le rapport : les noms, numéros de téléphone, courriels et champs marqués personnels sont laissés de côté.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="264"/>
        <source>&amp;Save as the campaign&apos;s plan</source>
        <translation>&amp;Enregistrer comme plan de la campagne</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="267"/>
        <source>Write the &amp;report…</source>
        <translation>Écrire le &amp;rapport…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="270"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="392"/>
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="394"/>
        <source>Where to write the report</source>
        <translation>Où écrire le rapport</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="394"/>
        <source>Report (*.docx *.pdf)</source>
        <translation>Rapport (*.docx *.pdf)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="422"/>
        <source>Report written.</source>
        <translation>Rapport écrit.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="423"/>
        <source>Writing {0} ({1} of {2})…</source>
        <translation>Écriture de {0} ({1} sur {2})…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="430"/>
        <source>Writing the report…</source>
        <translation>Écriture du rapport…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="444"/>
        <source>The report could not be written: {0}</source>
        <translation>Le rapport n&apos;a pas pu être écrit : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="453"/>
        <source>Report written</source>
        <translation>Rapport écrit</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/report.py" line="454"/>
        <source>The report is in {0}</source>
        <translation>Le rapport est dans {0}</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="73"/>
        <source>{0} (in bands)</source>
        <translation>{0} (tranches)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="334"/>
        <source>&amp;Form</source>
        <translation>&amp;Questionnaire</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="335"/>
        <source>Intervie&amp;wer</source>
        <translation>Enquê&amp;teur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="336"/>
        <source>Fro&amp;m</source>
        <translation>D&amp;u</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="337"/>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="338"/>
        <source>&amp;Answer to</source>
        <translation>Répo&amp;nse à</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="339"/>
        <source>&amp;Value</source>
        <translation>&amp;Valeur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="343"/>
        <source>Clear the filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="345"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="346"/>
        <source>Filter on one more answer</source>
        <translation>Filtrer sur une réponse de plus</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="350"/>
        <source>&amp;Personal field: its answers are never shown nor put in the report</source>
        <translation>Champ &amp;personnel : ses réponses ne sont jamais montrées ni mises dans le rapport</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="352"/>
        <source>Neighbourhood reference &amp;figures…</source>
        <translation>Chi&amp;ffres de référence du quartier…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="354"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="393"/>
        <source>R&amp;eport for the funders…</source>
        <translation>Ra&amp;pport pour les financeurs…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="356"/>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="357"/>
        <source>&amp;Question</source>
        <translation>Questi&amp;on</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="358"/>
        <source>Cross-ta&amp;b</source>
        <translation>Tri croi&amp;sé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="359"/>
        <source>&amp;Needs ranked</source>
        <translation>&amp;Besoins classés</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="360"/>
        <source>&amp;Open answers</source>
        <translation>Réponses &amp;libres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="361"/>
        <source>&amp;Door to door</source>
        <translation>Port&amp;e-à-porte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="368"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="483"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="369"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="526"/>
        <source>Any answer</source>
        <translation>Toute réponse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="374"/>
        <location filename="../../surveyor/ui/coordinator/results.py" line="539"/>
        <source>Any value</source>
        <translation>Toute valeur</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/results.py" line="390"/>
        <source>Fi&amp;lters (%n active)</source>
        <translation>
            <numerusform>Fi&amp;ltres (%n actif)</numerusform>
            <numerusform>Fi&amp;ltres (%n actifs)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="393"/>
        <source>R&amp;eport…</source>
        <translation>Ra&amp;pport…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="493"/>
        <source>{0} (personal)</source>
        <translation>{0} (personnel)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="505"/>
        <source>No finalized interview yet: nothing to count.</source>
        <translation>Aucun entretien finalisé pour l&apos;instant : rien à compter.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="591"/>
        <source>and answer to</source>
        <translation>et réponse à</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="592"/>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message numerus="yes">
        <location filename="../../surveyor/ui/coordinator/results.py" line="699"/>
        <source>%n interview(s) counted</source>
        <translation>
            <numerusform>%n entretien compté</numerusform>
            <numerusform>%n entretiens comptés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/results.py" line="712"/>
        <source>No finalized interview yet: there is nothing to report.</source>
        <translation>Aucun entretien finalisé pour l&apos;instant : il n&apos;y a rien à rapporter.</translation>
    </message>
</context>
<context>
    <name>RoundSheet</name>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="54"/>
        <source>Round sheet</source>
        <translation>Feuille de route</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="58"/>
        <source>sector {0}</source>
        <translation>secteur {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="67"/>
        <source>Printed {0} · {1} door(s) · tick one box per visit, write the date and time.</source>
        <translation>Imprimée le {0} · {1} porte(s) · cochez une case par visite, notez la date et l’heure.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="71"/>
        <source>No door to visit.</source>
        <translation>Aucune porte à visiter.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="72"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="73"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="74"/>
        <source>Date, time, note</source>
        <translation>Date, heure, remarque</translation>
    </message>
</context>
<context>
    <name>RoundSheetDialog</name>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="319"/>
        <source>Print a round sheet</source>
        <translation>Imprimer une feuille de route</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="323"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="328"/>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="332"/>
        <source>&amp;Interviewer</source>
        <translation>&amp;Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="333"/>
        <source>&amp;Sector</source>
        <translation>&amp;Secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="335"/>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="335"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ServerDownload</name>
    <message>
        <location filename="../../surveyor/ui/coordinator/download.py" line="37"/>
        <source>The server refuses the account {0}: downloading needs a coordinator account and its password (settings).</source>
        <translation>Le serveur refuse le compte {0} : le téléchargement demande un compte coordinateur et son mot de passe (paramètres).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/download.py" line="43"/>
        <source>Nothing more was downloaded: {0} What arrived is kept.</source>
        <translation>Rien de plus n’a été téléchargé : {0} Ce qui est arrivé est conservé.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/download.py" line="46"/>
        <source>The download stopped: {0}</source>
        <translation>Le téléchargement s’est arrêté : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/download.py" line="55"/>
        <source>Downloading from the server</source>
        <translation>Téléchargement depuis le serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/download.py" line="56"/>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/coordinator/download.py" line="61"/>
        <source>Submissions received: {0}…</source>
        <translation>Envois reçus : {0}…</translation>
    </message>
</context>
<context>
    <name>ServerSync</name>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="174"/>
        <source>Connection OK: the server accepts this account.</source>
        <translation>Connexion OK : le serveur accepte ce compte.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="177"/>
        <source>Wrong password or account name: the server refuses them.</source>
        <translation>Mauvais mot de passe ou mauvais nom de compte : le serveur les refuse.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="180"/>
        <source>Server unreachable: check the address and the network.</source>
        <translation>Serveur injoignable : vérifiez l’adresse et le réseau.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="183"/>
        <source>Unexpected answer (captive portal?): the network may ask you to log in in a web browser first, or the address is not a survey server.</source>
        <translation>Réponse inattendue (portail captif ?) : le réseau vous demande peut-être d’abord de vous connecter dans un navigateur web, ou l’adresse n’est pas celle d’un serveur d’enquête.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="188"/>
        <source>This is not a server address (it starts with https://).</source>
        <translation>Ce n’est pas une adresse de serveur (elle commence par https://).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/labels.py" line="191"/>
        <source>Type the password first.</source>
        <translation>Saisissez d’abord le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="73"/>
        <source>Nothing sent to the server yet</source>
        <translation>Rien n’a encore été envoyé au serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="77"/>
        <location filename="../../surveyor/ui/sync.py" line="85"/>
        <source>Last successful sending: {0}</source>
        <translation>Dernier envoi réussi : {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="82"/>
        <source>Last successful sending: today {0}</source>
        <translation>Dernier envoi réussi : aujourd’hui {0}</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="225"/>
        <source>No server is set: enter its address in the settings.</source>
        <translation>Aucun serveur n’est indiqué : saisissez son adresse dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="229"/>
        <location filename="../../surveyor/ui/sync.py" line="294"/>
        <source>Sending is already running.</source>
        <translation>Un envoi est déjà en cours.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="232"/>
        <source>Please wait: Surveyor is still starting.</source>
        <translation>Veuillez patienter : Surveyor démarre encore.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="250"/>
        <location filename="../../surveyor/ui/sync.py" line="442"/>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="292"/>
        <location filename="../../surveyor/ui/sync.py" line="453"/>
        <source>The server address in the settings is not valid.</source>
        <translation>L’adresse du serveur indiquée dans les paramètres n’est pas valable.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="349"/>
        <source>Nothing to send.</source>
        <translation>Rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="353"/>
        <source>1 interview sent.</source>
        <translation>1 entretien envoyé.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="355"/>
        <source>{0} interviews sent.</source>
        <translation>{0} entretiens envoyés.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="359"/>
        <source>Interviews refused by the server: {0} (see their state).</source>
        <translation>Entretiens refusés par le serveur : {0} (voyez leur état).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="371"/>
        <source>New forms from the server: {0}.</source>
        <translation>Nouveaux formulaires venus du serveur : {0}.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="375"/>
        <source>New campaign package: {0} doors ({1} new).</source>
        <translation>Nouveau paquet de campagne : {0} portes ({1} nouvelles).</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="382"/>
        <source>The server&apos;s campaign package was refused (older, of another campaign or damaged); nothing was changed.</source>
        <translation>Le paquet de campagne du serveur a été refusé (plus ancien, d’une autre campagne ou endommagé) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="407"/>
        <source>The server refuses the password of {0}. Automatic sending is paused: check the account and the password in the settings.</source>
        <translation>Le serveur refuse le mot de passe de {0}. L’envoi automatique est en pause : vérifiez le compte et le mot de passe dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="409"/>
        <source>this account</source>
        <translation>ce compte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="412"/>
        <source>The server password is needed to send the interviews: type it in the settings.</source>
        <translation>Le mot de passe du serveur est nécessaire pour envoyer les entretiens : saisissez-le dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="419"/>
        <source>1 interview needs a decision: the server refused it (an edit of a version already replaced, or the same interview with other answers). It is not sent again automatically.</source>
        <translation>1 entretien demande une décision : le serveur l’a refusé (modification d’une version déjà remplacée, ou même entretien avec d’autres réponses). Il ne sera pas renvoyé automatiquement.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="424"/>
        <source>{0} interviews need a decision: the server refused them (an edit of a version already replaced, or the same interview with other answers). They are not sent again automatically.</source>
        <translation>{0} entretiens demandent une décision : le serveur les a refusés (modification d’une version déjà remplacée, ou même entretien avec d’autres réponses). Ils ne seront pas renvoyés automatiquement.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="435"/>
        <source>Nothing left to send</source>
        <translation>Plus rien à envoyer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="437"/>
        <source>1 interview to send</source>
        <translation>1 entretien à envoyer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="439"/>
        <source>{0} interviews to send</source>
        <translation>{0} entretiens à envoyer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="447"/>
        <source>1 interview needs a decision</source>
        <translation>1 entretien demande une décision</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/sync.py" line="449"/>
        <source>{0} interviews need a decision</source>
        <translation>{0} entretiens demandent une décision</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="68"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="77"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="79"/>
        <source>Name of this laptop</source>
        <translation>Nom de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="81"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="82"/>
        <source>Same as the computer</source>
        <translation>Comme l’ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="89"/>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="90"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="92"/>
        <source>Your &amp;name</source>
        <translation>Votre &amp;nom</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="93"/>
        <source>Name of this &amp;laptop</source>
        <translation>Nom de cet &amp;ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="94"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="95"/>
        <source>&amp;Text size</source>
        <translation>&amp;Taille du texte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="106"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="100"/>
        <source>Shared folder</source>
        <translation>Dossier partagé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="102"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="103"/>
        <location filename="../../surveyor/ui/settings.py" line="252"/>
        <source>Choose the shared folder</source>
        <translation>Choisir le dossier partagé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="108"/>
        <source>Shared &amp;folder</source>
        <translation>&amp;Dossier partagé</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="112"/>
        <source>Finished interviews are handed in there by themselves (a folder on the network or a USB key). Leave it empty if there is none.</source>
        <translation>Les entretiens terminés y sont remis automatiquement (un dossier sur le réseau ou une clé USB). Laissez vide s’il n’y en a pas.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="118"/>
        <source>I am a &amp;coordinator</source>
        <translation>Je suis &amp;coordinateur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="120"/>
        <source>I am a coordinator</source>
        <translation>Je suis coordinateur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="128"/>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="134"/>
        <source>Sending to a &amp;server</source>
        <translation>Envoi vers un &amp;serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="139"/>
        <source>A new language applies at once. Text size can also be changed at any time with Ctrl and + or -, and Ctrl and 0 to go back to normal.</source>
        <translation>La nouvelle langue s’applique tout de suite. Vous pouvez aussi changer la taille du texte à tout moment avec Ctrl et + ou -, et revenir à la taille normale avec Ctrl et 0.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="146"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="146"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="159"/>
        <source>Finished interviews are sent to this server by themselves, whenever the network allows. Leave the address empty if there is none.</source>
        <translation>Les entretiens terminés sont envoyés tout seuls à ce serveur, dès que le réseau le permet. Laissez l’adresse vide s’il n’y en a pas.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="168"/>
        <source>https://… (leave empty if there is none)</source>
        <translation>https://… (laissez vide s’il n’y en a pas)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="169"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="170"/>
        <source>Server &amp;address</source>
        <translation>&amp;Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="173"/>
        <source>Account name on the server</source>
        <translation>Nom du compte sur le serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="174"/>
        <source>Acco&amp;unt name</source>
        <translation>Nom du co&amp;mpte</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="176"/>
        <source>Password on the server</source>
        <translation>Mot de passe sur le serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="179"/>
        <source>Unchanged (leave empty to keep it)</source>
        <translation>Inchangé (laissez vide pour le garder)</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="180"/>
        <source>Pass&amp;word</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="182"/>
        <source>No system keychain: the password will be asked for at each sending.</source>
        <translation>Aucun trousseau système : le mot de passe sera demandé à chaque envoi.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="189"/>
        <source>Test the &amp;connection</source>
        <translation>T&amp;ester la connexion</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="191"/>
        <source>Test the connection to the server</source>
        <translation>Tester la connexion au serveur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/settings.py" line="214"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
</context>
<context>
    <name>TypeBackDialog</name>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="133"/>
        <source>Type back a round sheet</source>
        <translation>Saisir une feuille de route</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="138"/>
        <source>Choose the sheet, then for each door press the key of the box ticked on paper: {0}. Space or ↓ skips a door.</source>
        <translation>Choisissez la feuille, puis pour chaque porte appuyez sur la touche de la case cochée sur le papier : {0}. Espace ou ↓ passe une porte.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="149"/>
        <source>Interviewer of the sheet</source>
        <translation>Enquêteur de la feuille</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="151"/>
        <source>Sector of the sheet</source>
        <translation>Secteur de la feuille</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="155"/>
        <source>Date and time of the round</source>
        <translation>Date et heure de la tournée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="156"/>
        <source>Interviewer</source>
        <translation>Enquêteur·rice</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="158"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="161"/>
        <source>Time of the round</source>
        <translation>Heure de la tournée</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="167"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="167"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="167"/>
        <source>Typed back</source>
        <translation>Saisi</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="171"/>
        <source>The doors of the sheet</source>
        <translation>Les portes de la feuille</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="184"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="191"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="219"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="221"/>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="271"/>
        <source>Refused?</source>
        <translation>Refus ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="272"/>
        <source>Record a refusal at {0}?</source>
        <translation>Enregistrer un refus au {0} ?</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="273"/>
        <source>Yes, refused</source>
        <translation>Oui, refus</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/roundsheet.py" line="274"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="117"/>
        <source>Welcome to Surveyor</source>
        <translation>Bienvenue dans Surveyor</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="118"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="121"/>
        <source>Surveyor helps you fill in door-to-door survey interviews. Everything you type is saved at once, on this laptop: nothing is lost if you close the window.</source>
        <translation>Surveyor vous aide à remplir les entretiens de l’enquête en porte-à-porte. Tout ce que vous tapez est enregistré aussitôt sur cet ordinateur : rien n’est perdu si vous fermez la fenêtre.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="126"/>
        <source>Your &amp;name</source>
        <translation>Votre &amp;nom</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="127"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="128"/>
        <source>For example: Marie Dupont</source>
        <translation>Par exemple : Marie Dupont</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="129"/>
        <source>Name of this &amp;laptop</source>
        <translation>Nom de cet &amp;ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="130"/>
        <source>Name of this laptop</source>
        <translation>Nom de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="131"/>
        <source>For example: Laptop 3</source>
        <translation>Par exemple : Portable 3</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="133"/>
        <source>This name tells the coordinator which laptop the interviews come from.</source>
        <translation>Ce nom indique à la coordination de quel ordinateur viennent les entretiens.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="137"/>
        <source>These forms come with Surveyor. Keep the ones you need:</source>
        <translation>Ces formulaires sont fournis avec Surveyor. Gardez ceux dont vous avez besoin :</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="141"/>
        <source>You can add the form file the coordinator sent you from the home screen.</source>
        <translation>Vous pourrez ajouter depuis l’accueil le fichier de formulaire envoyé par la coordination.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="143"/>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="143"/>
        <source>Start using Surveyor</source>
        <translation>Commencer à utiliser Surveyor</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="166"/>
        <source>Please type your name and a name for this laptop.</source>
        <translation>Veuillez saisir votre nom et un nom pour cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="168"/>
        <source>Please type your name.</source>
        <translation>Veuillez saisir votre nom.</translation>
    </message>
    <message>
        <location filename="../../surveyor/ui/welcome.py" line="170"/>
        <source>Please type a name for this laptop.</source>
        <translation>Veuillez saisir un nom pour cet ordinateur.</translation>
    </message>
</context>
</TS>
