#!/usr/bin/env bash
# Build kg's wheel, install it into a fresh venv in a temporary folder outside the checkout, and
# use it there as a new user would: build, query, validate and view a graph, and the Python API.
# Exits non-zero, with the failing step's output, when any step fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/log"

step() {  # step DESCRIPTION COMMAND...: run quietly, show the output when it fails
    if ! "${@:2}" >"$log" 2>&1; then
        echo "wheel check failed: $1" >&2
        cat "$log" >&2
        exit 1
    fi
}

# the wheel is built from a copy of the files git knows (tracked or not ignored), so nothing
# left in the checkout's build/ can slip into it
mkdir "$work/src"
git -C "$root" ls-files -z --cached --others --exclude-standard \
    | tar -C "$root" --null --no-recursion --ignore-failed-read -T - -cf - | tar -xf - -C "$work/src"
step "building the wheel" "$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$work/src"
wheel=("$work"/dist/kg-*.whl)
step "creating a venv" "$python" -m venv "$work/venv"
step "installing ${wheel[0]##*/}" "$work/venv/bin/python" -m pip install --quiet "${wheel[0]}"

mkdir "$work/use"
cd "$work/use"
kg="$work/venv/bin/kg"
cat > article.txt <<'TEXT'
Halvane Robotics partners with Orrin Motors

Halvane Robotics announced a partnership with Orrin Motors on Monday. Halvane Robotics, the
Oslo-based robot maker, launched the Tarnix arm in May. Chief executive Ingrid Haldor said the
arm would ship in June.
TEXT

expect() {  # expect DESCRIPTION TEXT COMMAND...: the command succeeds and prints TEXT
    step "$1" "${@:3}"
    if ! grep -qF -- "$2" "$log"; then
        echo "wheel check failed: $1: no '$2' in its output" >&2
        cat "$log" >&2
        exit 1
    fi
}

expect "kg build" "out/graph.ttl: 1 article" "$kg" build article.txt -o out
expect "kg query --list" "partnerships" "$kg" query --list
expect "kg query --name" "Orrin Motors" "$kg" query out/graph.ttl --name partnerships
expect "kg validate" "conforms to the shapes" "$kg" validate out/graph.ttl
expect "kg viz" "view.html: " "$kg" viz out/graph.ttl -o view.html
expect "the Python API" "Orrin Motors" "$work/venv/bin/python" -c '
import kg
result = kg.build(["article.txt"])
assert not result.problems, result.problems
for row in kg.query(result.graph, "SELECT ?name WHERE { ?s kg:partneredWith/rdfs:label ?name }"):
    print(row["name"])
'
echo "wheel check: ${wheel[0]##*/} installed outside the checkout; kg build, query --list," \
    "query --name, validate, viz and the Python API work"
