#!/usr/bin/env bash
# Fails the job by asepsis's verdict: 0 passes; 1 means findings at or above
# fail-on; 2 and 3 mean asepsis could not do its job, which is never a pass.
set -euo pipefail
case "${STATUS:-}" in
  0) echo "asepsis: passed" ;;
  1) echo "::error title=asepsis::findings at or above the fail-on level (see the job summary)"; exit 1 ;;
  2) echo "::error title=asepsis::usage or configuration error (see the log of the Run asepsis step)"; exit 2 ;;
  3) echo "::error title=asepsis::the analysis failed (see the log of the Run asepsis step)"; exit 3 ;;
  *) echo "::error title=asepsis::asepsis did not run (status '${STATUS:-}')"; exit 3 ;;
esac
