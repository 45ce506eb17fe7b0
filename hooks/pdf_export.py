"""Write the PDFs: the whole guide and every country guide, in each language, from the built pages.

Each chapter is the <article> of a built page, so a PDF says exactly what the web page says.
The whole guide puts the pages in navigation order behind a cover and a contents page; the
checklists that every country page repeats are printed once, as the last chapter. Links between
chapters stay inside the document. WeasyPrint lays out the whole guide and a cover for each
country, and paints them once, tagged, into one master PDF (data/pdf.css: fonts embedded, the
document language set). Every PDF is then cut out of the master by hooks/pdf_cut.py: the whole
guide, and each country's cover with its chapter, which keeps the guide's page numbers and whose
links to other chapters, the checklists included, go to the live site. Each page is laid out and
painted once, however many PDFs it appears in. A character that the PDF fonts cannot draw fails the
build, naming the page. The Chinese PDFs are made in a second process while the English pages
are still being built. ENABLE_PDF_EXPORT=0 skips the PDFs (make serve does).
"""

from __future__ import annotations

import datetime as dt
import gc
import html
import importlib.util
import io
import logging
import multiprocessing
import os
import posixpath
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = ROOT / "data" / "pdf.css"
FONT_FAMILIES = re.findall(r'"([^"]+)"', re.search(r"font-family:([^;]+);", STYLESHEET.read_text(encoding="utf-8")).group(1))
HTML_LANG = {"zh": "zh-Hans", "en": "en"}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
NOT_PRINTED = [
    re.compile(r'<a href="[^"]*" title="[^"]*" class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL),
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL),
    re.compile(r'<(p|ul) class="guide-downloads">.*?</\1>', re.DOTALL),
    # the deadline calculator: a form for the web; on paper the at-a-glance box gives each stage
    re.compile(r'<section class="guide-deadlines".*?</section>', re.DOTALL),
]
ATTRIBUTE = re.compile(r'\b(id|href|src)="([^"]*)"')
FIRST_CHECKLIST = "myths.md"  # the first of the shared snippets that close every country page
# Web pages the PDFs leave out: those that hold one shared checklist each (the PDFs print the
# checklists once, as their last chapter), and the deadline calculator, a form for the web whose
# printable part (each carrier's stages) every country chapter's at-a-glance box prints already.
PAGES_NOT_PRINTED = ("guides/before-closing.md", "guides/after-closing.md", "guides/myths.md", "guides/deadlines.md")
_outline: dict[str, list[tuple[str, str, str]]] = {}  # language -> [("section"|"page", title or dest, src)]
_chinese: multiprocessing.Process | None = None


def enabled() -> bool:
    return os.environ.get("ENABLE_PDF_EXPORT", "1") != "0" and os.environ.get("OFFLINE_BUILD") != "true"


def pdf_name(lang: str, country: dict | None = None) -> str:
    """The PDF's path under its language's root: the name says which guide and which language."""
    suffix = f"-{country['country'].lower()}" if country else ""
    return f"pdf/number-retention-sim-guide-{HTML_LANG[lang].lower()}{suffix}.pdf"


def on_files(files, config):
    if enabled():
        countries = config.extra["countries"]
        config.extra["pdf"] = {
            lang: {"guide": pdf_name(lang), **{c["country"]: pdf_name(lang, c) for c in countries[lang]}} for lang in countries
        }
    return files


@event_priority(-150)  # after mkdocs-static-i18n has translated the navigation
def on_nav(nav, config, files):
    entries = []

    def walk(items):
        for item in items:
            if isinstance(item, Section):
                entries.append(("section", item.title, ""))
                walk(item.children)
            elif getattr(item, "file", None) and item.file.src_uri.replace(".en.md", ".md") not in PAGES_NOT_PRINTED:
                entries.append(("page", item.file.dest_uri, item.file.src_uri))

    walk(nav.items)
    lang = "en" if any(src.endswith(".en.md") for _, _, src in entries) else "zh"
    _outline[lang] = entries
    return nav


