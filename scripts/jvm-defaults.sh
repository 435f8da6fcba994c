# Default JVM options of the server (./vetpacs run and ./vetpacs bench), used when VETPACS_JAVA_OPTS
# is not set. Without them the JVM sizes its heap from the machine's RAM (G1 committed 5.8 GB on a
# 24 GB machine). 512 MiB: the live heap after an ingest/retrieve run was ~300 MiB; the deployment
# fits since JNoSQL scans only org.vetpacs (server's VetpacsClassScanner; its own scan of the whole
# WAR needed more than 512 MiB). G1 rather than Serial GC: with Serial a 768 MiB deployment took
# 82 s instead of 39 s to start, for the same peak RSS (bench A/B of 2026-11-26, issue #8).
VETPACS_DEFAULT_JAVA_OPTS="-Xmx512m -XX:+UseG1GC -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=128m"
