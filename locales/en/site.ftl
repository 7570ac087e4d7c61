# Messages of site (see campaign.ftl for the conventions).
# Each id here must also be in locales/vi/site.ftl, with the same arguments.
# An id is also the stable machine code of a problem: do not rename one.

## The content folder and its files (src/content/discover.rs, read.rs, mod.rs)

content-not-a-folder = is not a folder
content-not-a-folder-help = name the content folder with --source (default: content)
no-site-yaml = there is no site.yaml in this folder
no-site-yaml-help = run the command in the folder that holds content/, or name the content folder with --source
cannot-read = cannot be read: { $reason }
link-outside-content = is a link to something outside the content folder; it is not published
link-outside-content-help = copy the file into the content folder instead of linking to it
special-file = is { $kind ->
        [fifo] a named pipe (FIFO)
        [socket] a socket
        [device] a device
       *[other] a special file
    }, not a regular file; it cannot be read or published
special-file-help = put a regular file here (copy the document itself), or delete it
same-name-once-nfc = has the same name as { $other } once its Vietnamese letters are normalised (NFC)
same-name-once-nfc-help = the two names differ only in how their accents are encoded: delete or rename one of the files
not-in-layout = this file is not part of the content layout, so it would not be published
not-in-layout-help = news posts go in <year>/news/, pages in pages/, each year's settings in <year>/edition.yaml (four-digit year folders)
too-many-posts = this folder holds { $count } posts; one edition may have at most { $max }, so none of them was read
too-many-posts-help = split the list: move the posts of other years to their own <year>/news/ folders and delete generated or duplicated files, until { $year }/news/ holds at most { $max } posts
asset-unreadable = cannot be read ({ $reason }), so it cannot be published
asset-unreadable-help = make the file readable by the user who builds the site (e.g. `chmod a+r`), or delete it
folder-name-not-utf8 = the name of this folder is not UTF-8 text (it holds the bytes { $bytes }, which are no letters), so nothing in it is read or published
folder-name-not-utf8-help = rename the folder with letters, digits and hyphens (e.g. tai-lieu) and update the links to it; such names come from archives made on other systems or with another encoding
file-name-not-utf8 = the name of this file is not UTF-8 text (it holds the bytes { $bytes }, which are no letters), so it cannot be published
file-name-not-utf8-help = rename the file with letters, digits and hyphens (e.g. anh-le-ky-niem.png) and update the links to it; such names come from archives made on other systems or with another encoding
name-too-long = the name `{ $name }` is { $bytes } bytes long; a file or folder published as it is may have at most { $max } bytes in its name
name-too-long-help = rename it with a shorter name (a Vietnamese letter with accents takes 2 or 3 bytes) and update the links to it
link-loop = is a link in a loop ({ $chain }): these links point at each other, so there is no file to publish
link-loop-help = replace one of the links with the file it should lead to, or delete the links
link-to-nothing = is a link to { $target }, which does not exist; it is not published
link-unfollowable = is a link that cannot be followed (too many links in a row, or a folder on the way that leads nowhere); it is not published
link-broken-help = put the file itself here instead of the link, or delete the link
post-wrong-name = `{ $file }` is not read: only files whose name ends in `.md` in { $folder } are, so it is not published
post-wrong-name-help = rename the file `{ $expected }` (the name must end in exactly `.md`, in small letters; Windows may hide the real ending: turn on "File name extensions" in File Explorer)
post-is-a-document = `{ $file }` is a word-processor document; { $folder } is read only for Markdown files (`.md`), so it is not published
post-is-a-document-help = copy the document's text into a Markdown file in { $folder } such as `{ $expected }` (`campaign new post "Tiêu đề"` creates one); to publish the document itself, put it in <year>/files/ and link to it
stray-file = `{ $file }` is not published: { $folder } is read only for Markdown files (`.md`)
stray-file-help = put images and attachments in the year's files/ folder and link to them (e.g. `![Lễ kỷ niệm](../files/anh.jpg)`), or delete this file
folder-near-miss = the folder `{ $folder }` is not part of the content layout, so nothing in it is published; did you mean `{ $expected }`?
folder-near-miss-help = rename the folder `{ $expected }` (exactly this name, in small letters), or move its files there
base-url-not-absolute = `{ $url }` is not an absolute web address (https://...)
current-without-edition = `current: { $year }` names a year with no edition folder
current-without-edition-help = create the folder { $year }/ with its edition.yaml, or remove `current:`

## Themes (src/templates.rs, src/build/pages.rs)

theme-missing = the theme `{ $name }` named in site.yaml does not exist
theme-missing-help = create the folder themes/{ $name }/templates/, or write `theme: default` in site.yaml
template-missing = the theme has no template `{ $template }`
template-not-utf8 = is not UTF-8 text
template-error = template error: { $detail }
template-error-help = fix the template; the content is fine
theme-render-failed = the theme failed to render this page: { $detail }
theme-render-failed-help = fix the template named above; the content is fine
changed-during-build = this file changed while the site was being built
changed-during-build-help = build again once the file is saved

## Markdown: posts, pages, introductions, texts of edition.yaml (src/markdown.rs)

image-without-alt = this image has no alternative text (alt), so screen readers cannot describe it
image-without-alt-help = describe the image between the brackets: ![Lễ mít tinh kỷ niệm ngày 25/3](../files/anh.jpg)
link-target-has-spaces = this link is shown as text, not as a link: its target `{ $target }` has spaces
link-target-has-spaces-help = put the target in angle brackets, [{ $text }](<{ $target }>), or rename the file without spaces (`{ $renamed }`) and link to that name
link-to-this-computer = the link `{ $target }` leads to this computer (a preview address of `campaign serve`), not to the public site: readers cannot open it
link-to-this-computer-help = link to the source file instead (e.g. [kế hoạch](../files/kh-45.pdf) or [tin](ten-bai.md)), or to the public address of the page
placeholder-left = the text `{ $marker }` is still the placeholder written by `campaign new`; it would be published as it is
placeholder-left-help = replace it with the real text (or delete it), then save the file

## Titles and tags (src/content/quotes.rs)

title-in-curly-quotes = the title { $title } is wrapped in curly quotes, which would be published as part of it
title-in-curly-quotes-help = write straight quotes around the value: title: "{ $inner }" (curly quotes inside the text are fine, e.g. title: "Phát huy truyền thống “Lá lành đùm lá rách”")
tag-in-curly-quotes = the tag { $tag } is wrapped in curly quotes: it would be shown with them on every page that lists the tag, all its posts included
tag-in-curly-quotes-help = write straight quotes: tags: ["{ $inner }"]

## campaign new (src/scaffold.rs)

new-cannot-read = cannot read { $path }: { $reason }
new-not-utf8 = { $path } is not UTF-8 text
new-no-site-yaml = there is no { $path }; run the command in the folder that holds content/, or name the content folder with --source
new-file-exists = { $path } already exists; campaign never overwrites a file (edit it, or move it away first)
new-cannot-create = cannot create { $path }: { $reason }
new-cannot-write = cannot write { $path }: { $reason }
new-before-first-edition = { $year } is before the first edition ({ $first } in site.yaml, lần thứ 1)
new-not-a-folder = { $path } exists and is not a folder
new-previous-edition-broken = cannot read { $path }; fix it first (campaign check shows where)
new-edition-invalid = the new edition.yaml would not be valid, nothing was written:
    { $detail }
new-edition-created = Created { $file } (lần thứ { $ordinal }, { $date }; purposes, requirements and units carried over from { $from }) and { $news }/.
    Next: write the year's theme in place of "{ $marker }: ...", rewrite every text marked { $marker } (they name dates or one locality of { $from }), fill in the year's period, activities, documents and report from this year's plan, then run `campaign check`.
new-edition-created-first = Created { $file } (lần thứ { $ordinal }, { $date }; no earlier edition to carry over) and { $news }/.
    Next: write the year's theme in place of "{ $marker }: ...", fill in the rest from this year's plan, then run `campaign check`.
new-post-no-letters = the title has no letters or digits, so the post would have no address; write a headline, e.g. campaign new post "Hải Phòng tổ chức lễ kỷ niệm"
new-post-no-edition = the site has no edition yet; create one first with `campaign new edition <year>`
new-post-edition-missing = there is no edition { $year } ({ $path } is missing); create it first with `campaign new edition { $year }`
new-post-exists = { $path } already exists; campaign never overwrites a file (choose another title, or edit that post)
new-post-created = Created { $file } ({ $url }).
    Next: write the post in place of the two placeholder lines (check reports them until then), fill in summary and tags, then run `campaign check`.
new-post-created-other-year = Created { $file } ({ $url }).
    Today is not in { $year }, so the post is dated { $date } (the campaign day): correct the date. Write the post in place of the two placeholder lines (check reports them until then), then run `campaign check`.

## Why a link leads nowhere (the `reason` of link-nowhere and the like)

link-reason-not-published = no page or file of this site is published at `{ $path }`
link-reason-outside = this link points outside the content folder
link-reason-no-file = there is no file `{ $file }` in the content folder (or it is a draft)
link-reason-computer-path = this is a path on a computer, not in the content folder or on the web
link-reason-script = links may not run scripts
