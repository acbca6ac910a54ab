"""Bundled fonts for the PDF: the DejaVu TTFs shipped inside matplotlib's wheel.

Why these: matplotlib is already a dependency and carries DejaVu Sans and
Sans Mono (free licence, wide Unicode coverage), so every machine renders the
same glyphs and the PDF embeds only these fonts, whatever is installed
system-wide.  The ``@font-face`` rules point at ``file:`` URLs in that one
folder, which ``pdf.AssetFetcher`` allows; the standalone HTML does not carry
them (browsers fall back to local fonts) so it stays free of machine paths.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import matplotlib

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

# (family, weight, style, file)
FACES = (
    ("DejaVu Sans", "normal", "normal", "DejaVuSans.ttf"),
    ("DejaVu Sans", "bold", "normal", "DejaVuSans-Bold.ttf"),
    ("DejaVu Sans", "normal", "italic", "DejaVuSans-Oblique.ttf"),
    ("DejaVu Sans", "bold", "italic", "DejaVuSans-BoldOblique.ttf"),
    ("DejaVu Sans Mono", "normal", "normal", "DejaVuSansMono.ttf"),
    ("DejaVu Sans Mono", "bold", "normal", "DejaVuSansMono-Bold.ttf"),
)


@cache
def font_face_css() -> str:
    """``@font-face`` rules for the bundled faces, as ``file:`` URLs.

    >>> "DejaVuSans.ttf" in font_face_css()
    True
    """
    rules = []
    for family, weight, style, name in FACES:
        url = (FONT_DIR / name).resolve().as_uri()
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
            f'font-style: {style}; src: url("{url}"); }}'
        )
    # Everything, including generic families, resolves to the bundled faces.
    rules.append('html, body, pre, code, .hash, .path { font-family: "DejaVu Sans"; }')
    rules.append('.hash, .path, code, pre { font-family: "DejaVu Sans Mono"; }')
    return "\n".join(rules)
