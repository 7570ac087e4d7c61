# Photos: what is said about a picture that cannot be published as it is.
# Each id here must also be in locales/vi/photos.ftl, with the same
# arguments (`cargo test i18n` checks it). An id is also the stable machine
# code of a problem in `campaign check --format json`: do not rename one.

## Files that cannot be read

photo-missing = photo { $file } not found
photo-missing-help = Check the file name (capitals, and its extension such as .jpg) and that the photo was copied into the right folder.
photo-unreadable = cannot read photo { $file }: { $reason }

## Limits

photo-too-large = photo { $file } is { $megabytes } MB, over the limit of { $limit } MB
photo-too-large-help = Open the photo in a picture viewer and save it smaller (4000 pixels wide, say), or send it through a messaging app and download the copy it sent.
photo-too-many-pixels = photo { $file } is { $width } × { $height } pixels ({ $megapixels } megapixels), over the limit of { $limit } megapixels; it was not processed
photo-too-many-pixels-help = A phone photo is about 12 megapixels. Scale the picture down (4000 pixels wide, say) and save it again; if someone else sent it, the file may have been crafted to do harm: do not open it.

## Formats

photo-heic = photo { $file } is in HEIC format (an iPhone photo), which browsers and this tool cannot read
photo-heic-help = Export the photo as JPEG and use that copy. On an iPhone, to make future photos JPEG: Settings → Camera → Formats → Most Compatible; for photos already taken: Settings → Photos → Transfer to Mac or PC → Automatic, then copy them to a computer with the cable (the iPhone converts them to JPEG), or send them through Zalo or by email. On a computer, open the photo and choose Export or Save as JPEG.
photo-unsupported = photo { $file } is in { $format } format, which cannot be published
photo-not-a-picture = file { $file } is not a JPEG, PNG, WebP, GIF or SVG picture
photo-unsupported-help = Open the picture in a picture viewer and save it (Save as / Export) as JPEG for a photo, or PNG for a drawing or a chart.
photo-truncated = photo { $file } is missing its end (a copy or download that did not finish)
photo-corrupt = photo { $file } is damaged and cannot be read ({ $detail })
photo-damaged-help = Copy the photo again from the original (the phone, the camera, the email) and try again; if it does not open on your computer either, ask the sender for it again.

## SVG

photo-svg-unsafe = SVG picture { $file } has a part that could run code or load content from elsewhere ({ $what }), so it is not published
photo-svg-unsafe-help = Open the picture in Inkscape and save it as "Plain SVG" or "Optimized SVG", without links to or pictures from other sites; or export it as PNG.
photo-svg-invalid = SVG picture { $file } is malformed, browsers would not show it ({ $detail })
photo-svg-invalid-help = Open the picture in Inkscape or the program that drew it and save it again; or export it as PNG.

## Warnings

photo-animated = animated picture { $file }: only its first frame is published
photo-animated-help = If the motion matters, publish it as a video; otherwise nothing needs doing.
photo-gps = photo { $file } records where it was taken (GPS position)
photo-gps-help = The published copies have this position and every other camera detail removed, so the site needs nothing. But the original still has it when sent to anyone: for photos of children or of people in care centres, turn location off for the camera (Settings → Privacy → Location Services → Camera → Never).

## The photo cache

photo-cache = cannot store processed photo { $file } in the cache folder: { $reason }
photo-cancelled = stopped before photo { $file } was processed
