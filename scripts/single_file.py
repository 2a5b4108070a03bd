#!/usr/bin/env python3
"""Makes one self-contained HTML file from the static site: scripts, styles,
the wasm, the fonts and the translation catalogues inlined (base64), so the editor opens from a file on
disk, from a mail attachment or a USB stick, with no server and no network.

Fonts: the UI fonts and the whole CJK font (Chinese works offline). Not the
CJK font's common-characters subset, which only saves a download: with
nothing to download, web/boot.js goes straight to the whole font, and only
when the editor first needs it (it is decoded then, not at start).

usage: single_file.py SITE_DIR OUT.html
"""
import base64
import pathlib
import re
import sys


# Files of the site that the single file leaves out (see above).
SERVED_ONLY = {"fonts/DroidSansFallback-common.ttf"}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    site, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    html = (site / "index.html").read_text(encoding="utf-8")

    fonts = sorted(str(p.relative_to(site)) for p in (site / "fonts").iterdir() if p.is_file())
    if "fonts/DroidSansFallbackFull.ttf" not in fonts:
        print(f"{site}/fonts lacks DroidSansFallbackFull.ttf: build the site first", file=sys.stderr)
        return 1
    # The translation catalogues and templates the wasm does not carry (fetched by need when served).
    catalogues = sorted(str(p.relative_to(site)) for p in (site / "i18n").glob("*.json"))
    templates = sorted(str(p.relative_to(site)) for p in (site / "templates").glob("*.json"))
    if len(templates) < 4:
        print(f"{site}/templates lacks the template bundles: build the site first", file=sys.stderr)
        return 1
    binaries = ["journeymap.wasm"] + [f for f in fonts if f not in SERVED_ONLY] + catalogues + templates
    embedded = ",\n".join(
        f'  "{name}": "{base64.b64encode((site / name).read_bytes()).decode("ascii")}"' for name in binaries)
    # boot.js looks here before fetching a file.
    prelude = f"<script>\nwindow.JM_EMBEDDED = {{\n{embedded}\n}};\n</script>"

    def inline_script(match: re.Match) -> str:
        code = (site / match.group(1)).read_text(encoding="utf-8")
        return "<script>\n" + code.replace("</script", "<\\/script") + "\n</script>"

    def inline_style(match: re.Match) -> str:
        return "<style>\n" + (site / match.group(1)).read_text(encoding="utf-8") + "\n</style>"

    def inline_icon(match: re.Match) -> str:
        data = base64.b64encode((site / match.group(1)).read_bytes()).decode("ascii")
        return f'<link rel="icon" href="data:image/svg+xml;base64,{data}" type="image/svg+xml">'

    html = re.sub(r'<link rel="icon" href="([^"]+)"[^>]*>', inline_icon, html)
    # The web app manifest and its icons belong to the served site (installable,
    # offline through the service worker); a file opened from disk has neither.
    html = re.sub(r'<!-- Installable web app[^>]*-->\n?', "", html)
    html = re.sub(r'<link rel="(manifest|apple-touch-icon)" href="[^"]+">\n?', "", html)
    html = re.sub(r'<link rel="stylesheet" href="([^"]+)">', inline_style, html)
    html = re.sub(r'<script src="([^"]+)"></script>', inline_script, html)
    html = html.replace("<body>", "<body>\n" + prelude, 1)
    out.write_text(html, encoding="utf-8")
    print(f"single-file editor: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