def on_pre_build(config):
    """When the English build starts, the Chinese pages are done: lay out their PDFs meanwhile."""
    global _chinese
    if enabled() and config.plugins["i18n"].building and _chinese is None:
        drawable_characters()  # read the fonts' character maps once, for both processes
        _chinese = multiprocessing.get_context("fork").Process(target=export_or_exit, args=(config, "zh"))
        _chinese.start()


@event_priority(-250)  # after the search index is split, while the offline archive still builds
def on_post_build(config):
    global _chinese
    if not enabled() or config.plugins["i18n"].building:
        return  # switched off, or a per-language build inside the whole build
    chinese, _chinese = _chinese, None
    try:
        export(config, "en")
    except BaseException:
        chinese.kill()  # the build fails anyway: do not wait for the Chinese PDFs
        raise
    finally:
        chinese.join()
    if chinese.exitcode != 0:
        raise PluginError("PDF export failed for the Chinese PDFs (see the message above)")


def on_build_error(error):
    global _chinese
    if _chinese is not None:
        _chinese.kill()
        _chinese.join()
        _chinese = None


def export_or_exit(config, lang: str) -> None:
    try:
        export(config, lang)
    except PluginError as error:
        logging.getLogger("mkdocs").error(str(error))
        os._exit(1)


class Chapter:
    def __init__(self, dest: str, src: str, body: str):
        self.dest, self.src, self.body = dest, src, body
        self.url = dest.removesuffix("index.html")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.DOTALL)
        self.title = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip() if title else src
        code = re.fullmatch(r"countries/(\w\w)(?:\.en)?\.md", src)
        self.country = code.group(1).upper() if code else None

    @classmethod
    def read(cls, site: Path, dest: str, src: str) -> Chapter:
        body = ARTICLE.search((site / dest).read_text(encoding="utf-8")).group(1)
        for pattern in NOT_PRINTED:
            body = pattern.sub("", body)
        return cls(dest, src, body)

    def undrawable(self) -> list[str]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", self.body))
        missing = sorted({ch for ch in text if not ch.isspace() and ord(ch) not in drawable_characters()})
        if not missing:
            return []
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in missing)
        return [f"docs/{self.src}: none of the PDF fonts ({', '.join(FONT_FAMILIES)}) can draw {''.join(missing)!r} ({codes})"]

    def split_checklists(self, lang: str) -> tuple[str, str]:
        """The body without the shared checklists, and the checklists, which end before the sources."""
        heading = (ROOT / "snippets" / lang / FIRST_CHECKLIST).read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("## ")
        start = re.search(rf"<h2 id=\"[^\"]*\"[^>]*>{re.escape(html.escape(heading, quote=False))}</h2>", self.body)
        end = self.body.find('<section class="guide-sources"')
        return self.body[: start.start()] + self.body[end:], self.body[start.start() : end]


@cache
def drawable_characters() -> frozenset[int]:
    """Every character the font families of data/pdf.css can draw, together."""
    from fontTools.ttLib import TTFont

    characters: set[int] = set()
    for family in FONT_FAMILIES:
        found = subprocess.run(["fc-match", "-f", "%{family}\n%{file}\n%{index}", family], capture_output=True, text=True)
        matched, file, index = (found.stdout.split("\n") + ["", "", "0"])[:3]
        if family not in matched.split(","):
            raise PluginError(f"PDF export needs the font {family!r} (see scripts/system-deps.sh); fontconfig offers {matched!r}")
        characters |= set(TTFont(file, fontNumber=int(index or 0), lazy=True).getBestCmap())
    return frozenset(characters)


def export(config, lang: str) -> None:
    """Lay out and paint the whole guide and the country covers once; cut every PDF out of that."""
    # WeasyPrint keeps hundreds of thousands of boxes alive until the PDF is written, and the cyclic
    # garbage collector would walk all of them again and again: about a fifth of the export's time.
    gc.disable()
    remember_page_references()
    try:
        export_pdfs(config, lang)
    finally:
        gc.enable()


