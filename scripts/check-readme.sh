#!/usr/bin/env bash
# Runs the README's set-up commands exactly as it writes them, from the top folder of this checkout
# (CI's is a fresh clone): the site command, the preview, and an editor's first steps with `./posguide`.
# Fails on the first command that does not do what the README says. scripts/test.sh runs it last.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-readme: $*" >&2; exit 1; }

# The commands are the README's own lines, so an edit to the README is tested as written.
block=$(awk '/^## Set up and use/{on=1; next} on && /^## /{exit} on && /^    (scripts\/|\.\/posguide)/' README.md)
site_command=$(grep -m1 '^    scripts/build-site.sh' <<<"$block" | sed 's/ *#.*//; s/^ *//')
serve_command=$(grep -m1 '^    ./posguide serve' <<<"$block" | sed 's/ *#.*//; s/^ *//')
[ "$site_command" = scripts/build-site.sh ] || fail "README's set-up section no longer shows scripts/build-site.sh"
[ "$serve_command" = "./posguide serve" ] || fail "README's set-up section no longer shows ./posguide serve"

echo "check-readme: $site_command"
log=$(mktemp)
if ! $site_command >"$log" 2>&1; then cat "$log"; fail "$site_command failed"; fi
tail -n 3 "$log"
[ -f public/index.html ] || fail "$site_command left no public/index.html"
tail -n 1 "$log" | grep -q 'public/' || fail "$site_command does not end by saying where the site is"
# The counter checklist is printed on one A4 sheet: an edit to it or to its sources must keep it there.
if [ -f public/guides/checklist.pdf ] && command -v pdfinfo >/dev/null; then
  pages=$(pdfinfo public/guides/checklist.pdf | awk '/^Pages:/{print $2}')
  [ "$pages" = 1 ] || fail "public/guides/checklist.pdf has $pages pages; the printed checklist must fit one A4 page"
fi
[ "$(wc -l <"$log")" -le 40 ] || fail "$site_command printed $(wc -l <"$log") lines (a few are expected)"

echo "check-readme: ./posguide --version"
./posguide --version | grep -Eq '^posguide [0-9]+\.[0-9]+\.[0-9]+ \([0-9a-f]{7,}\+?\)$' || fail "./posguide --version: $(./posguide --version)"

echo "check-readme: $serve_command"
serve_log=$(mktemp)
$serve_command >"$serve_log" 2>&1 &
serve_pid=$!
trap 'kill -INT $serve_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q 'Serving at' "$serve_log" && break; sleep 0.2; done
grep -q 'Serving at http://127.0.0.1:8080/' "$serve_log" || { cat "$serve_log"; fail "$serve_command did not say it serves at http://127.0.0.1:8080/"; }
python3 - <<'PY' || fail "http://127.0.0.1:8080/ did not answer with the home page"
import urllib.request
page = urllib.request.urlopen("http://127.0.0.1:8080/", timeout=10).read().decode()
assert "商户 POS 安全指南" in page
PY
kill -INT $serve_pid; wait $serve_pid || true
trap - EXIT

# An editor's first article, in a copy of the site so the checkout stays as it was.
site=$(mktemp -d)
cp -R content templates "$site/"
echo "check-readme: ./posguide new article articles/<slug>"
./posguide new article articles/readme-check --title 'README 里的第一篇' --source "$site" | grep -q 'content/articles/readme-check.md' \
  || fail "./posguide new article did not print the new file's path"
./posguide check --source "$site" >/dev/null 2>&1 || fail "a new draft article makes ./posguide check fail"
./posguide list drafts --source "$site" | grep -q 'README 里的第一篇' || fail "./posguide list drafts does not list the new draft"
rm -rf "$site" "$log" "$serve_log"
echo "check-readme: the README's commands run as written"
