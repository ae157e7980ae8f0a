# L’interface de Postdesk en français (Canada) : « courriel », « infolettre »,
# guillemets « » avec espaces insécables, espace avant « : ». Mêmes clés et
# mêmes { $variables } que en.ftl (vérifié par i18n.test.ts).

app-name = Postdesk

## index.html
ui-library = Bibliothèque
ui-search-posts-ctrl-shift-f = Chercher des billets (Ctrl+Maj+F)
ui-search-posts = Chercher des billets
key-shift = Maj
ui-status = Statut
ui-all-statuses = Tous les statuts
ui-draft = Brouillon
ui-review = En relecture
ui-ready = Prêt
ui-scheduled = Programmé
ui-published = Publié
ui-archived = Archivé
ui-waiting-for-my-review = En attente de ma relecture
ui-language = Langue
ui-all-languages = Toutes les langues
ui-english = English
ui-francais = Français
ui-tag = Étiquette
ui-sort = Tri
ui-last-updated = Dernière modification
ui-created = Création
ui-title = Titre
ui-template = Modèle
ui-blank-post = Billet vierge
ui-new-post-ctrl-n = Nouveau billet (Ctrl+N)
ui-new = Nouveau
ui-trash = Corbeille
ui-empty-trash = Vider la corbeille…
ui-import-a-wordpress-export-file = Importer un fichier d’exportation WordPress
ui-import = Importer…
ui-posts = Billets
ui-layout = Disposition
ui-split = Côte à côte
ui-editor = Éditeur
ui-preview = Aperçu
ui-page = Page
ui-listing = Liste
ui-email = Courriel
ui-details = Détails
ui-duplicate = Dupliquer
ui-translate = Traduire
ui-move-to-trash = Mettre à la corbeille
ui-restore = Récupérer
ui-history = Historique
ui-export = Exporter…
ui-publish = Publier…
ui-digest = Récapitulatif…
ui-shortcuts = Raccourcis
ui-settings = Paramètres…
ui-slug = Identifiant d’URL
ui-teaser = Accroche
ui-email-preview-text = Texte d’aperçu du courriel
ui-tags = Étiquettes
ui-comma-separated = séparées par des virgules
ui-author = Auteur ou autrice
ui-reviewer = Relecteur ou relectrice
ui-name-or-email = nom ou courriel
ui-publish-date = Date de publication
ui-canonical-url = URL canonique
ui-featured-image = Image à la une
ui-asset-or-url = asset:… ou URL
ui-on-the-wordpress-site = Sur le site WordPress
ui-open-on-site = Ouvrir sur le site
ui-width = Largeur
ui-part = Partie
ui-text = Texte
ui-rich-html-and-plain-text = HTML enrichi et texte brut, pour l’éditeur d’un service d’envoi ou Gmail
ui-copy-for-email = Copier pour un courriel
ui-save-eml = Enregistrer en .eml…
ui-email-preview = Aperçu du courriel
ui-sync-now = Synchroniser
ui-revision-history = Historique des versions
ui-close = Fermer
ui-restore-this-version = Rétablir cette version
ui-no-post-selected-press = Aucun billet choisi. Appuyez sur
ui-to-start-one = pour en commencer un.
ui-describe-this-image-for-people = Décrivez cette image pour les personnes qui ne peuvent pas la voir
ui-cancel = Annuler
ui-insert = Insérer
ui-export-for-the-site = Exporter pour le site
ui-format = Format
ui-hugo-content-posts = Hugo (content/posts/…)
ui-jekyll-posts = Jekyll (_posts/…)
ui-standalone-html-with-listing-pages = HTML autonome avec pages de liste
ui-published-posts = Billets publiés
ui-all-posts-drafts-included = Tous les billets, brouillons compris
ui-this-post-only = Ce billet seulement
ui-folder-for-hugo-and-jekyll = Dossier (pour Hugo et Jekyll, la racine du site)
ui-choose-a-folder = Choisissez un dossier…
ui-choose = Choisir…
ui-show-in-folder = Afficher dans le dossier
ui-overwrite-them = Les remplacer
ui-export-2 = Exporter
ui-newsletter-digest = Infolettre récapitulative
ui-posts-to-pick-from = Billets à choisir
ui-in-the-digest-in-order = Dans le récapitulatif, dans l’ordre
ui-introduction-markdown = Introduction (Markdown)
ui-subject = Objet
ui-newsletter-name-date = Nom de l’infolettre — date
ui-email-service = Service d’envoi
ui-as-in-settings = Comme dans les paramètres
ui-plain-links = Liens simples
ui-digest-preview = Aperçu du récapitulatif
ui-delete-for-good = Supprimer définitivement
ui-keyboard-shortcuts = Raccourcis clavier
ui-bold = Gras
ui-italic = Italique
ui-link = Lien
ui-heading-1-3 = Intertitre 1 à 3
ui-save-a-revision-now = Enregistrer une version maintenant
ui-new-post = Nouveau billet
ui-find-and-replace-in-the = Chercher et remplacer dans le billet
ui-search-the-library = Chercher dans la bibliothèque
ui-quit-everything-typed-is-saved = Quitter (tout ce qui est tapé est d’abord enregistré)
ui-undo-redo = Annuler / rétablir
ui-settings-2 = Paramètres
ui-each-setting-is-saved-as = Chaque paramètre est enregistré dès que vous quittez son champ.
ui-changes-that-clash = Modifications en conflit
ui-you-and-a-teammate-changed = Vous et une ou un collègue avez modifié le même passage de ces billets. Rien n’est perdu : choisissez, partie par partie, la version à garder. La version partagée reste telle quelle jusqu’à votre choix.
ui-welcome-to-postdesk = Bienvenue dans Postdesk
ui-exports-and-emails-use-these = Les exportations et les courriels s’en servent. Vous pouvez les changer à tout moment dans les paramètres.
ui-skip-for-now = Plus tard
ui-start-writing = Commencer à écrire
ui-publish-2 = Publier
ui-wordpress = WordPress
ui-to-the-wordpress-site = Sur le site WordPress
ui-status-on-the-site = Statut sur le site
ui-as-in-postdesk = Comme dans Postdesk
ui-scheduled-at-the-post-s = Programmé (à la date de publication du billet)
ui-site-repository = Dépôt du site
ui-commit-this-post-to-the = Valider ce billet dans le dépôt du site et le pousser
ui-nothing-is-set-up-to = Aucune destination de publication n’est configurée : indiquez votre site WordPress ou choisissez le dépôt de votre site dans Paramètres → Publication.
ui-overwrite = Remplacer
ui-open-settings = Ouvrir les paramètres
ui-import-from-wordpress = Importer depuis WordPress
ui-choose-a-wordpress-export-file = Choisissez un fichier d’exportation WordPress (dans WordPress : Outils → Exporter → Tout le contenu). Importer de nouveau le même fichier ne crée pas de doublons.
ui-images-optional-your-copy-of = Images (facultatif) : votre copie du dossier wp-content/uploads du site
ui-keep-images-as-links = Garder les images en liens
ui-choose-the-file-and-import = Choisir le fichier et importer…
ui-restore-the-newest-good-backup = Restaurer la plus récente sauvegarde intacte
language-auto = Suivre le système

