# Messages of content: YAML, front matter, dates, keys, values (see
# campaign.ftl for the conventions). Each id is also the stable machine
# code of a problem (`code` in `campaign check --format json`); the list
# of codes is in docs/content.md. Examples of fixes are given as arguments
# (`$example`), written from the user's own text where there is one.

## Reading the file

file-unreadable = cannot be read
file-unreadable-because = cannot be read: { $reason }
not-utf8 = is not UTF-8 text (first bad byte at line { $line }, column { $column })
not-utf8-help = save the file as UTF-8 in your editor ("Save with encoding: UTF-8")
not-nfc = this file has Vietnamese letters in decomposed form (not NFC); they were normalised for the site
not-nfc-help = save the file again as NFC (precomposed) text, e.g. retype the accented letters or use your editor's "Normalize to NFC"; text pasted from Word or PDFs is often decomposed

## Front matter

front-matter-missing = this file has no front matter: a post or a page starts with a line `---`, its keys (title, date, ...), and another line `---`
front-matter-missing-help = add these lines at the very top of the file, then the text: `---`, `title: "Hải Phòng ban hành kế hoạch"`, `date: "25/3/2024"`, `---`
front-matter-no-opening = the front matter has no opening `---` line: the keys are read as the text of the post
front-matter-no-opening-help = add a line with only `---` above the first key (the first line of the file)
front-matter-unclosed = the front matter starts with `---` but never ends
front-matter-unclosed-help = add a line with only `---` after the last key (title, date, ...)

## YAML that cannot be read

