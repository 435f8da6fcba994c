# Default JVM options of the server (./vetpacs run and ./vetpacs bench), used when VETPACS_JAVA_OPTS
# is not set. Without them the JVM sizes its heap from the machine's RAM (G1 committed 5.8 GB on a
# 24 GB machine). 768 MiB: the deployment itself needs more than 512 MiB (JNoSQL's class scan of
# the WAR); the live heap after an ingest/retrieve run was ~300 MiB. Serial GC suits a small heap
# on 2 cores and keeps the footprint small; measured in issue #8.
VETPACS_DEFAULT_JAVA_OPTS="-Xms64m -Xmx768m -XX:+UseSerialGC -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=128m"
