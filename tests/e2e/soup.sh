#!/bin/bash
# asepsis soup: components of a small vendored tree (shapes of FreeRTOS, lwIP,
# Mbed TLS and zlib headers, written for the tests), unidentified and declared
# code, the CycloneDX SBOM against the official schema, the test feed, SARIF,
# SOUP findings kept apart in check, and bad input.
. "$(dirname "$0")/lib.sh"

FW=$WORK/fw
cp -r "$SRC/testdata/soup/firmware" "$FW"
mkdir -p "$FW/build"
sed "s|@ROOT@|$FW|g" "$FW/compile_commands.in.json" > "$FW/build/compile_commands.json"
FEED=$SRC/testdata/soup/feed/advisories.json
cd "$FW" || exit 1
git init -q . 2>/dev/null

# ---- identification ----------------------------------------------------------
expect_status 0 "$ASEPSIS" soup -p build --files
cp "$WORK/out" "$WORK/list"
expect_grep '^FreeRTOS-Kernel 10.4.3 \[identified\]' "$WORK/list" "FreeRTOS version"
expect_grep '^lwIP 2.1.2 \[identified\]' "$WORK/list" "lwIP version from the three parts"
expect_grep '^Mbed TLS 3.4.0 \[identified\]' "$WORK/list" "Mbed TLS version"
expect_grep '^zlib 1.2.11 \[identified\]' "$WORK/list" "zlib version"
expect_grep '^ringbuf (version unknown) \[unidentified\]' "$WORK/list" "folder with its own licence"
expect_grep '^ACME CRC 1.0.2 \[declared\]' "$WORK/list" "declared component"
# licences: SPDX tags, licence texts, licence file, declaration
awk '/^FreeRTOS-Kernel/,/^$/' "$WORK/list" > "$WORK/c"; expect_grep 'licence:  MIT (SPDX tags)' "$WORK/c" "FreeRTOS licence"
awk '/^lwIP/,/^$/' "$WORK/list" > "$WORK/c"; expect_grep 'licence:  BSD-3-Clause (licence text)' "$WORK/c" "lwIP licence"
awk '/^Mbed TLS/,/^$/' "$WORK/list" > "$WORK/c"; expect_grep 'licence:  Apache-2.0 OR GPL-2.0-or-later (SPDX tags)' "$WORK/c" "Mbed TLS licence"
awk '/^zlib/,/^$/' "$WORK/list" > "$WORK/c"; expect_grep 'licence:  Zlib (licence text)' "$WORK/c" "zlib licence"
awk '/^ringbuf/,/^$/' "$WORK/list" > "$WORK/c"; expect_grep 'licence:  MIT (licence file)' "$WORK/c" "licence file"
awk '/^ACME CRC/,/^$/' "$WORK/list" > "$WORK/c"; expect_grep 'LicenseRef-ACME-Commercial (declared)' "$WORK/c" "declared licence"
# evidence with file and line
expect_grep 'third_party/FreeRTOS-Kernel/include/task.h:8: version: #define tskKERNEL_VERSION_NUMBER "V10.4.3"' "$WORK/list" "version evidence"
expect_grep 'third_party/lwip/src/include/lwip/init.h:18: version: #define LWIP_VERSION_MAJOR 2' "$WORK/list" "lwIP version evidence"
expect_grep '.asepsis.yml:2: declared:' "$WORK/list" "declaration evidence"
# headers reached through includes belong to their component; the product's own files to none
expect_grep 'third_party/mbedtls/include/mbedtls/build_info.h (included)' "$WORK/list" "included header listed"
expect_no_grep 'src/main.c' "$WORK/list" "product code is not SOUP"
expect_grep '^asepsis: 6 components (4 identified, 1 unidentified, 1 declared) in 13 of 16 files; 2 files in unidentified' "$WORK/list" "summary"

# a declaration overrides detection for its files
cat > "$WORK/decl.yml" <<'EOF'
soup:
  - name: zlib
    version: 1.2.11-acme
    path: lib/zlib
    licence: Zlib
EOF
expect_status 0 "$ASEPSIS" soup -p build --config "$WORK/decl.yml"
expect_grep '^zlib 1.2.11-acme \[declared\]' "$WORK/out" "declared zlib"
expect_no_grep '^zlib 1.2.11 \[identified\]' "$WORK/out" "detected zlib replaced"
expect_grep 'states zlib 1.2.11; the declaration says 1.2.11-acme' "$WORK/out" "detected version kept as evidence"

# ---- SBOM ---------------------------------------------------------------------
expect_status 1 "$ASEPSIS" soup -p build --sbom "$WORK/sbom.json" --vulns "$FEED" \
	--sarif "$WORK/soup.sarif"
