# Default JVM options of the server (./vetpacs run and ./vetpacs bench), used when VETPACS_JAVA_OPTS
# is not set. Without them the JVM sizes its heap from the machine's RAM (G1 committed 5.8 GB on a
# 24 GB machine). 768 MiB: the deployment itself needs more than 512 MiB (JNoSQL's class scan of
# the WAR); the live heap after an ingest/retrieve run was ~300 MiB. G1 rather than Serial GC:
# with Serial the 768 MiB deployment took 82 s instead of 39 s to start, for the same peak RSS
# (~1.15 GiB either way; bench A/B of 2026-11-26, issue #8).
VETPACS_DEFAULT_JAVA_OPTS="-Xmx768m -XX:+UseG1GC -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=128m"
