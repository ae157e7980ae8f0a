#!/usr/bin/env bash
# Screenshots of a sample newsletter digest, as a reader's client shows it at
# 600 px (desktop) and 375 px (phone) wide: docs/digest-600.png and
# docs/digest-375.png.
#
# The digest is built the way staff build one: posts created with the CLI in
# a temporary library, then `postdesk export digest … --format html`. Nothing
# touches your own library. Chromium runs headless with networking features
# off; the HTML loads nothing remote (the sample has no images).
#
# Needs: cargo, and Chromium (Debian: apt-get install -y chromium; or set
# CHROMIUM=/path/to/chrome).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
FIXTURES="$ROOT/tests/fixtures/export_email"

if [[ ! -x "$CHROMIUM" ]]; then
    echo "email-screenshots: $CHROMIUM not found; install chromium or set CHROMIUM." >&2
    exit 1
fi

cargo build --no-default-features --quiet --manifest-path "$ROOT/Cargo.toml"
BIN="$TARGET_DIR/debug/postdesk"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/library.sqlite"

pd() { "$BIN" --db "$DB" "$@"; }

pd config set site.name "Vélo Voisins"
pd config set site.base_url "https://velo-voisins.example.org"
pd config set newsletter.name "Vélo Voisins News"
pd config set newsletter.unsubscribe_url "https://velo-voisins.example.org/unsubscribe"
pd config set org.address "Vélo Voisins, 5120 Rue Saint-Denis, Montréal QC H2J 2M1"

# Four realistic posts, in the order the digest lists them.
slugs=()
slugs+=("$(pd new --title "Council funds the Beaubien crossing" \
    --summary "After two years of letters, petitions and one very cold vigil, the signalled crossing at Beaubien and 9th is funded. Here is what was decided and what comes next." \
    --body-file "$FIXTURES/crossing.md" --tag campaigns --status published --date 2026-03-03)")
slugs+=("$(pd new --title "Bike lanes will be plowed first this winter" \
    --body-file "$FIXTURES/plowing.md" --tag winter --status published --date 2026-02-24)")
slugs+=("$(pd new --title "Our 2025 collision report, in five findings" \
    --summary "Collisions involving people walking fell by 18 % in the borough, but not where children walk to school. Our volunteers read five years of data so you do not have to." \
    --body-file "$FIXTURES/report.md" --tag research --status published --date 2026-02-18)")
slugs+=("$(pd new --title "Join us at the spring town hall on March 19" \
    --body-file "$FIXTURES/town-hall.md" --tag events --status published --date 2026-02-12)")

pd export digest "${slugs[@]}" --format html --esp plain --date 2026-03-05 \
    --intro-file "$FIXTURES/intro.md" --out "$WORK/digest.html"

mkdir -p "$ROOT/docs"
# Tall enough for the whole digest at each width, footer included.
for size in 600,1400 375,1750; do
    width="${size%,*}"
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run \
        --user-data-dir="$(mktemp -d "$WORK/chromium.XXXXXX")" --hide-scrollbars \
        --window-size="$size" --screenshot="$ROOT/docs/digest-$width.png" \
        "file://$WORK/digest.html" 2>/dev/null
    echo "Wrote docs/digest-$width.png"
done
