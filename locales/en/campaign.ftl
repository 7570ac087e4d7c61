# What campaign says to staff, in English (with --lang en or an English
# LANG). Each id here must also be in locales/vi/campaign.ftl, with the
# same arguments.

## How a problem is printed

severity-error = error
severity-warning = warning
help-label = help


build-failed = { $errors ->
        [one] 1 problem
       *[other] { $errors } problems
    } found{ $warnings ->
        [0] {""}
        [one] {" "}(and 1 warning)
       *[other] {" "}(and { $warnings } warnings)
    }; nothing was written. Fix { $errors ->
        [one] it
       *[other] them
    } and build again.
severity-note = note

## Operating system errors, in words one can act on

io-permission-denied = permission denied (ask whoever manages this computer for the right to write there, or choose another folder)
io-not-found = it does not exist
io-storage-full = the disk is full (free some space and try again)
io-read-only = the disk is read-only
io-already-exists = something with that name is already there
io-address-in-use = the port is already in use
io-address-not-available = this computer has no such address
io-other = { $error }

## Builds

build-done = Built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $posts ->
        [one] 1 post
       *[other] { $posts } posts
    }, { $editions ->
        [one] 1 edition
       *[other] { $editions } editions
    }) and { $files ->
        [one] 1 file
       *[other] { $files } files
    } in { $millis } ms
build-interrupted = interrupted: the output folder was not changed
build-kept-foreign = Kept in the output folder, not written by campaign: { $files }
build-kept-shadowed = { $file } in the output folder was not written by campaign and is kept; the site's own { $file } is not published (move yours into content/static/ to publish it on purpose)

## campaign check

check-clean-site = No problems found in { $source }: { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $posts ->
        [one] 1 post
       *[other] { $posts } posts
    }, { $editions ->
        [one] 1 edition
       *[other] { $editions } editions
    }) would be built.
check-clean = No problems found in { $source }.
check-errors = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] {" "}and 1 warning
       *[other] {" "}and { $warnings } warnings
    } in { $source }. Fix the errors, then run `campaign check` again.
check-warnings-strict = { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $source } (--strict: warnings count as errors).
check-warnings = { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $source }; the site builds, but please fix { $warnings ->
        [one] it
       *[other] them
    }.

## The output folder

output-refused = refusing to write the site into { $path }: { $why }
    {"  "}= help: name an empty or new folder with --output (the default is public)
output-busy = { $path } is being written by another campaign: { $holder }
    {"  "}= help: stop it (Ctrl-C in its window), or name another folder with --output
output-io = cannot write the site into { $path }: { $error }
output-holds-content = it holds the content folder, which would be deleted
output-inside-content = it is inside the content folder
output-is-root = it is the root of the file system
output-not-a-folder = it is not a folder
output-foreign-files = it already holds files that campaign did not write, and they would be deleted
output-kept-in-the-way = campaign did not write this { $kept ->
        [folder] folder
       *[file] file
    }, but the site now needs a { $needed ->
        [folder] folder
       *[file] file
    } at its place
repair-restored = { $output } was missing after an interrupted build; the previous site was put back
repair-removed-staging = removed { $path }, left by an interrupted build
repair-moved-back = moved back into { $output } what an interrupted build had left aside: { $files }
repair-left-in = { $path } still holds files campaign did not write that could not be moved back (the output folder has files at their places); look at them and remove the folder
repair-update-finished = an update of { $output } was interrupted; it was finished ({ $files } files)
repair-update-rolled-back = an update of { $output } was interrupted before it changed anything; its { $files } unfinished files were removed

## campaign schema

schema-cannot-create = cannot create { $path }: { $error }
schema-cannot-write = cannot write { $path }: { $error }
schema-up-to-date = { $path } is up to date
schema-wrote = wrote { $path }

## watch and serve

watch-watching = Watching for changes (Ctrl-C to stop)
watch-limit-reached = the system's limit of watched folders is reached (raise fs.inotify.max_user_watches)
watch-no-native-events = native file events are not available ({ $error })
watch-poll-asked = CAMPAIGN_POLL is set
watch-polling = { $reason }; checking for changes every { $every } ms instead
watch-cannot-watch = cannot watch { $folder }: { $error }
watch-failed = file watching: { $error }
watch-folder-gone = { $folder } is gone (renamed or deleted); the last good site is kept until it is back
watch-folder-back = { $folder } was replaced or is back; watching it again, rebuilding once it settles
rebuild-first = first build
rebuild-rebuilt = rebuilt
rebuild-changed = changed { $file }
rebuild-changed-more = changed { $file } and { $more } more
rebuild-replaced = rebuilt after { $folder } was replaced
rebuild-photos = { $count ->
        [one] 1 photo processed
       *[other] { $count } photos processed
    }
