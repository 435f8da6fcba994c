# Default JVM options of the server (./vetpacs run and ./vetpacs bench), used when VETPACS_JAVA_OPTS
# is not set. Without them the JVM sizes its heap from the machine's RAM (G1 committed 5.8 GB on a
# 24 GB machine). 512 MiB: the live heap after an ingest/retrieve run was ~300 MiB; the deployment
# fits since JNoSQL scans only org.vetpacs (server's VetpacsClassScanner; its own scan of the whole
# WAR needed more than 512 MiB). G1 rather than Serial GC: with Serial a 768 MiB deployment took
# 82 s instead of 39 s to start, for the same peak RSS (bench A/B of 2026-11-26, issue #8).
# G1 starts a concurrent marking cycle when the old generation passes InitiatingHeapOccupancyPercent
# of the heap (45%, then adapted). The server's live heap after a full GC is ~290 MiB, 57% of the
# 512 MiB (mostly the FHIR validator's R4 and R5 StructureDefinitions): above the threshold for
# good, so every few young collections started another marking of the whole live heap. A WADO-RS
# retrieve of a 105 MB CT study cost 124 ms of GC threads' CPU (40-50 marking cycles in a run),
# 20 ms with marking from 75% (384 MiB) only; a 15 MB STOW-RS 9 ms and 0 (per-thread CPU, bench
# A/B of 2026-11-26, issue #8). 75% still leaves 128 MiB for the young generation and promotions
# while a marking runs; the old generation grows only by what survives young collections.
# String deduplication: the live heap after a full GC 287 -> 253 MiB (the FHIR definitions' texts,
# many of them equal), more room under the marking threshold; no CPU difference measured per
# STOW-RS or WADO-RS request, peak RSS within the run-to-run spread.
VETPACS_DEFAULT_JAVA_OPTS="-Xmx512m -XX:+UseG1GC -XX:InitiatingHeapOccupancyPercent=75 -XX:-G1UseAdaptiveIHOP -XX:+UseStringDeduplication -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=128m"
