#!/usr/bin/env python3
"""Checks every feed.xml of built sites with feedparser.

    python3 feeds.py LABEL DIR BASE_URL [LABEL DIR BASE_URL ...]

Each feed must parse with bozo == 0 as Atom 1.0, carry a title, an id, an
updated date and a rel="self" link to its own address, and each entry a title,
an id, an updated date and a link to a page that the build wrote. Entries are
expected where there are posts: the site-wide /feed.xml has entries when the
site has any post, /<year>/feed.xml when /<year>/tin-tuc/ lists any post.
Prints one line per feed and each problem; exits 1 on any problem.
"""

import os
import re
import sys
from urllib.parse import unquote

import feedparser

PAGE_DIR = re.compile(r"^trang-\d+$")


def posts_under(news_dir):
    """Post pages under a built tin-tuc/ folder (its trang-N/ pages are lists)."""
    if not os.path.isdir(news_dir):
        return 0
    return sum(
        1
        for name in os.listdir(news_dir)
        if not PAGE_DIR.match(name) and os.path.isfile(os.path.join(news_dir, name, "index.html"))
    )


def expected_posts(site_dir, rel):
    """How many posts the feed at `rel` (a path in the site) should draw on."""
    parent = os.path.dirname(rel)
    if parent == "":
        return sum(
            posts_under(os.path.join(site_dir, d, "tin-tuc"))
            for d in os.listdir(site_dir)
            if re.fullmatch(r"\d{4}", d)
        )
    return posts_under(os.path.join(site_dir, parent, "tin-tuc"))


def built_file(site_dir, base_url, url):
    """The built file a site URL leads to, or None when it is not the site's."""
    if not url.startswith(base_url):
        return None
    path = unquote(url[len(base_url):].split("#")[0].split("?")[0])
    if path == "" or path.endswith("/"):
        path += "index.html"
    return os.path.join(site_dir, path)


def check_feed(label, site_dir, base_url, rel):
    problems = []
    path = os.path.join(site_dir, rel)
    with open(path, "rb") as f:
        d = feedparser.parse(f.read())
    if d.bozo:
        problems.append(f"bozo: {d.get('bozo_exception')!r}")
    if d.get("version") != "atom10":
        problems.append(f"not Atom 1.0 (feedparser says {d.get('version')!r})")
    feed = d.feed
    for key in ("title", "id", "updated"):
        if not feed.get(key):
            problems.append(f"feed has no {key}")
    selfs = [l.get("href") for l in feed.get("links", []) if l.get("rel") == "self"]
    if selfs != [base_url + rel]:
        problems.append(f"rel=self is {selfs}, expected {base_url + rel}")
    ids = set()
    for i, e in enumerate(d.entries):
        where = f"entry {i + 1} ({e.get('title', '?')!r})"
        for key in ("title", "id", "updated", "link"):
            if not e.get(key):
                problems.append(f"{where} has no {key}")
        if e.get("id") in ids:
            problems.append(f"{where} repeats id {e.get('id')}")
        ids.add(e.get("id"))
        target = built_file(site_dir, base_url, e.get("link", ""))
        if target is None or not os.path.isfile(target):
            problems.append(f"{where} links to {e.get('link')!r}, which the build did not write")
    want = expected_posts(site_dir, rel)
    if want > 0 and not d.entries:
        problems.append(f"no entries, but {want} post(s) belong in it")
    if want == 0 and d.entries:
        problems.append(f"{len(d.entries)} entries, but no post belongs in it")
    if len(d.entries) > want:
        problems.append(f"{len(d.entries)} entries for {want} post(s)")
    status = "ok" if not problems else "FAILED"
    print(f"feed {label} /{rel}: {len(d.entries)} entries ({want} posts) {status}")
    for p in problems:
        print(f"  problem: {label} /{rel}: {p}")
    return len(problems)


def main(argv):
    if len(argv) == 0 or len(argv) % 3:
        print(__doc__, file=sys.stderr)
        return 2
    feeds = problems = 0
    for i in range(0, len(argv), 3):
        label, site_dir, base_url = argv[i : i + 3]
        if not base_url.endswith("/"):
            base_url += "/"
        rels = []
        for root, _dirs, files in os.walk(site_dir):
            for name in files:
                if name == "feed.xml":
                    rels.append(os.path.relpath(os.path.join(root, name), site_dir).replace(os.sep, "/"))
        if "feed.xml" not in rels:
            print(f"  problem: {label}: no /feed.xml")
            problems += 1
        for rel in sorted(rels):
            feeds += 1
            problems += check_feed(label, site_dir, base_url, rel)
    print(f"feeds: {feeds} checked with feedparser {feedparser.__version__}, {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
