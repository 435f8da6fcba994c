#!/usr/bin/env bash
# ./vetpacs bench [--orthanc] [--quick] [--runs N] [--url DICOMWEB_ROOT] [--index-size N] [--no-build]
#                 [--only GROUP,...] [--warm-up N]
# Ports: VETPACS_BENCH_HTTP_PORT (18080), VETPACS_BENCH_DICOM_PORT (11412) and
# VETPACS_BENCH_MONGODB_PORT (18017, the embedded index, used to grow it past 10k instances by
# cloning index records for --index-size); Orthanc's: VETPACS_BENCH_ORTHANC_HTTP_PORT (18042) and
# VETPACS_BENCH_ORTHANC_DICOM_PORT (14242). JVM options of the server: VETPACS_JAVA_OPTS (default:
# scripts/jvm-defaults.sh, as ./vetpacs run).
# Starts VetPACS on its defaults in a scratch data folder (unless --url is given), optionally
# Orthanc + its DICOMweb plugin from Debian on loopback ports with a temporary configuration,
# runs the benchmark client (test-data: org.vetpacs.testdata.bench.Benchmark) and prints a table.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ORTHANC=0; QUICK=""; RUNS=3; URL=""; INDEX_SIZE=""; BUILD=1; ONLY=""; WARM_UP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --orthanc) ORTHANC=1 ;;
    --quick) QUICK="--quick" ;;
    --runs) RUNS="$2"; shift ;;
    --url) URL="$2"; shift ;;
    --index-size) INDEX_SIZE="--index-size $2"; shift ;;
    --only) ONLY="--only $2"; shift ;;
    --warm-up) WARM_UP="--warm-up $2"; shift ;;
    --no-build) BUILD=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

WORK="$(mktemp -d /tmp/vetpacs-bench.XXXXXX)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 2
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { # url, seconds -> prints elapsed ms
  local url=$1 limit=$2 start now
  start=$(date +%s%N)
  until curl -sf -o /dev/null "$url"; do
    now=$(date +%s%N)
    if [ $(( (now - start) / 1000000000 )) -ge "$limit" ]; then echo "timeout waiting for $url" >&2; return 1; fi
    sleep 0.2
  done
  now=$(date +%s%N)
  echo $(( (now - start) / 1000000 ))
}

# Waits (up to 90 s) until a process uses less than a quarter of a core over 2 s: after "ready"
# the server still warms up in the background (the FHIR validator, ~20 s of one core), which
# would otherwise be measured as part of the first figures.
settle() {
  local pid=$1 before after i tick
  tick=$(getconf CLK_TCK)
  for i in $(seq 1 45); do
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || return 0
    sleep 2
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || return 0
    if [ $(( (after - before) * 100 / (2 * tick) )) -lt 25 ]; then
      echo "[bench] server idle after $(( i * 2 )) s of warm-up"
      return 0
    fi
  done
  echo "[bench] server still busy after 90 s; measuring anyway"
}

ARGS=(--work "$WORK/client" --runs "$RUNS" $QUICK $INDEX_SIZE $ONLY $WARM_UP)
if [ -z "$URL" ]; then
  if [ "$BUILD" = 1 ]; then
    "$ROOT/scripts/setup.sh"
    "$ROOT/vetpacs" build >/dev/null
  fi
  mkdir -p "$WORK/vetpacs"
  . "$ROOT/scripts/jvm-defaults.sh"
  HTTP=${VETPACS_BENCH_HTTP_PORT:-18080}; DICOM=${VETPACS_BENCH_DICOM_PORT:-11412}
  MONGO=${VETPACS_BENCH_MONGODB_PORT:-18017}
  VETPACS_DATA_DIR="$WORK/vetpacs" VETPACS_HTTP_PORT=$HTTP VETPACS_DICOM_PORT=$DICOM \
    VETPACS_EMBEDDED_MONGODB_PORT=$MONGO \
    java ${VETPACS_JAVA_OPTS:-$VETPACS_DEFAULT_JAVA_OPTS} -jar server/target/payara-micro.jar --deploy server/target/vetpacs.war --contextroot / \
    --port $HTTP --nohazelcast --prebootcommandfile "$ROOT/scripts/payara-preboot.asadmin" \
    > "$WORK/vetpacs.log" 2>&1 &
  PIDS+=($!)
  START_MS=$(wait_for "http://127.0.0.1:$HTTP/health/ready" 300)
  ARGS+=(--vetpacs "http://127.0.0.1:$HTTP/dicom-web" --vetpacs-dicom "127.0.0.1:$DICOM:VETPACS"
         --vetpacs-pid "${PIDS[0]}" --vetpacs-start-ms "$START_MS"
         --vetpacs-mongodb "mongodb://127.0.0.1:$MONGO")
  echo "[bench] VetPACS up in ${START_MS} ms (log: $WORK/vetpacs.log)"
  settle "${PIDS[0]}"
else
  ARGS+=(--vetpacs "$URL")
fi

if [ "$ORTHANC" = 1 ]; then
  if ! command -v Orthanc >/dev/null || [ ! -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ]; then
    echo "[bench] installing orthanc and orthanc-dicomweb from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq orthanc orthanc-dicomweb >/dev/null
  fi
  mkdir -p "$WORK/orthanc"
  O_HTTP=${VETPACS_BENCH_ORTHANC_HTTP_PORT:-18042}; O_DICOM=${VETPACS_BENCH_ORTHANC_DICOM_PORT:-14242}
  cat > "$WORK/orthanc/config.json" <<JSON
{
  "Name": "bench", "StorageDirectory": "$WORK/orthanc/storage", "IndexDirectory": "$WORK/orthanc/index",
  "HttpPort": $O_HTTP, "DicomPort": $O_DICOM, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "StorageCompression": false, "DicomCheckCalledAet": false,
  "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
}
JSON
  Orthanc "$WORK/orthanc/config.json" > "$WORK/orthanc.log" 2>&1 &
  PIDS+=($!)
  O_START=$(wait_for "http://127.0.0.1:$O_HTTP/system" 60)
  ARGS+=(--orthanc "http://127.0.0.1:$O_HTTP/dicom-web" --orthanc-dicom "127.0.0.1:$O_DICOM:ORTHANC"
         --orthanc-pid "${PIDS[-1]}" --orthanc-start-ms "$O_START")
  echo "[bench] Orthanc up in ${O_START} ms"
fi

mvn -B -q -pl test-data exec:java -Dexec.mainClass=org.vetpacs.testdata.bench.Benchmark \
  -Dexec.args="${ARGS[*]}" 2>&1 | grep --line-buffered -v "^\[main\] ERROR com.pixelmed"
if [ -f "$WORK/vetpacs/index/vetpacs.mv" ]; then
  echo "[bench] index file: $(du -m "$WORK/vetpacs/index/vetpacs.mv" | cut -f1) MB"
fi