yaml-tab = this line is indented with a tab; YAML only allows spaces
yaml-tab-help = delete the tab and indent with spaces (the Space key), as many as the lines it belongs with, e.g. two spaces before `- "Hải Phòng"`
yaml-unclosed-quote = this quote is never closed: everything after it, up to the next quote, is read as one text
yaml-unclosed-quote-help = end the value with the same straight quote `"` on this line, e.g. { $example }
yaml-curly-quotes = this value starts with a curly quote (“ or ”, as Word types them); YAML needs straight quotes " around a text
yaml-curly-quotes-help = type straight quotes (Shift + the ' key) around the value: { $example }; curly quotes may stay inside, e.g. "Phát huy truyền thống “Lá lành đùm lá rách”"
yaml-missing-space = `{ $key }:` needs a space after the colon
yaml-missing-space-help = write a space after the colon: { $example }
yaml-colon-in-value = the value of `{ $key }` contains a colon followed by a space, which YAML reads as another key
yaml-colon-in-value-help = put the whole value in straight quotes: { $example }
yaml-indentation = this line is indented by { $found } spaces, but the line above by { $above }: keys of the same group must start in the same column
yaml-indentation-help = indent the line like the other keys of its group (with spaces), or by two more spaces than the key it belongs under
yaml-syntax = this is not valid YAML
yaml-syntax-help = check this line and the one above it: one `key: value` a line, a space after each colon, text in straight quotes "..."
yaml-too-deep = the lists or groups here are nested too deeply
yaml-too-deep-help = remove the extra levels: no content file nests more than a few levels
yaml-alias = this file uses anchors and aliases (& and *), which campaign does not read
yaml-alias-help = write each value out in full instead of `*name`
yaml-not-keys = this file is not a list of `key: value` lines
yaml-not-keys-help = write one key a line, e.g. title: "Hải Phòng ban hành kế hoạch"

## Keys

unknown-key = unknown key `{ $key }`
unknown-key-help = { $nearest ->
        [none] {""}
       *[other] did you mean `{ $nearest }`?{" "}
    }the keys allowed here are: { $allowed }
unknown-key-none-help = no keys are allowed here; remove this line
key-misplaced = `{ $key }` belongs in `{ $group }`, but it is not indented under it
key-misplaced-help = indent `{ $key }` with spaces to start in the same column as `{ $sibling }` above
key-misplaced-alone-help = indent `{ $key }` by two spaces under `{ $group }:`
key-too-deep = `{ $key }` is indented too far: it belongs one level up
key-too-deep-help = indent `{ $key }` like the keys of the group it belongs to
duplicate-key = the key `{ $key }` is written twice (first on line { $line })
duplicate-key-help = each key may appear once: keep one `{ $key }` and delete the other
missing-key = { $within ->
        [none] the required key `{ $key }` is missing
       *[other] the required key `{ $key }` is missing in this entry of `{ $within }`
    }
missing-key-help = add a line: { $example }

## Values of the wrong kind

text-expected = `{ $key }` takes a single text, not { $found ->
        [list] a list
        [group] a group of keys
       *[other] this
    }
text-expected-help = write the text on the line of the key: { $example }
list-as-text = `{ $key }` is a list, but one text is written
list-as-text-help = write it as a list in square brackets, each item in quotes: { $example }
list-expected = `{ $key }` is a list, but a group of keys is written
list-expected-help = write a list, e.g. { $example }
group-expected = `{ $key }` is a group of keys, not { $found ->
        [list] a list
        [number] a number
        [nothing] empty
       *[other] a text
    }
group-expected-help = write its keys, e.g. { $example }
not-a-number = `{ $key }` takes a whole number, not { $found ->
        [text] the text `{ $value }`
        [list] a list
        [group] a group of keys
        [nothing] nothing
       *[other] `{ $value }`
    }
number-out-of-range = `{ $key }: { $value }` is far too large
number-help = write a whole number without quotes, e.g. { $example }
not-yes-no = `{ $key }` takes true or false, not `{ $value }`
not-yes-no-help = write `{ $key }: true` (yes) or `{ $key }: false` (no), without quotes
value-missing = `{ $key }` has no value
value-missing-help = write its value after the colon, e.g. { $example }

## Dates

date-format = `{ $value }` is not a date in a form campaign reads
date-format-help = write the date day/month/year in straight quotes, e.g. { $key }: "25/3/2024"
date-fix-help = write it as { $example }
date-impossible = the date { $date } does not exist: month { $month } of { $year } has only { $days } days
date-bad-month = the date { $date } does not exist: there is no month { $month } (the month comes second: day/month/year)
date-curly-quotes = the date `{ $value }` is in curly quotes (“ ”, as Word types them); dates need straight quotes "
date-curly-quotes-help = type straight quotes (Shift + the ' key): { $example }

## site.yaml

base-url-invalid = `{ $value }` is not an absolute web address
base-url-invalid-help = write the address the site will have, e.g. base_url: "https://ctxh.example.gov.vn/"
campaign-day-invalid = `{ $value }` is not a month and day
campaign-day-invalid-help = write it as month-day, e.g. day: "03-25" for 25 March
first-year-implausible = `{ $value }` is not a plausible first year
first-year-implausible-help = write the year of the first edition, e.g. first_year: 2017
news-per-page-zero = `news_per_page` must be at least 1
news-per-page-zero-help = write a number such as news_per_page: 10
image-widths-count = `images.widths` has { $count } widths; it needs 1 to { $max }
image-widths-count-help = each width is one file per photo: { $max } cover every screen, e.g. widths: [480, 960, 1600]
image-width-out-of-range = a width of { $width } pixels is outside { $min }–{ $max }
image-width-out-of-range-help = choose widths for phones, tablets and computers, e.g. widths: [480, 960, 1600]
image-quality-out-of-range = an image quality of { $value } is too low; it must be { $min } to 100
image-quality-out-of-range-help = below this, photos show blocks; 80 is the usual quality for photos on the web
theme-name-invalid = `{ $value }` is not a theme name
theme-name-invalid-help = write the name of a folder under themes/, e.g. theme: default
setting-too-long = `{ $key }` has { $chars } characters; at most { $max } are allowed (it is shown on every page)
setting-too-long-help = shorten it; a longer presentation of the site belongs in content/index.md
menu-too-long = the menu has { $count } entries; at most { $max } are allowed (it is shown on every page)
menu-too-long-help = keep the main sections in the menu and link the others from a page
menu-title-too-long = the menu entry `{ $title }` has { $chars } characters; at most { $max } are allowed
menu-title-too-long-help = name the section in a few words, e.g. "Tin tức"
menu-link-refused = the menu link `{ $url }` cannot be published: { $reason }
menu-link-refused-help = link to a page of the site from its root (/luu-tru/) or to a web address (https://...)

## edition.yaml

edition-yaml-missing = the folder { $year } has no edition.yaml
edition-yaml-missing-help = create { $year }/edition.yaml with at least the year's `theme:`
edition-before-first = the folder { $year } is before the first edition ({ $first } in site.yaml)
edition-year-contradicts = `year: { $written }` contradicts the folder name { $year }
edition-year-contradicts-help = delete the `year` line (it comes from the folder) or write `year: { $year }`
edition-number-wrong = `edition: { $written }` is wrong: { $year } is edition number { $ordinal } (lần thứ { $ordinal }), counting from { $first }
edition-number-wrong-help = delete the `edition` line (it is derived) or write `edition: { $ordinal }`
edition-date-contradicts = `date: { $written }` contradicts the campaign day { $date } of { $year }
edition-date-contradicts-help = delete the `date` line (it is derived from campaign.day in site.yaml)
theme-empty = the theme (chủ đề) is empty
theme-empty-help = write the year's theme, e.g. theme: "Công tác xã hội Việt Nam - ..."
theme-placeholder = the theme is still the placeholder; write the year's theme
theme-placeholder-help = replace the text in quotes with the official theme (chủ đề) of { $year }, exactly as in the plan, e.g. theme: "Công tác xã hội Việt Nam - ..."
theme-too-long = the theme is { $chars } characters long; a theme may have at most { $max }
theme-too-long-help = shorten the theme to the official slogan (chủ đề), exactly as in the plan; put explanations in `summary:` or in index.md
date-outside-edition = { $what ->
        [period-from] the period starts on
        [period-to] the period ends on
        [activity-from] the activity starts on
        [activity-to] the activity ends on
        [deadline] the report deadline
       *[activity] the activity date
    } { $date } is not in { $year }
date-outside-edition-help = the period, the activities and the report deadline of the { $year } edition fall in { $year }
period-reversed = the period ends ({ $to }) before it starts ({ $from })
swap-from-to-help = swap `from` and `to`
activity-to-without-from = the activity “{ $title }” has `to` but no `from`
activity-to-without-from-help = add `from:` (the first day), or write `date:` for a single day
activity-date-and-range = the activity “{ $title }” has both `date` and `from`/`to`
activity-date-and-range-help = keep `date:` for a single day, or `from:`/`to:` for several
activity-reversed = the activity “{ $title }” ends ({ $to }) before it starts ({ $from })
document-file-and-url = the document “{ $title }” has both `file` and `url`
document-file-and-url-help = keep one: `file` for an attachment in files/, `url` for a web address
document-url-nowhere-help = write the address of a page of this site, e.g. /quyet-dinh-1791/
document-url-invalid = `{ $url }` is not a web address
document-url-invalid-help = write a full address (https://...) or a page of this site (/quyet-dinh-1791/), or put the file in files/ and use `file:`
document-after-edition = the document “{ $title }” is dated { $date }, after the { $year } edition
document-after-edition-help = check the date: a document cited by the { $year } edition is dated { $year } or earlier
attachment-missing = the attachment `{ $file }` is not in { $year }/files/
attachment-missing-help = put the file in the folder { $year }/files/ and write its name, e.g. `file: kh-45.pdf`

## Links and images

link-nowhere = the link `{ $target }` leads nowhere: { $reason }
link-nowhere-body-help = link to the source file relative to this one (../files/kh-45.pdf, tin-khac.md) or to a published page from the site root (/2023/tin-tuc/)
link-nowhere-edition-help = link to a file relative to this one (files/kh-45.pdf, news/tin.md) or to a page from the site root (/2023/)
image-no-alt = this image has no alternative text (alt), so screen readers cannot describe it
image-no-alt-help = describe the image between the brackets: ![Lễ mít tinh kỷ niệm ngày 25/3](../files/anh.jpg)
image-not-found = the image `{ $image }` cannot be found: { $reason }
image-not-found-help = put the image in { $year }/files/ and write `image: ../files/<name>`

## Posts and pages

post-date-outside-year = the post is dated { $date } but is in the folder of { $year }
post-date-outside-year-help = correct the date, or move the file to the folder { $year }/news/
title-too-long = the title is { $chars } characters long; a title may have at most { $max }
title-too-long-help = shorten the title to a headline of a line or two; put the rest in { $rest } or in the text
tags-too-many = this post has { $count } tags; a post may have at most { $max }
tags-too-many-help = shorten the list to at most { $max } tags, usually the 2-3 that describe the post best (reuse existing ones): every page that shows the post shows all its tags, and each tag has pages of its own; names the post is about belong in its text
tag-too-long = the tag `{ $tag }` is { $chars } characters long; a tag may have at most { $max }
tag-too-long-help = shorten the tag to the few words of a topic, e.g. "Hải Phòng", "Kế hoạch": a tag's name is also the address of its page
tag-address-too-long = the address of the tag `{ $tag }` would be { $chars } characters long; an address may have at most { $max }
tag-address-too-long-help = shorten the tag, or write it in Vietnamese or Latin letters (other scripts are spelt out in several letters each in its address)
tag-no-letters = the tag `{ $tag }` has no letters or digits
tag-no-letters-help = write tags as words, e.g. tags: ["Hải Phòng", "Kế hoạch"]
post-address-empty = this post's address would be empty: its file name has no letters or digits
post-address-empty-help = rename the file, e.g. ke-hoach-45.md, or add `slug: ke-hoach-45` to its front matter
post-address-too-long = this post's address would be { $chars } characters long (`{ $address }`); an address may have at most { $max }
post-address-too-long-slug-help = shorten `slug:` to a few words, e.g. `slug: ke-hoach-45-hai-phong`
post-address-too-long-file-help = rename the file with a shorter name (its name gives the address), or add a short `slug:` to its front matter, e.g. `slug: ke-hoach-45-hai-phong`
post-address-taken = two posts of { $year } have the address { $address }: { $first } and { $second }
post-address-taken-help = give one of them another file name, or a different `slug:` in its front matter
page-address-reserved = a page cannot be published at /{ $slug }/: that address is taken by the site
page-address-reserved-help = rename the file (its name gives the page's address)
page-address-too-long = this page's address would be { $chars } characters long (`{ $address }`); an address may have at most { $max }
page-address-too-long-help = rename the file with a shorter name (its name gives the page's address), e.g. gioi-thieu.md
organization-too-long-help = write the name of the organising body only, e.g. "Sở Lao động - Thương binh và Xã hội thành phố Hải Phòng"
cover-no-alt = the image `{ $image }` has no description (image_alt)
cover-no-alt-help = add image_alt: "…" right below image:, saying what the picture shows, for readers who cannot see it (blind readers use screen readers)
album-no-alt = the album photo `{ $file }` has no description (alt)
album-no-alt-help = write alt: "…" saying what the photo shows, for readers who cannot see it; the caption is shown under the photo and does not replace alt
album-not-a-photo = `{ $file }` is not a photo: albums take JPEG, PNG, WebP, GIF or SVG pictures only
album-not-a-photo-help = documents (PDF, Word, Excel) go in the year's `documents:`, or as links in a post
album-photo-external = `{ $file }` is an address on another site: albums take the site's own photos only
album-photo-external-help = download the photo, copy it into content/{ $year }/files/ and write its file name
album-photo-twice = the photo `{ $file }` is already in this album
album-photo-twice-help = delete the repeated entry; each photo needs to be there once
album-too-long = the album has { $count } photos, more than { $max }
album-too-long-help = choose the most telling photos (at most { $max }), or spread them over several posts