## Barre d’état, enregistrement
save-editing = Modification…
save-saving = Enregistrement…
save-saved = Enregistré à { $time }
save-revision-saved = Version enregistrée à { $time }
save-restored = Rétabli à { $time }
save-not-saved = Non enregistré
save-retrying = Non enregistré; nouvel essai…
save-retrying-disk = Non enregistré — le disque est plein ou en lecture seule; nouvel essai…
saved-path = Enregistré : { $path }
not-saved = Non enregistré.
not-copied = Non copié.
count-words = { $count ->
    [one] { $count } mot
   *[other] { $count } mots
}
count-characters = { $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
}
count-reading = { $minutes } min de lecture

## Mots communs
dismiss = Fermer
quoted = « { $text } »
action-on = { $action } : { $title }

## Bibliothèque
library-no-match = Aucun billet ne correspond.
library-trash-empty = La corbeille est vide.
library-no-posts = Aucun billet.
confirm-empty-trash = Supprimer définitivement tous les billets de la corbeille? Cette action est irréversible.
trash-emptied = { $count ->
    [one] { $count } billet supprimé définitivement
   *[other] { $count } billets supprimés définitivement
}

## Détails et éditeur
details-has-translation = A une traduction.
details-create-french = Créer la version française
details-create-english = Créer la version anglaise
editor-body = Texte du billet
editor-link-text = texte du lien
image-unreadable = L’image n’a pas pu être lue.

