# Print-ready banners, share images (src/banners).
banner-colour-invalid = the colour `{ $key }` is written "{ $value }", which is not a colour code
banner-colour-invalid-help = write the colour as "#rrggbb", e.g. "#c20e2c" (red) or "#ffde00" (yellow)
banner-sizes-count = { $count } print sizes; there must be from 1 to { $max }
banner-sizes-count-help = keep the sizes actually ordered (at most { $max }); delete `sizes:` to use the default sizes
banner-size-out-of-range = size "{ $name }": `{ $key }` is { $value } m, outside { $min } to { $max } m
banner-size-out-of-range-help = give sizes in metres, e.g. `height: 0.8` and `width: 6` for a 0.8 × 6 m banner
banner-size-name-taken = the size name "{ $name }" is empty or the same as another size's
banner-size-name-taken-help = give each size its own name, e.g. "Băng rôn", "Pano", "A3 ngang"; file names are made from it
banner-missing-character = the slogan "{ $slogan }" has the character "{ $character }" ({ $code }), which the banner font lacks
banner-missing-character-help = replace it with ordinary letters or punctuation (Noto Sans has every Vietnamese letter), then save
banner-slogan-too-long = the slogan "{ $slogan }" is too long for the size { $size }: even the smallest letters ({ $min } mm) do not fit on two lines
banner-slogan-too-long-help = shorten the slogan, or add a longer size under `banners: sizes:` in site.yaml
banner-cache-failed = could not write a banner to the cache folder: { $detail }
alias-leaves-site = the old address "{ $alias }" is not an address on the site
alias-leaves-site-help = write the old address from the site's root, e.g. "/2024/tin-tuc/ten-cu/", without https://, "..", "?" or "#"
alias-taken = the old address "{ $alias }" is the address of a page, a file or another old address of the site
alias-taken-help = list only addresses this post really had; delete this line if that address now belongs to another page
