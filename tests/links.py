"""Follow a served site's own links as a reader's browser does: every link and asset of every page,
the article sections its pages fetch and the words-in-context data, each asked for over HTTP."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import Request, urlopen

from bs4 import BeautifulSoup

# Where each kind of element names what it leads to or loads.
REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"))


@dataclass
class Crawl:
    """What following a site's links found: each broken reference as (page, what it names, why),
    and how many references were followed."""

    broken: list[tuple[str, str, str]] = field(default_factory=list)
    followed: int = 0


def fetch(url: str) -> tuple[int, bytes, str]:
    """(status, body, content type) of a GET, the body unzipped."""
    try:
        with urlopen(Request(url, headers={"Accept-Encoding": "gzip"}), timeout=30) as response:
            status, body, headers = response.status, response.read(), response.headers
    except HTTPError as error:
        status, body, headers = error.code, error.read(), error.headers
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, body, headers.get("Content-Type", "")


class Site:
    """A site served at `base` (http://127.0.0.1:<port>/<repo>/), built for `site_url`: an address
    under site_url is the served one; another address on the served host that is not under its
    base has left the site."""

    def __init__(self, base: str, site_url: str) -> None:
        self.base = base
        self.site_url = site_url
        self.pages: dict[str, tuple[int, bytes, str]] = {}

    def get(self, url: str) -> tuple[int, bytes, str]:
        if url not in self.pages:
            self.pages[url] = fetch(url)
        return self.pages[url]

    def served(self, url: str) -> str:
        """The served address of an address the pages may name by the site's own."""
        return self.base + url[len(self.site_url):] if url.startswith(self.site_url) else url

    def ids(self, url: str) -> set[str]:
        _, body, _ = self.get(url)
        soup = BeautifulSoup(body, "html.parser")
        return {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}

    def check(self, crawl: Crawl, page: str, value: str, element: str) -> None:
        """Follow one reference of a page: it must stay under the base, answer 200, and name an
        anchor the target has."""
        target, fragment = urldefrag(self.served(urljoin(page, value)))
        parts, base = urlsplit(target), urlsplit(self.base)
        if parts.scheme not in ("http", "https"):
            return
        if parts.netloc != base.netloc:
            # Another host: only a link a reader follows may go there, never an asset.
            if element != "a":
                crawl.broken.append((page, value, "asset from another host"))
            return
        if not parts.path.startswith(base.path):
            crawl.broken.append((page, value, f"leaves the site's path {base.path}"))
            return
        status, _, kind = self.get(target)
        crawl.followed += 1
        if status != 200:
            crawl.broken.append((page, value, f"HTTP {status}"))
        elif fragment and kind.startswith("text/html") and fragment not in self.ids(target):
            crawl.broken.append((page, value, f"no anchor #{fragment}"))


def crawl_site(folder: Path, base: str, site_url: str) -> Crawl:
    """Follow every reference of every HTML file of a built site, served at `base`; the sections
    article pages fetch (data-collection) and the words-in-context data the contexts page fetches
    (its index file, and every data file that index names) are followed too."""
    site, crawl = Site(base, site_url), Crawl()
    for path in sorted(folder.rglob("*.html")):
        name = path.relative_to(folder).as_posix()
        page = base + (name.removesuffix("index.html") if name.endswith("index.html") else name)
        status, body, _ = site.get(page)
        if status != 200:
            crawl.broken.append((page, page, f"HTTP {status}"))
            continue
        soup = BeautifulSoup(body, "html.parser")
        for element, attribute in REFERENCES:
            for tag in soup.find_all(element):
                value = tag.get(attribute)
                if value and not value.startswith(("mailto:", "data:", "javascript:", "blob:")):
                    site.check(crawl, page, value, element)
        for slot in soup.select("[data-collection]"):
            site.check(crawl, page, slot["data-collection"], "script")
        for form in soup.select("form[data-index]"):
            site.check(crawl, page, form["data-index"], "script")
            index_url = urljoin(page, form["data-index"])
            status, data, _ = site.get(index_url)
            if status == 200:
                index = json.loads(data)
                for name in index["files"]:
                    site.check(crawl, index_url, name, "script")
    return crawl


def missing_page(base: str, site_url: str, path: str = "articles/no-such-article/") -> tuple[int, str, Crawl]:
    """(status, page text, what its references found) of an address the site does not have."""
    site, crawl = Site(base, site_url), Crawl()
    status, body, _ = site.get(base + path)
    soup = BeautifulSoup(body, "html.parser")
    for element, attribute in REFERENCES:
        for tag in soup.find_all(element):
            value = tag.get(attribute)
            if value and element != "a":
                site.check(crawl, base + path, value, element)
    return status, soup.get_text(" ", strip=True), crawl
