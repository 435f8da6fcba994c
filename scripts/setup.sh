#!/usr/bin/env bash
# Idempotent set-up of everything VetPACS needs that is not on Maven Central:
#  - Debian packages: dcmtk (the independent DIMSE peer used by tests), PixelMed (DICOM toolkit);
#  - the PixelMed jars installed into the local Maven repository at fixed coordinates.
# Called by both README commands (./vetpacs run, ./vetpacs test); safe to run again and again.
set -euo pipefail

PIXELMED_VERSION=20220618
PIXELMED_IMAGEIO_VERSION=20200328
DEBIAN_PACKAGES=(dcmtk libpixelmed-java libpixelmed-imageio-java)

log() { echo "[setup] $*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

m2_repo() {
  if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then echo "$MAVEN_REPO_LOCAL"; else echo "$HOME/.m2/repository"; fi
}

# Installs a Debian jar into the local Maven repository without its MANIFEST Class-Path:
# Debian's Class-Path points at /usr/share/java/*, which Payara follows, so a build would only
# work where those jars happen to be installed (see shared STACK-NOTES).
install_jar() {
  local source_jar=$1 artifact=$2 version=$3
  local target
  target="$(m2_repo)/com/pixelmed/$artifact/$version/$artifact-$version.jar"
  if [ -f "$target" ]; then return 0; fi
  log "installing $source_jar as com.pixelmed:$artifact:$version"
  local work
  work=$(mktemp -d)
  (
    cd "$work"
    mkdir content
    (cd content && jar xf "$source_jar")
    # Drop Class-Path and its continuation lines (which start with a space).
    awk 'BEGIN{skip=0} /^Class-Path:/{skip=1; next} skip && /^ /{next} {skip=0; print}' \
      content/META-INF/MANIFEST.MF | grep -v '^Created-By' > manifest.txt || true
    rm -f content/META-INF/MANIFEST.MF
    jar cfm clean.jar manifest.txt -C content .
    mvn -q -B install:install-file -Dfile=clean.jar -DgroupId=com.pixelmed \
      -DartifactId="$artifact" -Dversion="$version" -Dpackaging=jar -DgeneratePom=true
  )
  rm -rf "$work"
}

install_jar /usr/share/java/pixelmed.jar pixelmed "$PIXELMED_VERSION"
install_jar /usr/share/java/pixelmed_imageio.jar pixelmed-imageio "$PIXELMED_IMAGEIO_VERSION"
log "ready"
