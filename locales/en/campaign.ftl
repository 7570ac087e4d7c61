# What campaign says to staff, in English (with --lang en or an English
# LANG). Each id here must also be in locales/vi/campaign.ftl, with the
# same arguments.

## How a problem is printed

severity-error = error
severity-warning = warning
help-label = help

# Text not yet in the catalogue (being moved there).
raw = { $text }

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