## Historique
reason-save = Enregistré
reason-status = Statut changé
reason-auto = Enregistré automatiquement
reason-restore = Avant un rétablissement
reason-sync = Avant une synchronisation d’équipe
history-shared = Partagé par l’équipe
history-theirs = Version de { $name } (− la sienne, + la vôtre maintenant)

## Onglet Courriel, récapitulatif, exportation, importation, récupération
email-copied = Copié pour un courriel
digest-add = Ajouter
digest-move-up = Monter
digest-move-down = Descendre
digest-remove = Retirer
digest-empty = Ajoutez des billets au récapitulatif pour le voir.
digest-subject-line = Objet : { $subject }
digest-failed = Le récapitulatif n’a pas pu être construit.
digest-copied = Copié : collez-le dans votre service d’envoi.
export-choose-first = Choisissez d’abord un dossier où exporter.
export-failed = L’exportation a échoué.
export-summary = { $posts ->
    [one] { $posts } billet exporté
   *[other] { $posts } billets exportés
} : { $written ->
    [one] { $written } écrit
   *[other] { $written } écrits
}, { $unchanged ->
    [one] { $unchanged } inchangé
   *[other] { $unchanged } inchangés
}, { $images ->
    [one] { $images } image
   *[other] { $images } images
}{ $removed ->
    [0] {""}
    [one] , { $removed } ancien fichier supprimé
   *[other] , { $removed } anciens fichiers supprimés
} → { $dir }
export-step-preparing = Préparation de « { $subject } »
export-step-prepared = Billets préparés
export-step-checking = Vérification de { $subject }
export-step-writing = Écriture de { $subject }
export-step-removing = Suppression de { $subject }
export-step-done = Terminé
export-warning-scheduled-as-draft = « { $title } » est programmé mais n’a pas de date de publication, alors il a été exporté comme brouillon; donnez-lui une date.
export-warning-scheduled-left-out = « { $title } » est programmé mais n’a pas de date de publication, alors il a été laissé de côté; donnez-lui une date.
export-warning-unsafe-slug = « { $title } » : l’identifiant d’URL « { $slug } » ne peut pas servir de nom de fichier; exporté sous « { $exported } ».
export-warning-image-not-in-library = « { $title } » : l’image { $reference } n’est pas dans la bibliothèque; elle a été laissée de côté.
export-warning-content-removed = « { $title } » : retiré de la page exportée, ce que l’aperçu n’affichait pas non plus : { $removed }.
export-warning-broken-link = « { $title } » renvoie à { $link }, qui n’est pas un billet publié de cette exportation.
export-warning-foreign-manifest = { $manifest } dans ce dossier n’a pas été écrit par cette bibliothèque (il vient d’une copie du site, d’une autre bibliothèque ou d’une version antérieure de Postdesk) : les fichiers déjà présents ne sont remplacés que si l’exportation est forcée, aucun n’est supprimé, et il est remplacé par le registre de cette bibliothèque.
export-warning-stale-file-changed = { $path } ne fait plus partie du site mais a été modifié depuis son exportation; il a été laissé en place.
export-warning-stale-file-unreadable = Un fichier d’une exportation précédente, qui ne fait plus partie du site, n’a pas pu être vérifié; il a été laissé en place. (Détail : { $detail })
export-removed-html = du HTML que l’aperçu n’affiche pas (scripts, gestionnaires d’événements, formulaires, commentaires…)
export-removed-link-address = une adresse de lien que l’aperçu n’autorise pas
export-removed-image-address = une adresse d’image que l’aperçu n’autorise pas
export-removed-mailto-fields = des champs de lien de courriel autres que l’objet, le corps et la copie (cc)
export-removed-heading-attributes = des attributs de titre autres qu’un identifiant
import-running = Importation…
import-failed = L’importation a échoué; rien n’a été importé.
import-summary = { $total ->
    [one] { $total } billet
   *[other] { $total } billets
} de WordPress : { $created } nouveaux, { $updated } mis à jour, { $unchanged } inchangés
import-images = { $count ->
    [one]; { $count } image enregistrée
   *[other]; { $count } images enregistrées
}
import-skipped =; ignorés : { $list }
import-skipped-page = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
import-skipped-attachment = { $count ->
    [one] { $count } fichier joint
   *[other] { $count } fichiers joints
}
import-skipped-nav-menu-item = { $count ->
    [one] { $count } élément de menu
   *[other] { $count } éléments de menu
}
import-new = Nouveau : { $title }
import-updated = Mis à jour depuis le site : { $title }
import-note-duplicate = { $guid } figure deux fois dans le fichier ; il a été importé une seule fois.
import-note-private-made-draft = « { $title } » était privé sur WordPress ; c’est un brouillon ici.
import-note-image-not-stored = L’image { $url } n’est pas dans le dossier des téléversements (ou n’est pas une image que Postdesk conserve) ; elle reste un lien vers l’ancien site.
recovery-restored-backup = La sauvegarde du { $when } a été restaurée. Postdesk l’ouvre maintenant.
recovery-restored-backup-kept-aside = La sauvegarde du { $when } a été restaurée. Le fichier endommagé est conservé à côté de la bibliothèque sous le nom « { $file } ». Postdesk l’ouvre maintenant.

