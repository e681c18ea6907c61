<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>FormCard</name>
    <message>
        <location filename="../home.py" line="209"/>
        <source>This form could not be opened: {0}</source>
        <translation>Ce formulaire n’a pas pu être ouvert : {0}</translation>
    </message>
    <message>
        <location filename="../home.py" line="216"/>
        <source>Surveyor does not handle these features of the form yet: {0}.</source>
        <translation>Surveyor ne gère pas encore ces fonctions du formulaire : {0}.</translation>
    </message>
    <message>
        <location filename="../home.py" line="223"/>
        <source>New interview</source>
        <translation>Nouvel entretien</translation>
    </message>
    <message>
        <location filename="../home.py" line="224"/>
        <source>New interview: {0}</source>
        <translation>Nouvel entretien : {0}</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../home.py" line="52"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../home.py" line="53"/>
        <source>To send or hand in</source>
        <translation>À envoyer ou remettre</translation>
    </message>
    <message>
        <location filename="../home.py" line="54"/>
        <source>Sent or handed in</source>
        <translation>Envoyés ou remis</translation>
    </message>
    <message>
        <location filename="../home.py" line="55"/>
        <source>Bin</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../home.py" line="61"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../home.py" line="62"/>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../home.py" line="63"/>
        <source>Sending failed</source>
        <translation>Envoi échoué</translation>
    </message>
    <message>
        <location filename="../home.py" line="64"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../home.py" line="65"/>
        <source>Handed in</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location filename="../home.py" line="66"/>
        <source>In the bin</source>
        <translation>Dans la corbeille</translation>
    </message>
    <message>
        <location filename="../home.py" line="121"/>
        <source>Interview without a name ({0})</source>
        <translation>Entretien sans nom ({0})</translation>
    </message>
    <message>
        <location filename="../home.py" line="169"/>
        <source>Interview</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location filename="../home.py" line="170"/>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <location filename="../home.py" line="171"/>
        <source>Last change</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location filename="../home.py" line="172"/>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../home.py" line="431"/>
        <location filename="../home.py" line="432"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../home.py" line="433"/>
        <source>Forms on this laptop</source>
        <translation>Formulaires sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../home.py" line="434"/>
        <source>Open a form…</source>
        <translation>Ouvrir un formulaire…</translation>
    </message>
    <message>
        <location filename="../home.py" line="435"/>
        <source>Open a form file sent by the coordinator</source>
        <translation>Ouvrir un fichier de formulaire envoyé par la coordination</translation>
    </message>
    <message>
        <location filename="../home.py" line="436"/>
        <source>Add an XLSForm file sent by the coordinator</source>
        <translation>Ajouter un fichier XLSForm envoyé par la coordination</translation>
    </message>
    <message>
        <location filename="../home.py" line="437"/>
        <source>My interviews</source>
        <translation>Mes entretiens</translation>
    </message>
    <message>
        <location filename="../home.py" line="438"/>
        <source>Search by name…</source>
        <translation>Rechercher par nom…</translation>
    </message>
    <message>
        <location filename="../home.py" line="439"/>
        <source>Search the interviews</source>
        <translation>Rechercher dans les entretiens</translation>
    </message>
    <message>
        <location filename="../home.py" line="440"/>
        <source>Interviews</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../home.py" line="441"/>
        <source>Interview states</source>
        <translation>États des entretiens</translation>
    </message>
    <message>
        <location filename="../home.py" line="442"/>
        <location filename="../home.py" line="619"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../home.py" line="443"/>
        <source>Resume the last interview</source>
        <translation>Reprendre le dernier entretien</translation>
    </message>
    <message>
        <location filename="../home.py" line="445"/>
        <location filename="../home.py" line="650"/>
        <source>Move to the bin</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <location filename="../home.py" line="446"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../home.py" line="461"/>
        <source>Hello {0}</source>
        <translation>Bonjour {0}</translation>
    </message>
    <message>
        <location filename="../home.py" line="461"/>
        <source>Hello</source>
        <translation>Bonjour</translation>
    </message>
    <message>
        <location filename="../home.py" line="498"/>
        <source>Loading the forms…</source>
        <translation>Chargement des formulaires…</translation>
    </message>
    <message>
        <location filename="../home.py" line="502"/>
        <source>No form yet. Open the form file the coordinator sent you.</source>
        <translation>Aucun formulaire pour l’instant. Ouvrez le fichier de formulaire que la coordination vous a envoyé.</translation>
    </message>
    <message>
        <location filename="../home.py" line="526"/>
        <source>You were filling in “{0}”. Resume where you stopped?</source>
        <translation>Vous remplissiez « {0} ». Reprendre là où vous en étiez ?</translation>
    </message>
    <message>
        <location filename="../home.py" line="527"/>
        <source>an interview</source>
        <translation>un entretien</translation>
    </message>
    <message>
        <location filename="../home.py" line="593"/>
        <source>No draft. Start a new interview from a form on the left.</source>
        <translation>Aucun brouillon. Commencez un nouvel entretien à partir d’un formulaire, à gauche.</translation>
    </message>
    <message>
        <location filename="../home.py" line="594"/>
        <source>No finished interview waiting to be sent.</source>
        <translation>Aucun entretien terminé en attente d’envoi.</translation>
    </message>
    <message>
        <location filename="../home.py" line="595"/>
        <source>Nothing sent or handed in yet.</source>
        <translation>Rien n’a encore été envoyé ni remis.</translation>
    </message>
    <message>
        <location filename="../home.py" line="596"/>
        <source>The bin is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <location filename="../home.py" line="599"/>
        <source>No interview matches this search.</source>
        <translation>Aucun entretien ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../home.py" line="619"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../home.py" line="647"/>
        <source>Move to the bin?</source>
        <translation>Mettre à la corbeille ?</translation>
    </message>
    <message>
        <location filename="../home.py" line="648"/>
        <source>Move the draft “{0}” to the bin?</source>
        <translation>Mettre le brouillon « {0} » à la corbeille ?</translation>
    </message>
    <message>
        <location filename="../home.py" line="649"/>
        <source>You can restore it from the bin later.</source>
        <translation>Vous pourrez le restaurer depuis la corbeille plus tard.</translation>
    </message>
    <message>
        <location filename="../home.py" line="651"/>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
    <message>
        <location filename="../home.py" line="672"/>
        <source>The draft is in the bin. You can restore it from there.</source>
        <translation>Le brouillon est dans la corbeille. Vous pouvez l’y restaurer.</translation>
    </message>
    <message>
        <location filename="../home.py" line="687"/>
        <source>The draft is back with the other drafts.</source>
        <translation>Le brouillon est de retour avec les autres brouillons.</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <location filename="../interview/editors.py" line="246"/>
        <source>DD</source>
        <translation>JJ</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="247"/>
        <source>MM</source>
        <translation>MM</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="248"/>
        <source>YYYY</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="307"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="308"/>
        <location filename="../interview/editors.py" line="309"/>
        <source>Pick the date in a calendar</source>
        <translation>Choisir la date dans un calendrier</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="313"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="370"/>
        <source>This is not a date. Type it like this: %1</source>
        <translation>Ce n’est pas une date. Tapez-la comme ceci : %1</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="386"/>
        <location filename="../interview/editors.py" line="405"/>
        <location filename="../interview/editors.py" line="420"/>
        <location filename="../interview/editors.py" line="452"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="403"/>
        <source>This is not a time. Type it like this: %1</source>
        <translation>Ce n’est pas une heure. Tapez-la comme ceci : %1</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="422"/>
        <source>time</source>
        <translation>heure</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="448"/>
        <source>Type the date like this: %1, and the time like this: %2</source>
        <translation>Tapez la date comme ceci : %1, et l’heure comme ceci : %2</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="505"/>
        <location filename="../interview/editors.py" line="988"/>
        <source>(no answer)</source>
        <translation>(pas de réponse)</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="555"/>
        <location filename="../interview/editors.py" line="738"/>
        <source>Clear the answer</source>
        <translation>Effacer la réponse</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="560"/>
        <source>Clear the answer to: %1</source>
        <translation>Effacer la réponse à : %1</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="649"/>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="650"/>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="651"/>
        <source>Keep this order</source>
        <translation>Garder cet ordre</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="676"/>
        <source>Not ranked yet</source>
        <translation>Pas encore classé</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="778"/>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="809"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="810"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="811"/>
        <source>Altitude (optional)</source>
        <translation>Altitude (facultatif)</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="846"/>
        <source>Type both the latitude and the longitude.</source>
        <translation>Tapez la latitude et la longitude.</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="851"/>
        <source>The latitude must be between -90 and 90, the longitude between -180 and 180.</source>
        <translation>La latitude doit être comprise entre -90 et 90, la longitude entre -180 et 180.</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="879"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="882"/>
        <source>Remove the file</source>
        <translation>Retirer le fichier</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="893"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="896"/>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="901"/>
        <location filename="../interview/view.py" line="1241"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="911"/>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <location filename="../interview/editors.py" line="940"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location filename="../interview/view.py" line="133"/>
        <source>%n of %1 questions answered</source>
        <translation>
            <numerusform>%n question sur %1 a une réponse</numerusform>
            <numerusform>%n questions sur %1 ont une réponse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="317"/>
        <source>Save and go back</source>
        <translation>Enregistrer et revenir</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="319"/>
        <source>Everything is saved: you can come back to it later.</source>
        <translation>Tout est enregistré : vous pourrez y revenir plus tard.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="329"/>
        <location filename="../interview/view.py" line="330"/>
        <source>Language of the questions</source>
        <translation>Langue des questions</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="337"/>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="348"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="355"/>
        <source>Sections</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="363"/>
        <source>End: check and finalize</source>
        <translation>Fin : vérifier et finaliser</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="376"/>
        <source>This interview is finalized: its answers can be read but not changed.</source>
        <translation>Cet entretien est finalisé : ses réponses peuvent être lues mais pas modifiées.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="381"/>
        <location filename="../interview/view.py" line="725"/>
        <source>Edit</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="383"/>
        <source>Make a new version of this interview to correct it</source>
        <translation>Créer une nouvelle version de cet entretien pour le corriger</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="404"/>
        <source>◀  Back</source>
        <translation>◀  Précédent</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="405"/>
        <source>Previous question (Page Up)</source>
        <translation>Question précédente (Page précédente)</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="411"/>
        <source>Next  ▶</source>
        <translation>Suivant  ▶</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="413"/>
        <source>Next question (Enter, Page Down)</source>
        <translation>Question suivante (Entrée, Page suivante)</translation>
    </message>
    <message numerus="yes">
        <location filename="../interview/view.py" line="622"/>
        <source>Already entered: %n</source>
        <translation>
            <numerusform>%n saisie pour l’instant</numerusform>
            <numerusform>%n saisies pour l’instant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../interview/view.py" line="733"/>
        <source>Answers to check before finalizing: %n. Click one to go there:</source>
        <translation>
            <numerusform>Avant de finaliser, %n réponse est à vérifier. Cliquez dessus pour y aller :</numerusform>
            <numerusform>Avant de finaliser, %n réponses sont à vérifier. Cliquez sur l’une d’elles pour y aller :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="624"/>
        <source>Nobody entered yet.</source>
        <translation>Personne n’est encore saisi.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="632"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="640"/>
        <source>Add: %1</source>
        <translation>Ajouter : %1</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="650"/>
        <source>When everyone is entered, go on with Next (Page Down).</source>
        <translation>Quand tout le monde est saisi, continuez avec Suivant (Page suivante).</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="665"/>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="686"/>
        <source>Remove %1 and all its answers?</source>
        <translation>Retirer %1 et toutes ses réponses ?</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="690"/>
        <source>Yes, remove</source>
        <translation>Oui, retirer</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="692"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="708"/>
        <source>End of the interview</source>
        <translation>Fin de l’entretien</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="718"/>
        <source>This interview is finalized. To correct it, make a new version with Edit.</source>
        <translation>Cet entretien est finalisé. Pour le corriger, créez une nouvelle version avec Corriger.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="744"/>
        <source>Answers to check</source>
        <translation>Réponses à vérifier</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="759"/>
        <source>Everything is answered. Finalize the interview to hand it in: its answers can then no longer be changed.</source>
        <translation>Tout est rempli. Finalisez l’entretien pour le remettre : ses réponses ne pourront plus être modifiées ensuite.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="768"/>
        <source>Finalize</source>
        <translation>Finaliser</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="774"/>
        <source>Save and finish later</source>
        <translation>Enregistrer et finir plus tard</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="797"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="799"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="806"/>
        <source>An answer is required.</source>
        <translation>Une réponse est obligatoire.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="809"/>
        <source>This answer is not valid.</source>
        <translation>Cette réponse n’est pas valable.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="819"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="1178"/>
        <source>The file could not be added: %1</source>
        <translation>Le fichier n’a pas pu être ajouté : %1</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="1222"/>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="1233"/>
        <source>Not saved: %1. Your answers are kept on screen; retrying.</source>
        <translation>Non enregistré : %1. Vos réponses restent à l’écran ; nouvel essai en cours.</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="1277"/>
        <source>Finalizing…</source>
        <translation>Finalisation…</translation>
    </message>
    <message>
        <location filename="../interview/view.py" line="1302"/>
        <source>The interview could not be finalized: %1</source>
        <translation>L’entretien n’a pas pu être finalisé : %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>&amp;Surveyor</source>
        <translation>&amp;Surveyor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186"/>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>&amp;Home screen</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>&amp;Open a form…</source>
        <translation>&amp;Ouvrir un formulaire…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191"/>
        <source>&amp;Larger text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>&amp;Smaller text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193"/>
        <source>&amp;Normal text size</source>
        <translation>Taille de texte &amp;normale</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>The settings could not be saved: {0}</source>
        <translation>Les paramètres n’ont pas pu être enregistrés : {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234"/>
        <source>Surveyor cannot open its data: {0}</source>
        <translation>Surveyor ne peut pas ouvrir ses données : {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404"/>
        <source>Open a form</source>
        <translation>Ouvrir un formulaire</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="406"/>
        <source>Forms (XLSForm) ({0})</source>
        <translation>Formulaires (XLSForm) ({0})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="415"/>
        <source>Please wait: Surveyor is still starting.</source>
        <translation>Patientez un instant : Surveyor est en train de démarrer.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="418"/>
        <source>Opening the form…</source>
        <translation>Ouverture du formulaire…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="423"/>
        <source>This form could not be opened: {0}</source>
        <translation>Ce formulaire n’a pas pu être ouvert : {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="432"/>
        <source>The form “{0}” is ready.</source>
        <translation>Le formulaire « {0} » est prêt.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="435"/>
        <source>Surveyor does not handle these features of the form yet: {0}.</source>
        <translation>Surveyor ne gère pas encore ces fonctions du formulaire : {0}.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="485"/>
        <source>This interview could not be opened: {0}</source>
        <translation>Cet entretien n’a pas pu être ouvert : {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="532"/>
        <source>The last answers could not be saved: {0}</source>
        <translation>Les dernières réponses n’ont pas pu être enregistrées : {0}</translation>
    </message>
</context>
<context>
    <name>PlaceholderInterview</name>
    <message>
        <location filename="../main_window.py" line="68"/>
        <source>Interview “{0}”</source>
        <translation>Entretien « {0} »</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="72"/>
        <source>Back to the home screen</source>
        <translation>Retour à l’accueil</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings.py" line="109"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../settings.py" line="117"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../settings.py" line="119"/>
        <source>Name of this laptop</source>
        <translation>Nom de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../settings.py" line="121"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../settings.py" line="122"/>
        <source>Same as the computer</source>
        <translation>Comme l’ordinateur</translation>
    </message>
    <message>
        <location filename="../settings.py" line="129"/>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <location filename="../settings.py" line="130"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../settings.py" line="132"/>
        <source>Your &amp;name</source>
        <translation>Votre &amp;nom</translation>
    </message>
    <message>
        <location filename="../settings.py" line="134"/>
        <source>Name of this &amp;laptop</source>
        <translation>Nom de cet &amp;ordinateur</translation>
    </message>
    <message>
        <location filename="../settings.py" line="136"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../settings.py" line="138"/>
        <source>&amp;Text size</source>
        <translation>&amp;Taille du texte</translation>
    </message>
    <message>
        <location filename="../settings.py" line="148"/>
        <source>A new language applies at once. Text size can also be changed at any time with Ctrl and + or -, and Ctrl and 0 to go back to normal.</source>
        <translation>La nouvelle langue s’applique tout de suite. Vous pouvez aussi changer la taille du texte à tout moment avec Ctrl et + ou -, et revenir à la taille normale avec Ctrl et 0.</translation>
    </message>
    <message>
        <location filename="../settings.py" line="157"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../settings.py" line="158"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../welcome.py" line="125"/>
        <source>Welcome to Surveyor</source>
        <translation>Bienvenue dans Surveyor</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="126"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="129"/>
        <source>Surveyor helps you fill in door-to-door survey interviews. Everything you type is saved at once, on this laptop: nothing is lost if you close the window.</source>
        <translation>Surveyor vous aide à remplir les entretiens de l’enquête en porte-à-porte. Tout ce que vous tapez est enregistré aussitôt sur cet ordinateur : rien n’est perdu si vous fermez la fenêtre.</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="134"/>
        <source>Your &amp;name</source>
        <translation>Votre &amp;nom</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="135"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="136"/>
        <source>For example: Marie Dupont</source>
        <translation>Par exemple : Marie Dupont</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="137"/>
        <source>Name of this &amp;laptop</source>
        <translation>Nom de cet &amp;ordinateur</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="138"/>
        <source>Name of this laptop</source>
        <translation>Nom de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="139"/>
        <source>For example: Laptop 3</source>
        <translation>Par exemple : Portable 3</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="141"/>
        <source>This name tells the coordinator which laptop the interviews come from.</source>
        <translation>Ce nom indique à la coordination de quel ordinateur viennent les entretiens.</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="145"/>
        <source>These forms come with Surveyor. Keep the ones you need:</source>
        <translation>Ces formulaires sont fournis avec Surveyor. Gardez ceux dont vous avez besoin :</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="149"/>
        <source>You can add the form file the coordinator sent you from the home screen.</source>
        <translation>Vous pourrez ajouter depuis l’accueil le fichier de formulaire envoyé par la coordination.</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="151"/>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <location filename="../welcome.py" line="152"/>
        <source>Start using Surveyor</source>
        <translation>Commencer à utiliser Surveyor</translation>
    </message>
</context>
</TS>
