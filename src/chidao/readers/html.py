"""Read a news page: the article's headline and text, its date, author and address (trafilatura)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from chidao.errors import InputError

MIN_ARTICLE_CHARS = 200      # less than this is a menu, a list of links or an error page

# Dates as Vietnamese news pages print them near the headline: "Thứ Năm, 14/03/2024 10:05",
# "14-03-2024", "Cập nhật: 14/3/2024". Used only when the page's metadata gives no date.
_VN_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?![\d/.-])")
_META_DATE = re.compile(
    rb"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    rb"""datePublished|pubdate|publishdate|date|dc\.date(?:\.issued)?)["'][^>]*>""", re.IGNORECASE)
_CONTENT = re.compile(rb"""content\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_ISO = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def published_from_meta(data: bytes) -> str | None:
    """The publication date from the page's <meta> tags, as an ISO date string."""
    for tag in _META_DATE.finditer(data[:200_000]):
        content = _CONTENT.search(tag.group(0))
        if content and (m := _ISO.search(content.group(1).decode("ascii", "replace"))):
            if iso := _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
                return iso
    return None


def published_from_text(text: str) -> str | None:
    """The first day/month/year printed in ``text`` (the date line above or below a headline)."""
    for m in _VN_DATE.finditer(text):
        if iso := _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            return iso
    return None


def html_text(data: bytes, name: str | None = None, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The article of a news page as text (headline first) and its metadata.

    ``meta["published"]`` is an ISO date: the extractors take it as the document's own date.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, favor_precision=True,
        # a fixed upper bound, so that htmldate does not read the clock for one
        date_extraction_params={"extensive_search": True, "original_date": True,
                                "outputformat": "%Y-%m-%d", "max_date": "2099-12-31"})
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body) < MIN_ARTICLE_CHARS:
        raise InputError("no article was found in the page (a home page, a list of links, or an "
                         "error page?); save the article's own page, or copy its text into a .txt file",
                         name)
    meta: dict[str, Any] = {"converted_with": "trafilatura"}
    title = (doc.title or "").strip()
    if title:
        meta["title"] = title
    published = published_from_meta(data) or _iso(doc.date)
    if published is None:
        published = published_from_text(_near_headline(data, title))
    if published:
        meta["published"] = published
    if doc.author:
        meta["author"] = doc.author.strip()
    if doc.url or url:
        meta["url"] = doc.url or url
    if doc.sitename:
        meta["site"] = doc.sitename
    lines = [ln.strip() for ln in body.splitlines()]
    text = "\n".join(ln for ln in lines if ln)
    if title and not text.startswith(title):
        text = title + "\n" + text
    return text + "\n", meta


def _iso(value: str | None) -> str | None:
    if value and (m := _ISO.match(value.strip())):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def _near_headline(data: bytes, title: str) -> str:
    """The visible text of the page around its headline, where news sites print the date."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(data)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//nav|//footer"):
        bad.drop_tree()
    visible = " ".join(tree.text_content().split())
    at = visible.find(title) if title else -1
    if at < 0:
        return visible[:3000]
    return visible[max(0, at - 300): at + len(title) + 600]