## Publication
publish-no-post = Aucun billet n’est ouvert.
publish-remote-deleted = La copie sur le site y a été supprimée; publier la recrée.
publish-remote-changed = La copie sur le site y a été modifiée depuis votre dernière publication; publier montrera d’abord la différence.
publish-remote-again = Publier de nouveau met à jour la copie sur le site.
publish-sending-wp = Envoi au site WordPress…
publish-writing-repo = Écriture dans le dépôt du site…
publish-choose-where = Choisissez où publier.
publish-diff-intro = Différences (barré : sur le site; surligné : dans Postdesk) :
publish-failed = La publication a échoué; rien n’a été modifié.
wp-published = « { $title } » publié sur le site WordPress { $status }.
wp-updated = « { $title } » mis à jour sur le site WordPress { $status }.
wp-status-draft = en brouillon
wp-status-publish = en ligne
wp-status-future = en programmation
wp-status-pending = en attente de relecture
wp-status-private = en privé
wp-images = { $uploaded } image(s) téléversée(s), { $reused } déjà présente(s).
wp-note-deleted-on-site = L’article a été supprimé du site depuis sa dernière publication ({ $link }) ; il a été publié de nouveau comme nouvel article.
wp-note-site-changes-overwritten = Les modifications faites sur le site ont été remplacées.
wp-note-no-polylang = Le site n’utilise pas Polylang : cet article et sa traduction sont deux articles distincts, non liés comme traductions l’un de l’autre.
wp-note-twin-not-published = La version { $lang ->
    [fr] française
   *[en] anglaise
  } n’est pas encore sur le site ; publiez-la et les deux seront liées.
wp-note-linked-with-translation = Lié à sa traduction par Polylang.
site-nothing-changed = Rien n’a changé dans le dépôt du site, donc rien n’a été poussé.
site-pushed = { $commit } poussé vers { $target } : { $files } fichier(s).

