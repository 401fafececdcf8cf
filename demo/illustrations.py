"""Friendly, abstract SVG illustrations drawn here, so the demo downloads nothing.

Each motif is a small scene of soft shapes on a tinted background. They are
deliberately wordless and faceless: no person in them can be identified with a pupil.
"""

from html import escape

WIDTH, HEIGHT = 800, 450

PALETTES = {
    "teal": ("#e3f4f1", "#0f766e", "#f59e0b", "#1e3a5f", "#ffffff"),
    "violet": ("#efeafd", "#5b3cc4", "#f472b6", "#1f2937", "#ffffff"),
    "sun": ("#fff4dc", "#b45309", "#0ea5e9", "#1f2937", "#ffffff"),
    "rose": ("#fde8ec", "#be185d", "#14b8a6", "#1f2937", "#ffffff"),
    "sky": ("#e0f0ff", "#1d4ed8", "#f97316", "#0f172a", "#ffffff"),
}

MOTIF_PALETTE = {
    "camera": "sun",
    "chat": "sky",
    "shield": "teal",
    "hands": "rose",
    "phone": "violet",
    "group": "teal",
    "heart": "rose",
    "bubbles": "sky",
    "lock": "violet",
    "megaphone": "sun",
}


def _person(x, y, scale, colour):
    head = 34 * scale
    return (
        f'<circle cx="{x}" cy="{y - 70 * scale}" r="{head}" fill="{colour}"/>'
        f'<path d="M{x - 60 * scale} {y + 60 * scale} Q{x - 58 * scale} {y - 25 * scale} {x} {y - 25 * scale} '
        f'Q{x + 58 * scale} {y - 25 * scale} {x + 60 * scale} {y + 60 * scale} Z" fill="{colour}"/>'
    )


def _phone(x, y, w, h, frame, screen):
    return (
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{w * 0.14}" fill="{frame}"/>'
        f'<rect x="{x + w * 0.08}" y="{y + h * 0.07}" width="{w * 0.84}" height="{h * 0.84}" rx="{w * 0.06}" fill="{screen}"/>'
    )


def _bubble(x, y, w, h, fill, tail_left=True):
    tail = (
        f'<path d="M{x + 24} {y + h - 2} l-14 24 l34 -22 Z" fill="{fill}"/>'
        if tail_left
        else f'<path d="M{x + w - 24} {y + h - 2} l14 24 l-34 -22 Z" fill="{fill}"/>'
    )
    lines = "".join(
        f'<rect x="{x + 18}" y="{y + 18 + i * 18}" width="{(w - 36) * (1 - 0.25 * i)}" height="8" rx="4" fill="#ffffff" opacity="0.8"/>'
        for i in range(max(1, int((h - 24) // 18)))
    )
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="18" fill="{fill}"/>{tail}{lines}'


def _scene(motif, main, accent, dark, light):
    if motif == "camera":
        return (
            _person(250, 300, 1.1, dark) + _person(560, 300, 1.1, main)
            + f'<rect x="330" y="170" width="150" height="100" rx="16" fill="{accent}"/>'
            + f'<circle cx="405" cy="220" r="32" fill="{light}"/><circle cx="405" cy="220" r="18" fill="{dark}"/>'
            + f'<rect x="350" y="156" width="40" height="20" rx="6" fill="{accent}"/>'
        )
    if motif in ("chat", "bubbles"):
        return (
            _phone(300, 60, 200, 340, dark, light)
            + _bubble(330, 110, 130, 60, main)
            + _bubble(350, 190, 120, 60, accent, tail_left=False)
            + _bubble(330, 270, 110, 60, main)
            + (_bubble(90, 120, 150, 70, accent) + _bubble(560, 200, 150, 70, main, False) if motif == "bubbles" else "")
        )
    if motif == "shield":
        return (
            f'<path d="M400 70 L540 120 Q540 300 400 390 Q260 300 260 120 Z" fill="{main}"/>'
            f'<path d="M345 230 L390 275 L470 185" stroke="{light}" stroke-width="26" fill="none" stroke-linecap="round" stroke-linejoin="round"/>'
            + f'<circle cx="160" cy="140" r="26" fill="{accent}"/><circle cx="650" cy="320" r="34" fill="{accent}"/>'
        )
    if motif == "hands":
        return (
            f'<path d="M140 300 Q260 230 380 260 L420 268 Q440 272 430 292 Q420 306 396 300 L330 292" stroke="{dark}" stroke-width="0" fill="{main}"/>'
            f'<path d="M660 300 Q540 230 420 260 L380 268 Q360 272 370 292 Q380 306 404 300 L470 292" fill="{accent}"/>'
            f'<path d="M400 120 q-40 -40 -70 0 q-20 30 70 90 q90 -60 70 -90 q-30 -40 -70 0 Z" fill="{main}"/>'
        )
    if motif == "phone":
        return _phone(320, 60, 160, 320, dark, light) + _person(400, 260, 0.8, main) + _person(180, 330, 0.9, accent)
    if motif == "group":
        return (
            _person(200, 320, 0.95, main) + _person(320, 300, 1.05, accent)
            + _person(470, 300, 1.05, dark) + _person(600, 320, 0.95, main)
            + _bubble(330, 60, 150, 56, accent, False)
        )
    if motif == "heart":
        return (
            f'<path d="M400 380 C180 250 220 90 330 100 C370 104 390 130 400 150 C410 130 430 104 470 100 C580 90 620 250 400 380 Z" fill="{main}"/>'
            + f'<circle cx="180" cy="110" r="22" fill="{accent}"/><circle cx="640" cy="150" r="16" fill="{accent}"/>'
        )
    if motif == "lock":
        return (
            _phone(290, 50, 220, 360, dark, light)
            + f'<path d="M350 200 v-40 a50 50 0 0 1 100 0 v40" stroke="{main}" stroke-width="22" fill="none"/>'
            + f'<rect x="330" y="195" width="140" height="110" rx="18" fill="{main}"/>'
            + f'<circle cx="400" cy="243" r="14" fill="{light}"/><rect x="393" y="248" width="14" height="32" rx="6" fill="{light}"/>'
        )
    if motif == "megaphone":
        return (
            f'<path d="M260 200 L470 110 L470 340 L260 260 Z" fill="{main}"/>'
            f'<rect x="220" y="195" width="50" height="70" rx="10" fill="{dark}"/>'
            + "".join(
                f'<path d="M510 {225 - d} q40 {d} 0 {2 * d}" stroke="{accent}" stroke-width="14" fill="none" stroke-linecap="round"/>'
                for d in (40, 70, 100)
            )
        )
    raise ValueError(f"Unknown illustration motif: {motif}")




def make_illustration(motif, title=""):
    """Return the SVG text of one illustration."""
    background, main, accent, dark, light = PALETTES[MOTIF_PALETTE[motif]]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">'
        f"<title>{escape(title)}</title>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{background}"/>'
        f'<circle cx="690" cy="80" r="120" fill="{light}" opacity="0.55"/>'
        f'<circle cx="90" cy="420" r="140" fill="{light}" opacity="0.45"/>'
        f"{_scene(motif, main, accent, dark, light)}"
        "</svg>"
    )
