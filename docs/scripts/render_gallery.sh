#!/usr/bin/env bash
# Render three pages of the example agency's LKjIP (PDF) to PNG for the docs' gallery page:
# the cover, the first page of BAB III A (analysis and a chart) and the budget chart page.
# Needs pdftoppm and pdftotext (Debian's poppler-utils). Run by hand, not in CI:
#   bash docs/scripts/render_gallery.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
pdf="$out/lkjip-2023.pdf"
sakip report sampang-disnaker --year 2023 --format pdf --output "$pdf"
page_with() {  # the first page whose text holds $1 (after the table of contents)
  local pages n
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for n in $(seq 3 "$pages"); do
    if pdftotext -f "$n" -l "$n" "$pdf" - | grep -q "$1"; then echo "$n"; return; fi
  done
}
rm -f docs/gallery/*.png
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" docs/gallery/lkjip-2023-sampul
n=$(page_with "A. Capaian Kinerja")
pdftoppm -png -r 60 -f "$n" -l "$n" -singlefile "$pdf" docs/gallery/lkjip-2023-bab-iii
n=$(page_with "Serapan anggaran per program")
pdftoppm -png -r 60 -f "$n" -l "$n" -singlefile "$pdf" docs/gallery/lkjip-2023-anggaran
ls docs/gallery