## Paramètres
setting-refused = Cette valeur n’a pas pu être enregistrée.
settings-group-site = Site
settings-group-newsletter = Infolettre
settings-group-organisation = Organisme
settings-group-you = Vous
settings-group-interface = Interface
settings-group-team = Équipe
settings-group-publishing = Publication
setting-site-name = Nom du site
setting-site-name-description = le nom du site Web
setting-site-base-url = Adresse du site
setting-site-base-url-description = l’adresse du site Web, p. ex. https://example.org
setting-newsletter-name = Nom de l’infolettre
setting-newsletter-name-description = le nom de l’infolettre
setting-sender-name = Nom de l’expéditeur
setting-sender-name-description = le nom sous lequel les infolettres sont envoyées
setting-sender-email = Adresse d’expédition
setting-sender-email-description = l’adresse de courriel d’où partent les infolettres
setting-newsletter-esp = Service d’envoi
setting-newsletter-esp-description = le service d’envoi de courriels : Mailchimp, Buttondown ou liens simples
setting-newsletter-unsubscribe-url = Page de désabonnement
setting-newsletter-unsubscribe-url-description = la page de désabonnement, en https (pour les liens simples et le désabonnement en un clic List-Unsubscribe)
setting-org-address = Adresse postale
setting-org-address-description = l’adresse postale de l’organisme, affichée au bas des courriels
setting-author-name = Votre nom
setting-author-name-description = votre nom, affiché comme auteur ou autrice des billets que vous créez et de vos modifications partagées (par défaut : user.name de git)
setting-author-email = Votre courriel
setting-author-email-description = votre adresse de courriel, enregistrée avec vos modifications partagées (par défaut : user.email de git)
setting-ui-language = Langue de l’interface
setting-ui-language-description = la langue des menus et des messages de Postdesk; « Suivre le système » prend la langue de votre ordinateur
setting-publish-repo = Dépôt du site
setting-publish-repo-description = votre copie (clone git) du dépôt du site, en chemin complet, pour postdesk publish site
setting-publish-format = Format du site
setting-publish-format-description = le générateur du dépôt du site : Hugo ou Jekyll
setting-publish-branch = Branche où pousser
setting-publish-branch-description = la branche où la publication pousse (vide : la branche de la copie), p. ex. postdesk/appel-printemps pour une demande de fusion
setting-wordpress-url = Adresse du site WordPress
setting-wordpress-url-description = le site WordPress où les billets sont publiés, p. ex. https://example.org
setting-wordpress-user = Nom d’utilisateur WordPress
setting-wordpress-user-description = le nom d’utilisateur WordPress sous lequel Postdesk publie
setting-wordpress-category = Catégorie WordPress
setting-wordpress-category-description = la catégorie WordPress des billets qui n’en nomment aucune (vide : celle du site par défaut)
wp-password-stored-yes = Un mot de passe est enregistré : oui.
wp-password-stored-no = Un mot de passe est enregistré : non.
wp-password-label = Mot de passe d’application
wp-password-placeholder = Collez un nouveau mot de passe d’application
wp-password-hint = Créez-en un dans WordPress sous Comptes → Profil → Mots de passe d’application. Il est gardé dans le trousseau de votre système, jamais dans la bibliothèque.
wp-password-failed = Le mot de passe n’a pas pu être enregistré.
repo-placeholder = Choisissez votre copie du dépôt du site…
repo-failed = Ce dossier ne peut pas être utilisé.

