"""The PDFs: the whole guide and every country guide, in both languages, read as real documents."""

from __future__ import annotations

import functools
import re
import subprocess
from urllib.parse import unquote

import pikepdf
import pytest
import yaml
from conftest import ROOT, SITE_URL, build
from PIL import Image
from pypdf import PdfReader
from site_pages import country_pages

LANGUAGES = {"zh": ("pdf", "zh-Hans"), "en": ("en/pdf", "en")}
STRINGS = yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"))
COUNTRIES = country_pages()


def whole_guide(site, lang):
    folder, code = LANGUAGES[lang]
    return site / folder / f"number-retention-sim-guide-{code.lower()}.pdf"


def country_pdf(site, page):
    folder, code = LANGUAGES[page.lang]
    return site / folder / f"number-retention-sim-guide-{code.lower()}-{page.meta['country'].lower()}.pdf"


@functools.cache
def read(path) -> PdfReader:
    """A PDF parsed once per test process; the tests only read it."""
    return PdfReader(path)


@functools.cache
def text_of(path, *options: str) -> str:
    """The PDF's text in the order it is drawn (pdftotext -raw, which reads a table row by row),
    without any white space, since a line may break inside a title; read once per test process."""
    output = subprocess.run(["pdftotext", "-raw", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", output)


def page_count(path) -> int:
    return len(read(path).pages)


def outline_titles(outline, depth=0):
    for item in outline:
        if isinstance(item, list):
            yield from outline_titles(item, depth + 1)
        else:
            yield depth, item.title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_guide_is_a_tagged_document_in_its_language(site, lang):
    reader = read(whole_guide(site, lang))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == LANGUAGES[lang][1]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog
    chapters = [p for p in COUNTRIES if p.lang == lang]
    assert len(chapters) * 2 < len(reader.pages) < 400


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_guide_has_a_bookmark_for_every_country_and_its_sections(site, lang):
    titles = list(outline_titles(read(whole_guide(site, lang)).outline))
    top = [title for depth, title in titles if depth == 0]
    for page in (p for p in COUNTRIES if p.lang == lang):
        assert page.meta["title"] in top
    assert sum(1 for depth, _ in titles if depth == 1) >= 5 * len(top) // 2  # sections under the chapters


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_guide_opens_with_a_cover_and_a_contents_page_with_page_numbers(site, lang):
    reader = read(whole_guide(site, lang))
    cover, contents = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert re.search(r"\d{4}-\d{2}-\d{2}", cover) and SITE_URL in cover
    first_country = next(p for p in COUNTRIES if p.lang == lang).meta["title"]
    assert re.search(rf"{re.escape(first_country)}\s*\.*\s*\d+", contents)
    assert re.search(rf"{re.escape(STRINGS[lang]['pdf_checklists'])}\s*\.*\s*\d+", contents)  # all on one page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_guide_text_names_every_country_in_its_language(site, lang):
    text = text_of(whole_guide(site, lang))
    for page in (p for p in COUNTRIES if p.lang == lang):
        assert re.sub(r"\s+", "", page.meta["title"]) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_internal_link_of_the_whole_guide_lands_inside_it_and_sources_are_clickable(site, lang):
    reader = read(whole_guide(site, lang))
    destinations = set(reader.named_destinations)
    internal, external = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if "/Dest" in link:
                internal.append(str(link["/Dest"]))
            elif "/A" in link:
                external.append(unquote(str(link["/A"]["/URI"])))
    assert internal and set(internal) <= destinations
    sources = {unquote(s["url"]) for p in COUNTRIES if p.lang == lang for s in p.meta["sources"]}
    assert sources <= set(external)


@pytest.mark.parametrize("page", COUNTRIES, ids=lambda p: p.src)
def test_every_country_has_its_own_pdf_linking_to_the_live_site(site, page):
    path = country_pdf(site, page)
    reader = read(path)
    assert 2 <= len(reader.pages) < page_count(whole_guide(site, page.lang)) // 3
    assert reader.trailer["/Root"]["/Lang"] == LANGUAGES[page.lang][1]
    destinations = set(reader.named_destinations)
    uris = []
    for pdf_page in reader.pages:
        for annotation in pdf_page.get("/Annots") or []:
            link = annotation.get_object()
            if "/Dest" in link:
                assert str(link["/Dest"]) in destinations
            elif "/A" in link:
                uris.append(str(link["/A"]["/URI"]))
    assert any(uri.startswith(SITE_URL) for uri in uris), "no link to the live site"
    assert page.meta["title"] in " ".join(reader.pages[0].extract_text().split())
    html = page.html(site)
    link = html.select_one(".guide-downloads a")
    assert link["href"].endswith(path.name)


@pytest.mark.parametrize("page", COUNTRIES, ids=lambda p: p.src)
def test_every_country_pdf_holds_its_whole_chapter_behind_its_cover(site, page):
    reader = read(country_pdf(site, page))
    assert page.meta["title"] in " ".join(reader.pages[1].extract_text().split())  # the chapter opens the PDF after the cover
    links = {
        unquote(str(annotation.get_object()["/A"]["/URI"]))
        for pdf_page in reader.pages
        for annotation in pdf_page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert {unquote(source["url"]) for source in page.meta["sources"]} <= links  # down to the last source
    pdftotext = ["pdftotext", "-layout", str(country_pdf(site, page)), "-"]
    layout = subprocess.run(pdftotext, capture_output=True, text=True, check=True)
    for text in layout.stdout.split("\f")[1:-1]:  # the pages after the cover: the running head names the chapter
        running_head = next(line for line in text.splitlines() if line.strip())
        assert running_head.rstrip().endswith(page.meta["title"]), running_head


@pytest.mark.parametrize("page", COUNTRIES, ids=lambda p: p.src)
def test_every_country_pdf_is_tagged_with_a_structure_of_its_own_pages_and_bookmarks(site, page):
    with pikepdf.open(country_pdf(site, page)) as pdf:
        assert pdf.Root.MarkInfo.Marked and str(pdf.Root.Lang) == LANGUAGES[page.lang][1]
        own_pages = {pdf_page.objgen for pdf_page in pdf.pages}
        tree = pdf.Root.StructTreeRoot
        elements, stack = 0, list(tree.K)
        while stack:
            element = stack.pop()
            elements += 1
            if "/Pg" in element:
                assert element.Pg.objgen in own_pages
            kids = element.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            stack.extend(kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid)  # elements, not OBJRs
        assert elements > 100
        parents = pikepdf.NumberTree(tree.ParentTree)
        assert all(int(pdf_page.StructParents) in parents for pdf_page in pdf.pages)
        with pdf.open_outline() as outline:
            chapter = next(item for item in outline.root if item.title == page.meta["title"])
            assert len(chapter.children) >= 3


def reading_order(pdf: pikepdf.Pdf) -> list[tuple[int, str | None]]:
    """What assistive technology follows: the structure tree depth first. One (page number, link
    address or None) per piece of marked content and per link annotation, in that order."""
    pages = {pdf_page.objgen: n for n, pdf_page in enumerate(pdf.pages)}
    order: list[tuple[int, str | None]] = []

    def walk(element, page):
        page = element.get("/Pg", page)
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                action = kid.Obj.get("/A")
                order.append((pages[kid.get("/Pg", page).objgen], str(action.URI) if action and "/URI" in action else None))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, page)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                order.append((pages[kid.get("/Pg", page).objgen], None))
            elif isinstance(kid, int) and page is not None:
                order.append((pages[page.objgen], None))

    walk(pdf.Root.StructTreeRoot, None)
    return order


@pytest.mark.parametrize("page", COUNTRIES, ids=lambda p: p.src)
def test_every_country_pdf_reads_in_order_through_its_structure(site, page):
    """The cover first, then the chapter down to its last source, as the structure tree orders them."""
    with pikepdf.open(country_pdf(site, page)) as pdf:
        order = reading_order(pdf)
    assert order and order[0][0] == 0, "the structure must start on the cover"
    last_on_cover = max(i for i, (page_number, _) in enumerate(order) if page_number == 0)
    assert all(page_number == 0 for page_number, _ in order[: last_on_cover + 1]), "the cover must be read before the chapter"
    links = [uri for _, uri in order]
    sources = [max(i for i, uri in enumerate(links) if uri and unquote(uri) == unquote(s["url"])) for s in page.meta["sources"]]
    assert last_on_cover < sources[0] and sources == sorted(sources)


SAMPLE = [next(p for p in COUNTRIES if p.lang == lang) for lang in LANGUAGES]


@pytest.mark.parametrize("page", SAMPLE, ids=lambda p: p.src)
def test_poppler_reads_a_country_pdf_in_the_same_order(site, page):
    """The same check as poppler reads the structure tree, text included; 5 s a PDF, so on one per language."""
    report = subprocess.run(["pdfinfo", "-struct-text", str(country_pdf(site, page))], capture_output=True, text=True, check=True)
    text = re.sub(r"\s+", "", "".join(re.findall(r'^\s*"(.*)"$', report.stdout, re.MULTILINE)))
    cover = text.index(re.sub(r"\s+", "", STRINGS[page.lang]["pdf_offprint"]))
    sources = [text.rfind(f"<{source['url']}>") for source in page.meta["sources"]]  # printed after each source
    assert -1 not in sources and cover < sources[0] and sources == sorted(sources)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_the_country_pdfs_carry_the_extract_cover(site, lang):
    notice = re.sub(r"\s+", "", STRINGS[lang]["pdf_offprint"])
    assert notice not in text_of(whole_guide(site, lang))
    for page in (p for p in COUNTRIES if p.lang == lang):
        assert notice in text_of(country_pdf(site, page), "-l", "1")


def test_the_home_page_in_each_language_links_the_whole_guide_pdf(site):
    for home, lang in (("index.html", "zh"), ("en/index.html", "en")):
        assert whole_guide(site, lang).name in (site / home).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_fonts_are_embedded_as_real_outline_fonts(site, lang):
    report = subprocess.run(["pdffonts", str(whole_guide(site, lang))], capture_output=True, text=True, check=True).stdout
    rows = [line for line in report.splitlines()[2:] if line.strip()]
    assert any("Noto-Sans-CJK" in row for row in rows)
    for row in rows:
        assert re.search(r"\b(CID Type 0C|CID TrueType|TrueType|CID Type 0)\b", row), row
        assert "Type 3" not in row
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # embedded, subset, with a Unicode map


def test_a_rendered_chinese_page_is_neither_blank_nor_boxes(site, tmp_path):
    """A page of a country chapter, rendered to an image, is mostly paper with some ink, and its
    text copies out as the Chinese the page says (missing glyphs would copy out as nothing)."""
    pdf = country_pdf(site, next(p for p in COUNTRIES if p.lang == "zh"))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    ink = sum(image.histogram()[:128]) / (image.width * image.height)
    assert 0.01 < ink < 0.3
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 100


def test_a_character_no_pdf_font_can_draw_fails_the_build_naming_the_page(broken_project):
    page = broken_project / "docs/countries/us.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nAn Egyptian hieroglyph: \U00013000.\n", encoding="utf-8")
    result = build(broken_project, pdfs=True)
    assert not result.ok
    assert "docs/countries/us.en.md" in result.output and "U+13000" in result.output


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_guide_prints_each_shared_checklist_once(site, lang):
    """The checklists close every country guide and have web pages of their own; on paper they are one chapter."""
    titles = [title for _, title in outline_titles(read(whole_guide(site, lang)).outline)]
    for name in ("myths.md", "before-closing.md", "after-closing.md", "scams.md"):
        heading = (ROOT / "snippets" / lang / name).read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("## ")
        assert titles.count(heading) == 1, (heading, titles.count(heading))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_guide_prints_every_carriers_timeline_but_not_the_calculator(site, lang):
    """On paper each guide's at-a-glance box gives every carrier's stages and their lengths; the
    calculator is a form for the web, and its page would repeat every country's stages."""
    reader = read(whole_guide(site, lang))
    text = text_of(whole_guide(site, lang))
    carriers = sum(len(page.meta["carriers"]) for page in COUNTRIES if page.lang == lang)
    assert text.count("".join(STRINGS[lang]["stage_number_lost"].split())) >= carriers
    titles = [title for _, title in outline_titles(reader.outline)]
    assert STRINGS[lang]["deadlines_title"] not in titles