cp "$WORK/out" "$WORK/vulns"
if ! "$SRC/scripts/cyclonedx-validate" "$WORK/sbom.json" >"$WORK/v.out" 2>&1; then
	fail "the SBOM does not validate against the CycloneDX 1.5 schema"
	sed 's/^/  | /' "$WORK/v.out" | head -30
fi
jq -r '.components[] | "\(.name)|\(.version // "-")|\(.purl // "-")|\(.cpe // "-")|\(.licenses[0].license.id // .licenses[0].expression // "-")"' \
	"$WORK/sbom.json" > "$WORK/comps"
expect_grep '^FreeRTOS-Kernel|10.4.3|pkg:github/freertos/freertos-kernel@V10.4.3|cpe:2.3:o:amazon:freertos:10.4.3' "$WORK/comps" "FreeRTOS in the SBOM"
expect_grep '^lwIP|2.1.2|pkg:generic/lwip@2.1.2|cpe:2.3:a:lwip_project:lwip:2.1.2:.*|BSD-3-Clause$' "$WORK/comps" "lwIP in the SBOM"
expect_grep '^Mbed TLS|3.4.0|pkg:github/mbed-tls/mbedtls@v3.4.0|.*|Apache-2.0 OR GPL-2.0-or-later$' "$WORK/comps" "Mbed TLS expression"
expect_grep '^ringbuf|-|-|-|MIT$' "$WORK/comps" "unidentified in the SBOM"
# file hashes, the product's dependency on each component
want=$(sha256sum third_party/lwip/src/core/init.c | cut -d' ' -f1)
got=$(jq -r '.components[] | select(.name == "lwIP") | .components[] | select(.name == "third_party/lwip/src/core/init.c") | .hashes[0].content' "$WORK/sbom.json")
[ "$want" = "$got" ] || fail "file hash of init.c: '$got', wanted '$want'"
n=$(jq '.dependencies[] | select(.ref == "product") | .dependsOn | length' "$WORK/sbom.json")
[ "$n" = 6 ] || fail "the product depends on $n components, wanted 6"
jq -r '.vulnerabilities[] | "\(.id) \(.affects[0].ref)"' "$WORK/sbom.json" | sort > "$WORK/sv"
expect_grep '^ASEPSIS-TEST-2024-0001 soup:lwIP@2.1.2$' "$WORK/sv" "SBOM vulnerability lwIP"
expect_grep '^ASEPSIS-TEST-2024-0002 soup:Mbed TLS@3.4.0$' "$WORK/sv" "SBOM vulnerability Mbed TLS"
[ "$(wc -l < "$WORK/sv")" = 4 ] || fail "SBOM holds $(wc -l < "$WORK/sv") vulnerabilities, wanted 4"
# the same input gives the same SBOM (timestamp aside)
SOURCE_DATE_EPOCH=0 "$ASEPSIS" soup -p build --sbom "$WORK/a.json" --quiet >/dev/null
SOURCE_DATE_EPOCH=0 "$ASEPSIS" soup -p build --sbom "$WORK/b.json" --quiet >/dev/null
cmp -s "$WORK/a.json" "$WORK/b.json" || fail "two SBOMs of the same tree differ"

# ---- vulnerabilities ----------------------------------------------------------------
expect_grep 'error: ASEPSIS-TEST-2024-0001 (CVE-0000-10001) \[critical\] 9.8: .*fixed in 2.2.0' "$WORK/vulns" "lwIP advisory by ecosystem name and range"
expect_grep 'warning: ASEPSIS-TEST-2024-0002 (CVE-0000-10002) \[medium\]: .*fixed in 3.4.1' "$WORK/vulns" "Mbed TLS advisory by purl"
expect_grep 'error: ASEPSIS-TEST-2024-0003 \[high\]' "$WORK/vulns" "last_affected includes the version"
expect_grep 'note: ASEPSIS-TEST-2024-0005 \[low\]' "$WORK/vulns" "explicit versions"
expect_no_grep 'ASEPSIS-TEST-2024-0004' "$WORK/vulns" "fixed before the version"
expect_no_grep 'ASEPSIS-TEST-2024-0006' "$WORK/vulns" "npm package of the same name"
expect_grep '^asepsis: 4 known vulnerabilities matched (6 advisories in the feed)' "$WORK/vulns" "vulnerability summary"
expect_status 0 "$ASEPSIS" soup -p build --vulns "$FEED" --fail-on none
if ! "$SHARED/tools/sarif-validate" "$WORK/soup.sarif" >"$WORK/sv.out" 2>&1; then
	fail "the SOUP SARIF does not validate"
	sed 's/^/  | /' "$WORK/sv.out" | head -30