## Équipe
team-unshared = { $count ->
    [one] 1 modification non partagée
   *[other] { $count } modifications non partagées
}
team-all-shared = Tout est partagé
team-synced-at = synchronisé à { $when }
team-never-synced = jamais synchronisé
team-received = { $count ->
    [one] 1 billet mis à jour par l’équipe
   *[other] { $count } billets mis à jour par l’équipe
}
team-pushed = { $count ->
    [one] 1 modification partagée
   *[other] { $count } modifications partagées
}
team-conflicts = { $count ->
    [one] 1 billet attend votre choix
   *[other] { $count } billets attendent votre choix
}
team-problems = { $count ->
    [one] 1 fichier partagé illisible
   *[other] { $count } fichiers partagés illisibles
}
field-body = Texte
field-translation = Lien de traduction
field-extra = Autres détails
field-passage = { $name }, passage { $block }
team-keep-mine = Garder la mienne
team-take-theirs = Prendre la sienne
team-keep-both = Garder les deux
team-keep-all-mine = Tout garder de ma version
team-take-all-theirs = Tout prendre de sa version
team-syncing = Synchronisation…
team-offline = hors ligne, nouvel essai plus tard
team-not-synced = non synchronisé
team-updated-open-post = Mis à jour avec les modifications de l’équipe
team-shared-through = Partagé par { $remote } (dossier { $folder }, branche { $branch })
team-to-settle-count = { $count ->
    [one] 1 billet à régler
   *[other] { $count } billets à régler
}
team-to-settle = À régler
team-nothing-to-settle = Plus rien à régler : tous les billets sont partagés.
team-theirs-by = { " " }— version de { $name }, { $at }
team-mine = La mienne
team-theirs = La sienne
team-empty-part = (vide)
team-part-action = { $action } : { $part } de « { $title } »
team-settled = « { $title } » réglé; il sera partagé à la prochaine synchronisation
team-last-sync = Dernière synchronisation : { $when }.
team-not-synced-yet = Pas encore synchronisé.
team-library-shared = Cette bibliothèque est partagée par { $remote } (dossier { $folder }, branche { $branch }).
team-connect-hint = Partagez cette bibliothèque avec votre équipe par un dépôt git (GitHub, GitLab, Gitea ou un dossier sur un disque partagé). La première connexion partage vos billets ou fait venir ceux de l’équipe.
team-url-placeholder = https://github.com/notre-org/billets.git ou git@github.com:notre-org/billets.git
team-connect = Connecter
team-connect-folder = Choisir un dossier sur cet ordinateur…
team-connecting = Connexion…
team-connected = Connecté.
team-connect-failed = La bibliothèque n’a pas pu être connectée.
team-repo-address = Adresse du dépôt
team-folder-inside = Dossier dans le dépôt
team-changed-by = Dernière modification partagée par { $name }, { $at }

## Erreurs du cœur, par code
error-unexpected = Un problème est survenu; rien de ce qui était enregistré n’est perdu.
error-post-not-found = Ce billet n’existe plus; il a peut-être été supprimé définitivement.
error-revision-not-found = Cette version n’existe plus.
error-asset-not-found = Cette image n’est pas dans la bibliothèque.
error-slug-taken = Un autre billet dans cette langue utilise déjà cet identifiant d’URL; choisissez-en un autre.
error-export-conflict = Des fichiers de ce dossier n’ont pas été écrits par Postdesk; ne les remplacez que si vous en êtes sûr. (Détail : { $detail })
error-invalid = Cette valeur est refusée. Détail : { $detail }
error-library-too-new = Cette bibliothèque a été créée par une version plus récente de Postdesk; installez cette version pour l’ouvrir.
error-not-a-library = Ce fichier n’est pas une bibliothèque Postdesk.
error-library-open-failed = La bibliothèque n’a pas pu être ouverte; vérifiez que le fichier existe et que vous pouvez écrire dans son dossier.
error-busy = La bibliothèque est occupée; réessayez dans un instant.
error-database = La bibliothèque n’a pas pu être lue ou écrite; rien de ce qui était enregistré n’est perdu. Redémarrez Postdesk.
error-read-failed = Un fichier n’a pas pu être lu; vérifiez qu’il existe et que vous pouvez le lire.
error-write-failed = Un fichier n’a pas pu être écrit; vérifiez que le dossier existe et que vous pouvez y écrire.
error-import-failed = L’importation a échoué; rien n’a été importé. (Détail : { $detail })
error-io = Une opération sur un fichier a échoué; réessayez.
error-internal = Un problème est survenu dans Postdesk; rien de ce qui était enregistré n’est perdu. Redémarrez-le.
error-library-damaged = Le fichier de la bibliothèque est endommagé. Restaurez la plus récente sauvegarde intacte ci-dessous; le fichier endommagé est mis de côté.
error-disk-full = Le disque est plein; libérez de l’espace. Ce que vous avez tapé est conservé et sera enregistré de nouveau.
error-read-only = La bibliothèque est sur un disque ou un dossier en lecture seule; ce que vous avez tapé est conservé, mais ne peut pas y être enregistré.
error-git-auth = Le dépôt de l’équipe a refusé vos identifiants; vérifiez votre accès auprès de la personne qui le gère.
error-git-offline = Le dépôt de l’équipe est injoignable; Postdesk réessaiera quand vous serez en ligne.
error-git-failed = La synchronisation avec l’équipe a échoué. (Détail : { $detail })
error-site-repo = Le dépôt du site ne peut pas être utilisé tel quel. (Détail : { $detail })
error-publish-rejected = Le site a refusé la publication. (Détail : { $detail })
error-publish-not-configured = La publication n’est pas encore configurée; ouvrez Paramètres → Publication.
error-publish-auth-failed = Le site WordPress a refusé le nom d’utilisateur ou le mot de passe d’application; saisissez-les de nouveau dans Paramètres → Publication.
error-publish-blocked = Ce billet ne peut pas être publié tel quel. (Détail : { $detail })
error-network = Le site est injoignable; vérifiez votre connexion et réessayez.
error-remote-changed = Le billet a été modifié sur le site depuis votre dernière publication; regardez la différence, puis remplacez-le ou reprenez d’abord ces changements.
error-publish-failed = La publication a échoué; rien n’a été modifié. (Détail : { $detail })

