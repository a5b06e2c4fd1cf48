#!/usr/bin/env bash
# Runs every test in the solution. On a fresh machine of this kind it first installs what the
# suite needs that may be missing. Prints one closing line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is needed (dotnet on PATH)." >&2
  exit 1
fi

# Installs a Debian package as root, or says what is missing otherwise.
need_package() { # package, what it is for
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing $1 from Debian's packages ($2)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "test.sh: $2 needs Debian's '$1' package." >&2
    exit 1
  fi
}

# PostgreSQL server binaries: the tests start their own throwaway servers with initdb and pg_ctl.
if ! command -v initdb >/dev/null 2>&1 && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  need_package postgresql "the PostgreSQL tests (initdb, pg_ctl)"
fi
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it downloads nothing).
if [ ! -x /usr/bin/chromium ]; then
  need_package chromium "the browser tests (/usr/bin/chromium)"
fi
# The hub's front-end packages come from npm during the build (src/Web/package-lock.json).
if ! command -v npm >/dev/null 2>&1; then
  echo "test.sh: Node.js with npm is needed to build the hub's front-end packages." >&2
  exit 1
fi
# PostgreSQL refuses to run as root; as root the tests run it as the 'postgres' user.
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --create-home postgres
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet test Haarlem.Initiatives.sln --configuration Release 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test project; add them up into the closing line.
awk '
  /(Passed|Failed)!  - Failed: / {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i+1);
      if ($i == "Passed:") passed += $(i+1);
      if ($i == "Skipped:") skipped += $(i+1);
      if ($i == "Total:") projects++;
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped; if (projects == 0) exit 3 }
' "$log" || { echo "test.sh: no test project ran." >&2; exit 1; }

exit "$status"
