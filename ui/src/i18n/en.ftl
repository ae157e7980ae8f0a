# Postdesk's interface in English (Canada). One message per key; fr.ftl has
# the same keys with the same { $placeholders } (i18n.test.ts checks it).
# Keys starting with ui- are the words of index.html (data-i18n attributes).

app-name = Postdesk

## index.html
ui-library = Library
ui-search-posts-ctrl-shift-f = Search posts (Ctrl+Shift+F)
ui-search-posts = Search posts
key-shift = Shift
ui-status = Status
ui-all-statuses = All statuses
ui-draft = Draft
ui-review = Review
ui-ready = Ready
ui-scheduled = Scheduled
ui-published = Published
ui-archived = Archived
ui-waiting-for-my-review = Waiting for my review
ui-language = Language
ui-all-languages = All languages
ui-english = English
ui-francais = Français
ui-tag = Tag
ui-sort = Sort
ui-last-updated = Last updated
ui-created = Created
ui-title = Title
ui-template = Template
ui-blank-post = Blank post
ui-new-post-ctrl-n = New post (Ctrl+N)
ui-new = New
ui-trash = Trash
ui-empty-trash = Empty trash…
ui-import-a-wordpress-export-file = Import a WordPress export file
ui-import = Import…
ui-posts = Posts
ui-layout = Layout
ui-split = Split
ui-editor = Editor
ui-preview = Preview
ui-page = Page
ui-listing = Listing
ui-email = Email
ui-details = Details
ui-duplicate = Duplicate
ui-translate = Translate
ui-move-to-trash = Move to trash
ui-restore = Restore
ui-history = History
ui-export = Export…
ui-publish = Publish…
ui-digest = Digest…
ui-shortcuts = Shortcuts
ui-settings = Settings…
ui-slug = Slug
ui-teaser = Teaser
ui-email-preview-text = Email preview text
ui-tags = Tags
ui-comma-separated = comma, separated
ui-author = Author
ui-reviewer = Reviewer
ui-name-or-email = name or email
ui-publish-date = Publish date
ui-canonical-url = Canonical URL
ui-featured-image = Featured image
ui-asset-or-url = asset:… or URL
ui-on-the-wordpress-site = On the WordPress site
ui-open-on-site = Open on site
ui-width = Width
ui-part = Part
ui-text = Text
ui-rich-html-and-plain-text = Rich HTML and plain text, for an ESP editor or Gmail
ui-copy-for-email = Copy for email
ui-save-eml = Save .eml…
ui-email-preview = Email preview
ui-sync-now = Sync now
ui-revision-history = Revision history
ui-close = Close
ui-restore-this-version = Restore this version
ui-no-post-selected-press = No post selected. Press
ui-to-start-one = to start one.
ui-describe-this-image-for-people = Describe this image for people who cannot see it
ui-cancel = Cancel
ui-insert = Insert
ui-export-for-the-site = Export for the site
ui-format = Format
ui-hugo-content-posts = Hugo (content/posts/…)
ui-jekyll-posts = Jekyll (_posts/…)
ui-standalone-html-with-listing-pages = Standalone HTML with listing pages
ui-published-posts = Published posts
ui-all-posts-drafts-included = All posts, drafts included
ui-this-post-only = This post only
ui-folder-for-hugo-and-jekyll = Folder (for Hugo and Jekyll, the site's root)
ui-choose-a-folder = Choose a folder…
ui-choose = Choose…
ui-show-in-folder = Show in folder
ui-overwrite-them = Overwrite them
ui-export-2 = Export
ui-newsletter-digest = Newsletter digest
ui-posts-to-pick-from = Posts to pick from
ui-in-the-digest-in-order = In the digest, in order
ui-introduction-markdown = Introduction (Markdown)
ui-subject = Subject
ui-newsletter-name-date = Newsletter name — date
ui-email-service = Email service
ui-as-in-settings = As in settings
ui-plain-links = Plain links
ui-digest-preview = Digest preview
ui-delete-for-good = Delete for good
ui-keyboard-shortcuts = Keyboard shortcuts
ui-bold = Bold
ui-italic = Italic
ui-link = Link
ui-heading-1-3 = Heading 1–3
ui-save-a-revision-now = Save a revision now
ui-new-post = New post
ui-find-and-replace-in-the = Find and replace in the post
ui-search-the-library = Search the library
ui-quit-everything-typed-is-saved = Quit (everything typed is saved first)
ui-undo-redo = Undo / redo
ui-settings-2 = Settings
ui-each-setting-is-saved-as = Each setting is saved as soon as you leave its field.
ui-changes-that-clash = Changes that clash
ui-you-and-a-teammate-changed = You and a teammate changed the same part of these posts. Nothing is lost: choose, part by part, which version to keep. The shared version stays as it is until you choose.
ui-welcome-to-postdesk = Welcome to Postdesk
ui-exports-and-emails-use-these = Exports and emails use these. You can change them any time in Settings.
ui-skip-for-now = Skip for now
ui-start-writing = Start writing
ui-publish-2 = Publish
ui-wordpress = WordPress
ui-to-the-wordpress-site = To the WordPress site
ui-status-on-the-site = Status on the site
ui-as-in-postdesk = As in Postdesk
ui-scheduled-at-the-post-s = Scheduled (at the post's publish date)
ui-site-repository = Site repository
ui-commit-this-post-to-the = Commit this post to the site's repository and push it
ui-nothing-is-set-up-to = Nothing is set up to publish to yet: enter your WordPress site or choose your site's repository in Settings → Publishing.
ui-overwrite = Overwrite
ui-open-settings = Open Settings
ui-import-from-wordpress = Import from WordPress
ui-choose-a-wordpress-export-file = Choose a WordPress export file (in WordPress: Tools → Export → All content). Importing the same file again does not duplicate posts.
ui-images-optional-your-copy-of = Images (optional): your copy of the site's wp-content/uploads folder
ui-keep-images-as-links = Keep images as links
ui-choose-the-file-and-import = Choose the file and import…
ui-restore-the-newest-good-backup = Restore the newest good backup
language-auto = Follow the system

## Status bar, saving
save-editing = Editing…
save-saving = Saving…
save-saved = Saved { $time }
save-revision-saved = Revision saved { $time }
save-restored = Restored { $time }
save-not-saved = Not saved
save-retrying = Not saved; retrying…
save-retrying-disk = Not saved — the disk is full or read-only; retrying…
saved-path = Saved { $path }
not-saved = Not saved.
not-copied = Not copied.
count-words = { $count ->
    [one] { $count } word
   *[other] { $count } words
}
count-characters = { $count ->
    [one] { $count } character
   *[other] { $count } characters
}
count-reading = { $minutes } min read

## Shared words
dismiss = Dismiss
quoted = “{ $text }”
action-on = { $action }: { $title }

## Library
library-no-match = No post matches.
library-trash-empty = The trash is empty.
library-no-posts = No posts.
confirm-empty-trash = Delete every post in the trash for good? This cannot be undone.
trash-emptied = Deleted { $count } post(s) for good

## Details and editor
details-has-translation = Has a translation.
details-create-french = Create French version
details-create-english = Create English version
editor-body = Post body
editor-link-text = link text
image-unreadable = The image could not be read.

## History
reason-save = Saved
reason-status = Status changed
reason-auto = Autosaved
reason-restore = Before restore
reason-sync = Before a team sync
history-shared = Shared by the team
history-theirs = { $name }'s version (− theirs, + yours now)

## Email tab, digest, export, import, recovery
email-copied = Copied for email
digest-add = Add
digest-move-up = Move up
digest-move-down = Move down
digest-remove = Remove
digest-empty = Add posts to the digest to see it.
digest-subject-line = Subject: { $subject }
digest-failed = The digest could not be built.
digest-copied = Copied: paste it into your email service.
export-choose-first = Choose a folder to export to first.
export-failed = The export failed.
export-summary = Exported { $posts ->
    [one] { $posts } post
   *[other] { $posts } posts
}: { $written } written, { $unchanged } unchanged, { $images ->
    [one] { $images } image
   *[other] { $images } images
}{ $removed ->
    [0] {""}
    [one] , { $removed } old file removed
   *[other] , { $removed } old files removed
} → { $dir }
export-step-preparing = Preparing “{ $subject }”
export-step-prepared = Prepared
export-step-checking = Checking { $subject }
export-step-writing = Writing { $subject }
export-step-removing = Removing { $subject }
export-step-done = Done
export-warning-scheduled-as-draft = “{ $title }” is scheduled but has no publish date, so it was exported as a draft; set its date.
export-warning-scheduled-left-out = “{ $title }” is scheduled but has no publish date, so it was left out; set its date.
export-warning-unsafe-slug = “{ $title }”: the slug "{ $slug }" is not safe as a file name; exported as "{ $exported }".
export-warning-image-not-in-library = “{ $title }”: the image { $reference } is not in the library; it was left out.
export-warning-content-removed = “{ $title }”: removed { $removed } from the exported page; the preview did not show it either.
export-warning-broken-link = “{ $title }” links to { $link }, which is not a published post of this export.
export-warning-foreign-manifest = { $manifest } in this folder was not written by this library (it came with a copy of the site, from another library or from an older Postdesk): files already there are overwritten only when forced, none are removed, and it is replaced by this library's record.
export-warning-stale-file-changed = { $path } is no longer part of the site but was changed since it was exported; it was left in place.
export-warning-stale-file-unreadable = { $detail }
export-removed-html = HTML the preview does not show (scripts, event handlers, forms, comments…)
export-removed-link-address = a link address the preview does not allow
export-removed-image-address = an image address the preview does not allow
export-removed-mailto-fields = mail link fields other than subject, body and cc
export-removed-heading-attributes = heading attributes other than an id
import-running = Importing…
import-failed = The import failed; nothing was imported.
import-summary = { $total } post(s) from WordPress: { $created } new, { $updated } updated, { $unchanged } unchanged
import-images = ; { $count } image(s) stored
import-skipped = ; skipped { $list }
import-skipped-page = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
import-skipped-attachment = { $count ->
    [one] { $count } attachment
   *[other] { $count } attachments
}
import-skipped-nav-menu-item = { $count ->
    [one] { $count } menu item
   *[other] { $count } menu items
}
import-new = New: { $title }
import-updated = Updated from the site: { $title }
import-note-duplicate = { $guid } appears twice in the file; it was imported once.
import-note-private-made-draft = “{ $title }” was private on WordPress; it is a draft here.
import-note-image-not-stored = The image { $url } is not in the uploads folder (or is not an image Postdesk stores); it stays a link to the old site.
recovery-restored-backup = Restored the backup of { $when }. Postdesk opens it now.
recovery-restored-backup-kept-aside = Restored the backup of { $when }. The damaged file is kept beside the library as “{ $file }”. Postdesk opens it now.

## Publish
publish-no-post = No post is open.
publish-remote-deleted = The copy on the site was deleted there; publishing creates it again.
publish-remote-changed = The copy on the site was changed there since your last publish; publishing will show the difference first.
publish-remote-again = Publishing again updates the copy on the site.
publish-sending-wp = Sending to the WordPress site…
publish-writing-repo = Writing into the site repository…
publish-choose-where = Choose where to publish.
publish-diff-intro = What differs (struck through: on the site; highlighted: in Postdesk):
publish-failed = Publishing failed; nothing was changed.
wp-published = Published “{ $title }” on the WordPress site { $status }.
wp-updated = Updated “{ $title }” on the WordPress site { $status }.
wp-status-draft = as a draft
wp-status-publish = live
wp-status-future = scheduled
wp-status-pending = pending review
wp-status-private = as private
wp-images = { $uploaded } image(s) uploaded, { $reused } already there.
wp-note-deleted-on-site = The post was deleted on the site since it was last published ({ $link }); it was published again as a new post.
wp-note-site-changes-overwritten = Changes made on the site were overwritten.
wp-note-no-polylang = The site does not run Polylang, so this post and its translation are separate posts, not linked as translations of each other.
wp-note-twin-not-published = The { $lang ->
    [fr] French
   *[en] English
  } version is not on the site yet; publish it and the two will be linked.
wp-note-linked-with-translation = Linked with its translation through Polylang.
site-nothing-changed = Nothing changed in the site repository, so nothing was pushed.
site-pushed = Pushed { $commit } to { $target }: { $files } file(s).

## Settings
setting-refused = This value could not be saved.
settings-group-site = Site
settings-group-newsletter = Newsletter
settings-group-organisation = Organisation
settings-group-you = You
settings-group-interface = Interface
settings-group-team = Team
settings-group-publishing = Publishing
setting-site-name = Site name
setting-site-name-description = the website's name
setting-site-base-url = Site address
setting-site-base-url-description = the website's address, e.g. https://example.org
setting-newsletter-name = Newsletter name
setting-newsletter-name-description = the newsletter's name
setting-sender-name = Sender name
setting-sender-name-description = the name newsletters come from
setting-sender-email = Sender address
setting-sender-email-description = the address newsletters come from
setting-newsletter-esp = Email service
setting-newsletter-esp-description = the email service: mailchimp, buttondown or plain
setting-newsletter-unsubscribe-url = Unsubscribe page
setting-newsletter-unsubscribe-url-description = the unsubscribe page, https (for the plain preset and one-click List-Unsubscribe)
setting-org-address = Postal address
setting-org-address-description = the organisation's postal address, shown in email footers
setting-author-name = Your name
setting-author-name-description = your name, shown as the author of posts you create and of your shared changes (default: git's user.name)
setting-author-email = Your email
setting-author-email-description = your email address, recorded with your shared changes (default: git's user.email)
setting-ui-language = Interface language
setting-ui-language-description = the language of Postdesk's menus and messages; “Follow the system” uses your computer's language
setting-publish-repo = Site repository
setting-publish-repo-description = your copy (git clone) of the site's repository, as a full path, for postdesk publish site
setting-publish-format = Site format
setting-publish-format-description = the site repository's generator: hugo or jekyll
setting-publish-branch = Branch to push to
setting-publish-branch-description = the branch publish site pushes to (empty: the branch the copy is on), e.g. postdesk/spring-appeal for a pull request
setting-wordpress-url = WordPress site address
setting-wordpress-url-description = the WordPress site posts are published to, e.g. https://example.org
setting-wordpress-user = WordPress user name
setting-wordpress-user-description = the WordPress user name Postdesk publishes as
setting-wordpress-category = WordPress category
setting-wordpress-category-description = the WordPress category for posts that name none (empty: the site's default)
wp-password-stored-yes = A password is stored: yes.
wp-password-stored-no = A password is stored: no.
wp-password-label = Application password
wp-password-placeholder = Paste a new application password
wp-password-hint = Make one in WordPress under Users → Profile → Application Passwords. It is kept in your system's keychain, never in the library.
wp-password-failed = The password could not be stored.
repo-placeholder = Choose your copy of the site's repository…
repo-failed = This folder could not be used.

## Team
team-unshared = { $count ->
    [one] 1 change not shared
   *[other] { $count } changes not shared
}
team-all-shared = All shared
team-synced-at = synced { $when }
team-never-synced = never synced
team-received = { $count ->
    [one] 1 post updated from the team
   *[other] { $count } posts updated from the team
}
team-pushed = { $count ->
    [one] 1 change shared
   *[other] { $count } changes shared
}
team-conflicts = { $count ->
    [one] 1 post needs your choice
   *[other] { $count } posts need your choice
}
team-problems = { $count ->
    [one] 1 shared file could not be read
   *[other] { $count } shared files could not be read
}
field-body = Body
field-translation = Translation link
field-extra = Other details
field-passage = { $name }, passage { $block }
team-keep-mine = Keep mine
team-take-theirs = Take theirs
team-keep-both = Keep both
team-keep-all-mine = Keep all mine
team-take-all-theirs = Take all theirs
team-syncing = Syncing…
team-offline = offline, will retry
team-not-synced = not synced
team-updated-open-post = Updated with your team's changes
team-shared-through = Shared through { $remote } (folder { $folder }, branch { $branch })
team-to-settle-count = { $count ->
    [one] 1 post to settle
   *[other] { $count } posts to settle
}
team-to-settle = To settle
team-nothing-to-settle = Nothing left to settle: every post is shared.
team-theirs-by = { " " }— theirs by { $name }, { $at }
team-mine = Mine
team-theirs = Theirs
team-empty-part = (empty)
team-part-action = { $action }: { $part } of “{ $title }”
team-settled = “{ $title }” settled; it will be shared at the next sync
team-last-sync = Last sync { $when }.
team-not-synced-yet = Not synced yet.
team-library-shared = This library is shared through { $remote } (folder { $folder }, branch { $branch }).
team-connect-hint = Share this library with your team through a git repository (GitHub, GitLab, Gitea, or a folder on a shared drive). The first connection shares your posts, or brings in the team's.
team-url-placeholder = https://github.com/our-org/posts.git or git@github.com:our-org/posts.git
team-connect = Connect
team-connect-folder = Choose a folder on this computer…
team-connecting = Connecting…
team-connected = Connected.
team-connect-failed = The library could not be connected.
team-repo-address = Repository address
team-folder-inside = Folder inside it
team-changed-by = Last shared change by { $name }, { $at }

## Errors from the core, by code. In English the core's own sentence is
## shown; these are here so both catalogues have the same keys.
error-unexpected = Something went wrong; nothing saved was lost.
error-post-not-found = This post no longer exists; it may have been deleted for good.
error-revision-not-found = This version no longer exists.
error-asset-not-found = This image is not in the library.
error-slug-taken = Another post in this language already uses this slug; choose another one.
error-export-conflict = Some files in that folder were not written by Postdesk; overwrite them only if you are sure. ({ $detail })
error-invalid = This value is not accepted: { $detail }
error-library-too-new = This library was made by a newer Postdesk; install the newer version to open it.
error-not-a-library = This file is not a Postdesk library.
error-library-open-failed = The library could not be opened; check that the file exists and that you may write to its folder.
error-busy = The library is busy; try again in a moment.
error-database = The library could not be read or written; nothing saved was lost. Restart Postdesk.
error-read-failed = A file could not be read; check that it exists and that you may read it.
error-write-failed = A file could not be written; check that the folder exists and that you may write to it.
error-import-failed = The import failed; nothing was imported. ({ $detail })
error-io = A file operation failed; try again.
error-internal = Something went wrong inside Postdesk; nothing saved was lost. Restart it.
error-library-damaged = The library file is damaged. Restore the newest good backup below; the damaged file is kept aside.
error-disk-full = The disk is full; free some space. What you typed is kept and saved again.
error-read-only = The library is on a read-only disk or folder; what you typed is kept, but cannot be saved there.
error-git-auth = The team repository refused your credentials; check your access with whoever manages it.
error-git-offline = The team repository cannot be reached; Postdesk will try again when you are online.
error-git-failed = Syncing with the team failed. ({ $detail })
error-site-repo = The site repository cannot be used as it is. ({ $detail })
error-publish-rejected = The site refused the publish. ({ $detail })
error-publish-not-configured = Publishing is not set up yet; open Settings → Publishing.
error-publish-auth-failed = The WordPress site refused the user name or application password; enter them again in Settings → Publishing.
error-publish-blocked = This post cannot be published as it is. ({ $detail })
error-network = The site cannot be reached; check your connection and try again.
error-remote-changed = The post was changed on the site since your last publish; look at the difference, then overwrite it or copy those changes first.
error-publish-failed = Publishing failed; nothing was changed. ({ $detail })

## CodeMirror's search panel (EditorState.phrases)
cm-find = Find
cm-replace = Replace
cm-next = next
cm-previous = previous
cm-all = all
cm-match-case = match case
cm-by-word = by word
cm-regexp = regexp
cm-replace-one = replace
cm-replace-all = replace all
cm-close = close
cm-current-match = current match
cm-on-line = on line
cm-go-to-line = Go to line
cm-go = go
cm-replaced-matches = replaced $ matches
cm-replaced-on-line = replaced match on line $
cm-folded-code = folded code
cm-unfold = unfold
cm-control-character = Control character

## Added at merge: featured image picker, history diff, digest, translation link, menus
ui-choose-featured-image = Choose featured image…
ui-revisions = Revisions
ui-zoom-in-out-actual = Zoom in / zoom out / actual size
ui-this-list = This list
ui-digest-lang-from-posts = From the posts
featured-title = Featured image
featured-images-in-post = Images in this post
featured-choose-file = Choose a file…
featured-none-button = No featured image
featured-no-images-yet = This post has no images yet: choose a file.
featured-summary-none = No featured image.
featured-summary-url = The image at { $url }.
featured-summary-file = Now: { $file }.
featured-summary-gone = Now: an image that is no longer in the library.
diff-no-teaser = (none: the first paragraph is used)
diff-body = Body
diff-unchanged = (unchanged)
diff-notice-too-large = These versions are too large to compare line by line: about { $total } lines changed ({ $removed } in this version, { $added } in the current text).
diff-notice-simplified = This comparison took too long and was simplified: some unchanged lines may show as removed and added again.
digest-not-kept = The digest could not be kept.
translation-open = Open the { $lang ->
    [fr] French
   *[en] English
  } version
translation-open-titled = Open the { $lang ->
    [fr] French
   *[en] English
  } version: “{ $title }”
translation-open-titled-trash = Open the { $lang ->
    [fr] French
   *[en] English
  } version: “{ $title }” (in the trash)
email-warning-in-settings = in Settings
email-warning-set-button = Set { $name }…
email-notice-post-not-published = "{ $title }" is not published yet (status: { $status }): its link to the site will not work until it is.
email-notice-image-without-alt = The image { $src } has no alt text; readers who cannot see it, or whose client blocks images, get nothing. Write ![what it shows]({ $src }).
email-notice-remote-image = An image is loaded from { $host }, a server other than the site's: it can tell who opened the email and when (a tracking pixel). Add the image to the library instead, or remove it.
email-notice-footer-without-address = The footer has no postal address: set “{ $setting }” in Settings (anti-spam laws such as CAN-SPAM and CASL require one).
email-notice-footer-without-unsubscribe = The footer has no unsubscribe link: set “{ $setting }” in Settings, or choose the mailchimp or buttondown preset.
email-notice-unsubscribe-not-https = The unsubscribe link { $url } is not https: mailbox providers want a one-click unsubscribe (RFC 8058), which needs https, so the .eml has no List-Unsubscribe-Post header. Set “{ $setting }” in Settings to an https:// address.
setting-ui-editor-font = Editor font
setting-ui-editor-font-description = The editor's font: proportional (IBM Plex Sans, for writing prose) or monospace.
setting-editor-font-proportional = Proportional (IBM Plex Sans)
setting-editor-font-monospace = Monospace
error-post-changed = A team sync changed this post while you were editing it; it now shows your team's version and your words are kept in its History.

## The menu bar (menu.ts)
menu-app = Postdesk
menu-file = File
menu-new-post = New post
menu-import = Import…
menu-export = Export…
menu-publish = Publish…
menu-digest = Newsletter digest…
menu-settings = Settings…
menu-quit = Quit
menu-edit = Edit
menu-undo = Undo
menu-redo = Redo
menu-cut = Cut
menu-copy = Copy
menu-paste = Paste
menu-select-all = Select all
menu-find-in-post = Find and replace in the post
menu-find-in-library = Find in library
menu-view = View
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-zoom-reset = Actual size
menu-tab-page = Page preview
menu-tab-listing = Listing
menu-tab-email = Email
menu-layout-split = Editor and preview
menu-layout-editor = Editor only
menu-layout-preview = Preview only
menu-details = Show or hide details
menu-history = History
menu-trash-list = Show or hide the trash
menu-post = Post
menu-save = Save a revision now
menu-duplicate = Duplicate
menu-translate = Translate…
menu-trash = Move to trash
menu-status-draft = Mark as draft
menu-status-review = Ask for review
menu-status-ready = Mark as ready
menu-status-scheduled = Mark as scheduled
menu-status-published = Mark as published
menu-status-archived = Archive
menu-help = Help
menu-shortcuts = Keyboard shortcuts
menu-about = About Postdesk
menu-about-comments = Write posts, site exports and newsletters, offline.