## Panneau de recherche de CodeMirror (EditorState.phrases)
cm-find = Chercher
cm-replace = Remplacer
cm-next = suivant
cm-previous = précédent
cm-all = tous
cm-match-case = respecter la casse
cm-by-word = mot entier
cm-regexp = expression régulière
cm-replace-one = remplacer
cm-replace-all = tout remplacer
cm-close = fermer
cm-current-match = occurrence actuelle
cm-on-line = à la ligne
cm-go-to-line = Aller à la ligne
cm-go = aller
cm-replaced-matches = $ occurrences remplacées
cm-replaced-on-line = occurrence remplacée à la ligne $
cm-folded-code = code replié
cm-unfold = déplier
cm-control-character = Caractère de contrôle

## Added at merge: featured image picker, history diff, digest, translation link, menus
ui-choose-featured-image = Choisir l’image à la une…
ui-revisions = Versions
ui-zoom-in-out-actual = Zoom avant / zoom arrière / taille réelle
ui-this-list = Cette liste
ui-digest-lang-from-posts = Selon les billets
featured-title = Image à la une
featured-images-in-post = Images de ce billet
featured-choose-file = Choisir un fichier…
featured-none-button = Aucune image à la une
featured-no-images-yet = Ce billet n’a pas encore d’image : choisissez un fichier.
featured-summary-none = Aucune image à la une.
featured-summary-url = L’image à l’adresse { $url }.
featured-summary-file = Actuellement : { $file }.
featured-summary-gone = Actuellement : une image qui n’est plus dans la bibliothèque.
diff-no-teaser = (aucune : le premier paragraphe est utilisé)
diff-body = Texte
diff-unchanged = (inchangé)
diff-notice-too-large = Ces versions sont trop longues pour être comparées ligne par ligne : environ { $total } lignes ont changé ({ $removed } dans cette version, { $added } dans le texte actuel).
diff-notice-simplified = Cette comparaison prenait trop de temps et a été simplifiée : des lignes inchangées peuvent apparaître comme supprimées puis ajoutées.
digest-not-kept = Le récapitulatif n’a pas pu être conservé.
translation-open = Ouvrir la version { $lang ->
    [fr] française
   *[en] anglaise
  }
translation-open-titled = Ouvrir la version { $lang ->
    [fr] française
   *[en] anglaise
  } : « { $title } »
