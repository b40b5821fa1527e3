#!/bin/bash
# resource_pairs in .asepsis.yml reach the flow rules: a configured handle
# that is not closed on some path is MDS-FIO-002; the guarded version is not.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
git init -q .
cat > .asepsis.yml <<'YML'
resource_pairs:
  - open: pump_session_open
    close: pump_session_close
YML
cat > a.c <<'C'
struct sess;
struct sess *pump_session_open(int id);
void pump_session_close(struct sess *s);
int leaks(int id)
{
	struct sess *s = pump_session_open(id);
	if (!s)
		return -1;
	if (id > 3)
		return -2;
	pump_session_close(s);
	return 0;
}
int closes(int id)
{
	struct sess *s = pump_session_open(id);
	int rc = id > 3 ? -2 : 0;
	if (!s)
		return -1;
	pump_session_close(s);
	return rc;
}
C
expect_status 1 "$ASEPSIS" check a.c --no-db --no-progress --no-color --fail-on warning
expect_grep "a.c:6:.*pump_session_open.*\[MDS-FIO-002\]" "$WORK/out" "configured pair leak"
expect_no_grep "a.c:16:" "$WORK/out" "guarded configured pair"
# without the pair the handle is not a resource
rm .asepsis.yml
expect_status 0 "$ASEPSIS" check a.c --no-db --no-progress --no-color --fail-on warning
finish