def remember_page_references() -> None:
    """Make pydyf build its tuple of page references once per page count, not once per use.

    WeasyPrint's tagging reads `pdf.page_references[n]` for each of some 40,000 structure elements,
    and pydyf 0.13 builds the tuple of every page's reference anew each time: about 1.5 s of each
    language's PDFs. Pages are only ever appended, so the count says when the tuple is stale.
    """
    import pydyf

    def page_references(pdf) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]  # [number, 0, "R", number, 0, "R", ...]
        cached = pdf.__dict__.get("_page_references")
        if cached is None or 3 * len(cached) != len(kids):
            cached = pdf.__dict__["_page_references"] = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
        return cached

    pydyf.PDF.page_references = property(page_references)


def sibling_module(name: str):
    """A module of this folder, loaded by path: MkDocs puts the folder on sys.path only while it loads a hook."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def export_pdfs(config, lang: str) -> None:
    import pikepdf  # imported here, not at the top: a build without PDFs (make serve) never loads them

    pdf_cut = sibling_module("pdf_cut")
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    site = Path(config.site_dir)
    chapters = [Chapter.read(site, dest, src) for kind, dest, src in _outline[lang] if kind == "page"]
    problems = [problem for chapter in chapters for problem in chapter.undrawable()]
    if problems:
        raise PluginError("PDF export failed:\n  " + "\n  ".join(problems))

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    strings = config.extra["strings"][lang]
    root = site / "en" if lang == "en" else site
    fonts = FontConfiguration()  # one for the stylesheet and the documents, or @font-face is ignored
    css = [CSS(filename=str(STYLESHEET), font_config=fonts)]

    def render(source: str):
        return HTML(string=source, base_url=str(root)).render(stylesheets=css, font_config=fonts)

    site_name, _ = site_identity(site, lang)
    countries = [(n, chapter) for n, chapter in enumerate(chapters, 1) if chapter.country]
    guide = render(whole_guide(config, lang, chapters, site))
    offprint_covers = "".join(cover(config, lang, site, chapter.title, strings["pdf_offprint"]) for _, chapter in countries)
    covers = render(document(config, lang, site, offprint_covers))
    # One painting, one font subset and one structure tree for every PDF of the language.
    master = pikepdf.open(io.BytesIO(guide.copy(guide.pages + covers.pages).write_pdf(pdf_tags=True)))

    first_page: dict[str, int] = {}  # a chapter's anchor is on every page its <section> spans
    for i, page in enumerate(guide.pages):
        for name in page.anchors:
            if re.fullmatch(r"c\d+", name):
                first_page.setdefault(name, i)
    starts = sorted(first_page.values()) + [len(guide.pages)]
    live = {f"c{n}": config.site_url + chapter.url for n, chapter in enumerate(chapters, 1)}

    def outside(home: str):
        """Where a link to a chapter left out of a PDF goes: the live site (the checklists: `home`)."""
        urls = {**live, f"c{len(chapters) + 1}": home}

        def url(name: str) -> str:
            chapter, _, fragment = name.partition("-")
            return urls[chapter] + (f"#{fragment}" if fragment else "")

        return url

    pages = range(len(guide.pages))
    pdf_cut.save(pdf_cut.cut(master, pages, site_name, outside(config.site_url)), root / pdf_name(lang), master.pdf_version)
    for k, (n, chapter) in enumerate(countries):
        start = first_page[f"c{n}"]
        pages = [len(guide.pages) + k, *range(start, starts[starts.index(start) + 1])]
        title = strings["pdf_title"].format(guide=site_name, chapter=chapter.title)
        pdf = pdf_cut.cut(master, pages, title, outside(live[f"c{n}"]))
        pdf_cut.save(pdf, root / config.extra["pdf"][lang][chapter.country], master.pdf_version)


def whole_guide(config, lang: str, chapters: list[Chapter], site: Path) -> str:
    strings = config.extra["strings"][lang]
    number = {chapter.url: n for n, chapter in enumerate(chapters, 1)}
    checklists_number = len(chapters) + 1
    parts, checklists = [], ""
    for n, chapter in enumerate(chapters, 1):

        def resolve(attribute, value, chapter=chapter, n=n):
            if attribute == "id":
                return f"c{n}-{value}"
            target = urlsplit(value)
            if target.scheme or value.startswith("//"):
                return value
            if value.startswith("#"):
                return f"#c{n}-{value[1:]}"
            path = posixpath.normpath(posixpath.join(chapter.url or ".", target.path)).strip("/.")
            path = path + "/" if path else ""
            if attribute == "src":
                return (site / path).as_uri()
            if path in number:
                return f"#c{number[path]}" + (f"-{target.fragment}" if target.fragment else "")
            return urljoin(config.site_url + chapter.url, value)

        body = rewrite(chapter.body, resolve)
        if chapter.country:
            body, found = Chapter(chapter.dest, chapter.src, body).split_checklists(lang)
            checklists = checklists or found
            note = f'<p class="guide-note"><a href="#c{checklists_number}">{strings["pdf_see_checklists"]}</a></p>'
            body = body.replace('<section class="guide-sources"', note + '<section class="guide-sources"', 1)
        parts.append(f'<section class="chapter" id="c{n}">{body}</section>')
    parts.append(f'<section class="chapter" id="c{checklists_number}"><h1>{strings["pdf_checklists"]}</h1>{checklists}</section>')
    return document(config, lang, site, cover(config, lang, site) + contents(config, lang, chapters) + "".join(parts))


def rewrite(body: str, resolve) -> str:
    """The body with each id, href and src passed through resolve(attribute, value)."""
    return ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{html.escape(resolve(m.group(1), html.unescape(m.group(2))))}"', body)


def contents(config, lang: str, chapters: list[Chapter]) -> str:
    number = {chapter.dest: n for n, chapter in enumerate(chapters, 1)}
    items = []
    for kind, value, _ in _outline[lang]:
        if kind == "section":
            items.append(f'<li class="section">{html.escape(value)}</li>')
        else:
            items.append(f'<li><a href="#c{number[value]}">{html.escape(chapters[number[value] - 1].title)}</a></li>')
    items.append(f'<li><a href="#c{len(chapters) + 1}">{config.extra["strings"][lang]["pdf_checklists"]}</a></li>')
    return f'<nav class="contents"><h1>{config.extra["strings"][lang]["pdf_contents"]}</h1><ol>{"".join(items)}</ol></nav>'


@cache
def site_identity(site: Path, lang: str) -> tuple[str, str]:
    """The site's name and description in a language, as its built home page gives them."""
    home = (site / ("en/index.html" if lang == "en" else "index.html")).read_text(encoding="utf-8")
    name = html.unescape(re.search(r"<title>(.*?)</title>", home).group(1))
    return name, html.unescape(re.search(r'<meta name="description" content="([^"]*)"', home).group(1))


