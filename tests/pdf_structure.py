"""Reads a tagged PDF's structure tree back with pypdf: what a screen reader walks."""

import io
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


@dataclass(frozen=True)
class Element:
    tag: str  # "H1", "P", "L", "LI", "Figure", "Table", "TH", ...
    depth: int
    alt: str | None


def _children(element):
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object()
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        kid = kid.get_object()
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            yield kid


def read(content):
    """(reader, catalog, [Element in reading order])."""
    reader = PdfReader(io.BytesIO(content))
    catalog = reader.trailer["/Root"]
    elements = []

    def walk(element, depth):
        alt = element.get("/Alt")
        elements.append(Element(str(element["/S"])[1:], depth, str(alt) if alt is not None else None))
        for kid in _children(element):
            walk(kid, depth + 1)

    if "/StructTreeRoot" in catalog:
        for top in _children(catalog["/StructTreeRoot"]):
            walk(top, 0)
    return reader, catalog, elements


def tags(elements, *names):
    return [element for element in elements if element.tag in names]