fi
[ "$(jq -r '.runs[0].automationDetails.id' "$WORK/soup.sarif")" = "asepsis/soup/" ] || fail "SOUP SARIF category"
jq -r '.runs[0].results[] | "\(.ruleId) \(.locations[0].physicalLocation.artifactLocation.uri):\(.locations[0].physicalLocation.region.startLine) \(.properties.soupComponent)"' \
	"$WORK/soup.sarif" > "$WORK/sr"
expect_grep '^ASEPSIS-TEST-2024-0001 third_party/lwip/src/include/lwip/init.h:18 lwIP$' "$WORK/sr" "SARIF result at the version macro"

# a CycloneDX VEX document as the feed
cat > "$WORK/vex.json" <<'EOF'
{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
 "components": [{"type": "library", "bom-ref": "z", "name": "zlib",
                 "cpe": "cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*"}],
 "vulnerabilities": [
  {"id": "ASEPSIS-TEST-VEX-1", "description": "fictional", "affects": [{"ref": "z",
     "versions": [{"range": "vers:generic/>=1.2.0|<1.2.12", "status": "affected"}]}]},
  {"id": "ASEPSIS-TEST-VEX-2", "description": "fictional, not this version", "affects": [{"ref": "z",
     "versions": [{"range": "vers:generic/>=1.2.12", "status": "affected"}]}]}]}
EOF
expect_status 0 "$ASEPSIS" soup -p build --vulns "$WORK/vex.json" --fail-on error
expect_grep 'ASEPSIS-TEST-VEX-1' "$WORK/out" "VEX range by CPE"
expect_no_grep 'ASEPSIS-TEST-VEX-2' "$WORK/out" "VEX range excludes"

# ---- check keeps SOUP findings apart ---------------------------------------------------
expect_status 0 "$ASEPSIS" check -p build --no-progress --fail-on error --sarif "$WORK/check.sarif" \
	--db "$WORK/a.db"
expect_status 1 "$ASEPSIS" check -p build --no-progress --fail-on warning --db "$WORK/a.db"
cp "$WORK/out" "$WORK/chk"
expect_grep '^src/app.c:9:.*\[MDS-BAN-002\]' "$WORK/chk" "own finding"
expect_grep 'findings in third-party components (SOUP), evaluated apart' "$WORK/chk" "SOUP section"
expect_grep 'third_party/mbedtls/library/ssl_tls.c:10:.*(SOUP: Mbed TLS 3.4.0)' "$WORK/chk" "SOUP finding tagged"
# the own finding comes before the section, the SOUP ones after it
own=$(grep -n '^src/app.c:9' "$WORK/chk" | cut -d: -f1)
sec=$(grep -n 'evaluated apart' "$WORK/chk" | cut -d: -f1)
[ -n "$own" ] && [ -n "$sec" ] && [ "$own" -lt "$sec" ] || fail "own findings are not listed before the SOUP section"
# without the product's own warning, SOUP warnings do not fail the gate
sed -i 's/strcpy(label, name);/label[0] = name[0];/' src/app.c
expect_status 0 "$ASEPSIS" check -p build --no-progress --fail-on warning --no-db
expect_status 1 "$ASEPSIS" check -p build --no-progress --fail-on warning --no-db --soup-policy report
expect_status 0 "$ASEPSIS" check -p build --no-progress --fail-on warning --no-db --soup-policy ignore
expect_grep 'in SOUP not shown (--soup-policy ignore)' "$WORK/out" "ignored SOUP findings counted"
expect_no_grep 'ssl_tls.c' "$WORK/out" "ignored SOUP findings not shown"
c=$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM occurrences WHERE component = 'Mbed TLS'" 2>/dev/null || echo x)
[ "$c" = 2 ] || fail "store: $c occurrences tagged Mbed TLS over two runs, wanted 2"
jq -r '.runs[0].results[] | select(.properties.soupComponent) | .properties.soupComponent' \
	"$WORK/check.sarif" | sort -u > "$WORK/sc"
expect_grep '^FreeRTOS-Kernel$' "$WORK/sc" "SARIF soupComponent"
if ! "$SHARED/tools/sarif-validate" "$WORK/check.sarif" >"$WORK/cv.out" 2>&1; then
	fail "check SARIF with SOUP properties does not validate"
	sed 's/^/  | /' "$WORK/cv.out" | head -20
fi

# ---- bad input: clear messages, exit 2 ---------------------------------------------------------
mkdir -p "$WORK/sigs"
cat > "$WORK/sigs/bad.yaml" <<'EOF'
component: Broken
markers:
  - file: "*.h"
    regex: 'unclosed (group'
