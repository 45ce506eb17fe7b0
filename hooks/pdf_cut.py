"""Cut chosen pages out of a tagged PDF into a tagged PDF of their own (used by pdf_export.py).

Not a hook: hooks/pdf_export.py imports it. WeasyPrint paints, subsets the fonts of and tags a
language's whole guide and its country covers once, as one master PDF; the whole guide and every
country PDF are page selections of that master, so no page is painted twice. pikepdf copies the
pages with their drawing, fonts and links; this module carries what a page does not hold: its part
of the structure tree, the bookmarks that land on it, the named destinations its links use, and
the document's language and title. A link whose target is left out goes where `outside` says.

WeasyPrint tags page by page: every element right below /Document belongs to one page, which is
what makes a page range's share of the structure tree easy to find.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, OutlineItem, String


def cut(master: pikepdf.Pdf, indexes: Sequence[int], title: str, outside: Callable[[str], str]) -> pikepdf.Pdf:
    """A new PDF of the master's pages at `indexes`, in that order, tagged and with bookmarks.

    The chosen pages' top structure elements are re-parented in the (in-memory) master, so cut
    each page range from a master that is not saved afterwards.
    """
    pdf = pikepdf.new()
    pdf.add_pages_from(master, list(indexes))  # with the named destinations on the copied pages
    chosen = [master.pages[i] for i in indexes]
    place = {page.objgen: n for n, page in enumerate(chosen)}
    copy_structure(master, chosen, place, pdf)
    copy_outline(master, place, pdf)
    redirect_links_left_out(pdf, outside)
    pdf.Root.Lang = master.Root.Lang
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.docinfo = pdf.copy_foreign(master.docinfo)
    pdf.docinfo.Title = String(title)
    return pdf


def save(pdf: pikepdf.Pdf, target: Path, version: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(target, min_version=version, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def copy_structure(master: pikepdf.Pdf, chosen: list[pikepdf.Page], place: dict, pdf: pikepdf.Pdf) -> None:
    """The structure elements of the chosen pages, under a /Document of their own."""
    root = master.Root.StructTreeRoot
    on_chosen = [(place[page], element) for element in root.K[0].K if (page := page_of(element)) in place]
    # in the order of the chosen pages: a country PDF's cover comes first, though the master has it last
    elements = [element for _, element in sorted(on_chosen, key=lambda pair: pair[0])]
    document = master.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array(elements)))
    tree = master.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([document])))
    if "/Namespaces" in root:
        tree.Namespaces, document.NS = root.Namespaces, root.K[0].NS
    document.P = tree

    # The parent tree maps each page's marked content (key /StructParents) and each link
    # (key /StructParent) to its element. Some of WeasyPrint's elements hang from /Document
    # without being among its kids; walking up from the parent tree finds those too.
    keys = {int(page.StructParents) for page in chosen}
    keys |= {int(link.StructParent) for page in chosen for link in page.get("/Annots", []) if "/StructParent" in link}
    parents, kept = NumberTree(root.ParentTree), NumberTree.new(master)
    tops, seen = list(elements), set()
    for key in sorted(keys):
        value = kept[key] = parents[key]
        for element in value if isinstance(value, Array) else [value]:
            while element.objgen not in seen and element.P.get("/S") != Name.Document:
                seen.add(element.objgen)
                element = element.P
            if element.objgen not in seen:
                seen.add(element.objgen)
                tops.append(element)
    for element in tops:
        element.P = document
    tree.ParentTree = kept.obj
    pdf.Root.StructTreeRoot = pdf.copy_foreign(tree)  # its /Pg and link references land on the copied pages


def page_of(element: Dictionary):
    """The page (objgen) of a top structure element: the first /Pg found below it."""
    stack = [element]
    while stack:
        element = stack.pop()
        if "/Pg" in element:
            return element.Pg.objgen
        kids = element.get("/K")
        stack.extend(kid for kid in (kids if isinstance(kids, Array) else [kids]) if isinstance(kid, Dictionary))
    return None


def copy_outline(master: pikepdf.Pdf, place: dict, pdf: pikepdf.Pdf) -> None:
    """The master's bookmarks that land on the chosen pages; a left-out bookmark's kept children move up."""

    def kept(items) -> list[OutlineItem]:
        found = []
        for item in items:
            target = item.destination
            if isinstance(target, Array) and target[0].objgen in place:
                copy = OutlineItem(item.title, Array([pdf.pages[place[target[0].objgen]].obj, *list(target)[1:]]))
                copy.children.extend(kept(item.children))
                found.append(copy)
            else:
                found.extend(kept(item.children))
        return found

    with master.open_outline() as source:
        items = kept(source.root)
    with pdf.open_outline() as outline:
        outline.root.extend(items)


def redirect_links_left_out(pdf: pikepdf.Pdf, outside: Callable[[str], str]) -> None:
    """A link to a named destination this PDF does not have becomes a web link."""
    names = set(NameTree(pdf.Root.Names.Dests).keys()) if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else set()
    for page in pdf.pages:
        for link in page.get("/Annots", []):
            target = link.get("/Dest")
            if isinstance(target, String) and str(target) not in names:
                del link.Dest
                link.A = Dictionary(Type=Name.Action, S=Name.URI, URI=String(outside(str(target))))