translation-open-titled-trash = Ouvrir la version { $lang ->
    [fr] française
   *[en] anglaise
  } : « { $title } » (dans la corbeille)
email-warning-in-settings = dans les Paramètres
email-warning-set-button = Régler « { $name } »…
email-notice-post-not-published = « { $title } » n’est pas encore publié (statut : { $status }) : son lien vers le site ne fonctionnera pas avant qu’il le soit.
email-notice-image-without-alt = L’image { $src } n’a pas de texte de remplacement; les lecteurs qui ne peuvent pas la voir, ou dont le logiciel de courriel bloque les images, n’en reçoivent rien. Écrivez ![ce qu’elle montre]({ $src }).
email-notice-remote-image = Une image est chargée depuis { $host }, un serveur autre que celui du site : il peut savoir qui a ouvert le courriel et quand (un pixel espion). Ajoutez plutôt l’image à la bibliothèque, ou retirez-la.
email-notice-footer-without-address = Le bas du courriel n’a pas d’adresse postale : réglez « { $setting } » dans les Paramètres (les lois antipourriel comme CAN-SPAM et la LCAP en exigent une).
email-notice-footer-without-unsubscribe = Le bas du courriel n’a pas de lien de désabonnement : réglez « { $setting } » dans les Paramètres, ou choisissez le service Mailchimp ou Buttondown.
email-notice-unsubscribe-not-https = Le lien de désabonnement { $url } n’est pas en https : les fournisseurs de messagerie veulent un désabonnement en un clic (RFC 8058), qui exige https, alors le fichier .eml n’a pas d’en-tête List-Unsubscribe-Post. Réglez « { $setting } » dans les Paramètres avec une adresse https://.
setting-ui-editor-font = Police de l’éditeur
setting-ui-editor-font-description = La police de l’éditeur : proportionnelle (IBM Plex Sans, pour écrire de la prose) ou à chasse fixe.
setting-editor-font-proportional = Proportionnelle (IBM Plex Sans)
setting-editor-font-monospace = Chasse fixe
error-post-changed = Une synchronisation d’équipe a modifié ce billet pendant que vous l’écriviez; il affiche maintenant la version de l’équipe et vos mots sont conservés dans son Historique.

## The menu bar (menu.ts)
menu-app = Postdesk
menu-file = Fichier
menu-new-post = Nouveau billet
menu-import = Importer…
menu-export = Exporter…
menu-publish = Publier…
menu-digest = Infolettre récapitulative…
menu-settings = Paramètres…
menu-quit = Quitter
menu-edit = Édition
menu-undo = Annuler
menu-redo = Rétablir
menu-cut = Couper
menu-copy = Copier
menu-paste = Coller
menu-select-all = Tout sélectionner
menu-find-in-post = Rechercher et remplacer dans le billet
menu-find-in-library = Rechercher dans la bibliothèque
menu-view = Affichage
menu-zoom-in = Zoom avant
menu-zoom-out = Zoom arrière
menu-zoom-reset = Taille réelle
menu-tab-page = Aperçu de la page
menu-tab-listing = Liste
menu-tab-email = Courriel
menu-layout-split = Éditeur et aperçu
menu-layout-editor = Éditeur seul
menu-layout-preview = Aperçu seul
menu-details = Afficher ou masquer les détails
menu-history = Historique
menu-trash-list = Afficher ou masquer la corbeille
menu-post = Billet
menu-save = Enregistrer une version maintenant
menu-duplicate = Dupliquer
menu-translate = Traduire…
menu-trash = Mettre à la corbeille
menu-status-draft = Marquer comme brouillon
menu-status-review = Demander une relecture
menu-status-ready = Marquer comme prêt
menu-status-scheduled = Marquer comme programmé
menu-status-published = Marquer comme publié
menu-status-archived = Archiver
menu-help = Aide
menu-shortcuts = Raccourcis clavier
menu-about = À propos de Postdesk
menu-about-comments = Écrire des billets, des exports de site et des infolettres, hors ligne.