EOF
expect_status 2 "$ASEPSIS" soup -p build --soup-dir "$WORK/sigs"
expect_grep "sigs/bad.yaml:4:[0-9]*: marker regex: bad regular expression 'unclosed (group' at offset [0-9]*" "$WORK/err" "bad regex names file and line"
expect_status 2 "$ASEPSIS" check -p build --no-progress --no-db --config <(printf 'soup_dirs: [%s]\n' "$WORK/sigs")
expect_grep "bad.yaml:4:" "$WORK/err" "check reports the bad signature file too"
printf 'supplier: Nobody\nmarkers: [x]\n' > "$WORK/sigs/bad.yaml"
expect_status 2 "$ASEPSIS" soup -p build --soup-dir "$WORK/sigs"
expect_grep "sigs/bad.yaml:1:1: missing required key 'component'" "$WORK/err" "missing field"
printf 'component: X\nversions:\n  - regex: "v([0-9]+)"\n' > "$WORK/sigs/bad.yaml"
expect_status 2 "$ASEPSIS" soup -p build --soup-dir "$WORK/sigs"
expect_grep "sigs/bad.yaml:3:5: a version entry needs 'file'" "$WORK/err" "version entry without file"
printf 'component: zlib\nmarkers: [x]\n' > "$WORK/sigs/bad.yaml"
expect_status 2 "$ASEPSIS" soup -p build --soup-dir "$WORK/sigs"
expect_grep "component 'zlib' is already defined in rules/soup/zlib.yaml" "$WORK/err" "duplicate component"
printf 'component: Y\ncolour: red\nmarkers: [x]\n' > "$WORK/sigs/bad.yaml"
expect_status 2 "$ASEPSIS" soup -p build --soup-dir "$WORK/sigs"
expect_grep "bad.yaml:2:1: unknown key 'colour'" "$WORK/err" "unknown key"
rm -rf "$WORK/sigs"

# a user signature finds a component the built-in data does not know
mkdir -p "$WORK/sigs"
cat > "$WORK/sigs/acme-ringbuf.yaml" <<'EOF'
component: ACME ring buffer
supplier: Example Authors
folders: [ringbuf]
markers:
  - file: "ringbuf.h"
    regex: 'int ringbuf_put\('
EOF
expect_status 0 "$ASEPSIS" soup -p build --soup-dir "$WORK/sigs"
expect_grep '^ACME ring buffer (version unknown) \[identified\]' "$WORK/out" "user signature"
expect_grep 'licence:  MIT (licence file)' "$WORK/out" "licence file of an identified component"

# conflicting declarations
cat > "$WORK/conf.yml" <<'EOF'
soup:
  - {name: A, version: "1", path: vendor/acme_crc}
  - {name: B, version: "2", path: vendor/acme_crc/}
EOF
expect_status 2 "$ASEPSIS" soup -p build --config "$WORK/conf.yml"
expect_grep "conf.yml:3: soup: 'B' and 'A' (line 2) both declare the path 'vendor/acme_crc'" "$WORK/err" "conflicting declarations"
printf 'soup:\n  - {name: A, path: vendor}\n' > "$WORK/conf.yml"
expect_status 2 "$ASEPSIS" soup -p build --config "$WORK/conf.yml"
expect_grep "conf.yml:2: a soup entry needs 'version'" "$WORK/err" "declaration without version"

# malformed feeds
printf '[{"id": "X-1", "affected": [' > "$WORK/bad.json"
expect_status 2 "$ASEPSIS" soup -p build --vulns "$WORK/bad.json"
expect_grep "bad.json:1:[0-9]*: malformed feed (not JSON)" "$WORK/err" "malformed feed"
printf '{"id": "X-2", "affected": [{"package": {"ecosystem": "Cobol", "name": "z"}}]}' > "$WORK/bad.json"
expect_status 2 "$ASEPSIS" soup -p build --vulns "$WORK/bad.json"
expect_grep "bad.json: advisory X-2: unknown ecosystem 'Cobol'" "$WORK/err" "unknown ecosystem"
printf '{"id": "X-3"}' > "$WORK/bad.json"
expect_status 2 "$ASEPSIS" soup -p build --vulns "$WORK/bad.json"
expect_grep "advisory X-3: missing list 'affected'" "$WORK/err" "advisory without affected"
printf '{"id": "X-4", "affected": [{"package": {"ecosystem": "OSS-Fuzz", "name": "zlib"}, "ranges": [{"type": "SEMVER", "events": [{"broken": "1"}]}]}]}' > "$WORK/bad.json"
expect_status 2 "$ASEPSIS" soup -p build --vulns "$WORK/bad.json"
expect_grep "advisory X-4: event 'broken'" "$WORK/err" "bad event"
expect_status 2 "$ASEPSIS" soup -p build --vulns "$WORK/missing.json"
expect_grep "missing.json: no such feed" "$WORK/err" "missing feed"
expect_status 2 "$ASEPSIS" soup
expect_status 2 "$ASEPSIS" soup -p build --sarif "$WORK/x.sarif"
expect_status 2 "$ASEPSIS" check -p build --soup-policy maybe
finish