watch-rebuilt = { $what }: { $rendered } of { $pages } pages rendered ({ $posts } posts, { $editions } editions), shown in { $millis } ms
watch-unchanged = { $what }: nothing on the site changed ({ $millis } ms)
watch-not-rebuilt = { $what }: not rebuilt; the last good site is kept ({ $millis } ms)
watch-written = output folder written in { $millis } ms{ $skipped ->
        [0] {""}
        [one] {" "}(1 newer site came meanwhile)
       *[other] {" "}({ $skipped } newer sites came meanwhile)
    }
watch-kept-foreign = kept in the output folder, not written by campaign: { $files }
watch-not-written = the preview is up to date, but the output folder is not: { $error }
watch-photos-pending = Processing { $count ->
        [one] 1 photo
       *[other] { $count } photos
    } in the background… The preview shows the originals meanwhile; the output folder is written once they are done.
watch-photos-done = Every photo is processed; the output folder is written.
serve-listening = Serving the site at { $url } (Ctrl-C to stop)
serve-exposed = serving on { $address }: other machines on the network can see this preview, drafts included
serve-no-browser = could not open a browser; open { $url } yourself
serve-host-refused = refused a request for the host name { $host } (403); if it is yours, restart with --allow-host { $host }
serve-accept-failed = cannot accept connections for now: { $error }; slow and idle connections are closed within seconds (raise `ulimit -n` if this goes on)
serve-stopped = Stopped; the output folder holds the last good build.
serve-cannot-listen = cannot listen on { $address }: { $error } (is another server using the port? try --port)
serve-page-building = Building the site…
serve-page-error-title = Content error
serve-page-error-heading = The site could not be built yet
serve-overlay-heading = The content has an error – the page shows the last good build

## The command line (--help); see src/cli/help.rs for how ids are made

cli-usage = Usage:
cli-commands = Commands
cli-options = Options
cli-arguments = Arguments
cli-help-flag = Print help
cli-version-flag = Print version
cli-lang = The language of messages: vi (the default) or en; without it, an English LC_ALL, LC_MESSAGES or LANG chooses English
cli-about = Builds annual campaign microsites from Markdown and YAML
cli-build = Build the site into the output folder.
cli-watch = Rebuild the output folder on every change to the content or the theme.
cli-check = Check the whole site (errors and warnings) without writing anything.
cli-report = The units' results: the report form they fill in.
cli-report-form = Write the year's report form (.xlsx and .csv) into <source>/<year>/files/, with its units.
cli-report-form-year = The year, e.g. 2025.
cli-report-form-force = Replace a form that was changed by hand since it was written.
cli-new = Start a new year's edition or a news post.
cli-new-edition = Create <source>/<year>/edition.yaml from the latest edition (never overwrites).
cli-new-post = Create a dated news post <source>/<year>/news/<slug>.md (never overwrites).
cli-serve = Preview the site locally; open pages reload when a rebuild finishes.
cli-schema = Write the JSON Schemas of site.yaml, edition.yaml and front matter (for editors).
cli-arg-source = The content folder.
cli-arg-output = The output folder (replaced atomically; never a folder campaign did not create).
cli-arg-base-url = Overrides `base_url` from site.yaml (for feeds, sitemap, canonical links).
cli-arg-drafts = Include posts and pages marked `draft: true`.
cli-arg-themes = The themes folder (default: themes/ beside the content folder).
cli-check-format = How to print problems: text, or json (one JSON object per line).
cli-check-strict = Fail (exit code 1) on warnings too.
cli-new-edition-year = The year, e.g. 2025.
cli-new-post-title = The headline; the file name (and address) is made from it.
cli-new-post-year = The edition year (default: `current` in site.yaml, else the latest edition).
cli-serve-port = The port to listen on (0 picks a free one).
cli-serve-bind = The address to listen on; anything but 127.0.0.1 exposes the preview to the network.
cli-serve-open = Open the preview in the default browser.
cli-serve-allow-host = Also answer requests for this host name (repeatable): only localhost, 127.0.0.1, [::1] and the --bind address are answered otherwise. `.example.local` allows a domain and its subdomains, `*` any name.
cli-schema-out = The folder to write them to.
cli-error-subcommand = there is no command `{ $name }`{ $hint }
cli-error-unknown-option = there is no option `{ $name }` here{ $hint }
cli-error-missing = `{ $name }` is needed
cli-error-missing-command = say what to do: build, serve, check, new, watch or schema
cli-error-value = `{ $value }` does not fit { $name }{ $hint }
cli-error-conflict = { $name } cannot be used with { $other }
cli-error-other = the command line is not right ({ $error })
cli-did-you-mean = ; did you mean `{ $suggestion }`?
cli-valid-values = ; write one of: { $valid }
cli-default = default: { $value }
cli-error-see-help = Run `campaign --help` to see every command and option.
cli-error-refused-value = `{ $value }` does not fit { $name }: { $why }
cli-bad-host = not a host name (give a name such as ten-may.local, `.example.local` for a domain and its subdomains, or `*` for any name)
cli-bad-seconds = not a number of seconds above 0
cli-bad-base-url = not an absolute web address; write it like https://ctxh.example.gov.vn/
cli-bad-lang = write vi (Vietnamese) or en (English)