def cover(config, lang: str, site: Path, subtitle: str | None = None, note: str | None = None) -> str:
    """A cover page: the title, what the guide is, its language, the build date and the live site."""
    strings = config.extra["strings"][lang]
    site_name, description = site_identity(site, lang)
    title = strings["pdf_title"].format(guide=site_name, chapter=subtitle) if subtitle else site_name
    address = config.site_url + ("en/" if lang == "en" else "")
    return (
        f'<section class="cover" data-title="{html.escape(site_name)}"><h1>{html.escape(title)}</h1>'
        f'<p class="subtitle">{html.escape(description)}</p><dl>'
        f"<dt>{strings['pdf_language']}</dt><dd>{strings['language_name']} ({HTML_LANG[lang]})</dd>"
        f"<dt>{strings['pdf_built']}</dt><dd>{dt.date.today().isoformat()}</dd>"
        f'<dt>{strings["pdf_website"]}</dt><dd><a href="{address}">{address}</a></dd></dl>'
        f'<p class="notice">{html.escape(note or strings["pdf_notice"])}</p></section>'
    )


def document(config, lang: str, site: Path, body: str) -> str:
    site_name, description = site_identity(site, lang)
    return (
        f'<!doctype html><html lang="{HTML_LANG[lang]}"><head><meta charset="utf-8"><title>{html.escape(site_name)}</title>'
        f'<meta name="description" content="{html.escape(description)}">'
        f'<meta name="dcterms.created" content="{dt.date.today().isoformat()}"></head><body>{body}</body></html>'
    )
