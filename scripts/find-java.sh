# Sourced by ./huixun, ./run-tests and .ci/run: sets JAVA_HOME to a JDK of version 21 or newer.
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm, then `java` on the PATH.
huixun_java_version() { # prints the feature version of the JDK at $1, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  echo "${v:-0}"
}
huixun_find_java() {
  local candidate best="" best_v=0 v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* ; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$(huixun_java_version "$candidate")
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ "${v%%.*}" -gt "$best_v" ]; then best="$candidate"; best_v="${v%%.*}"; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(huixun_java_version "$candidate")
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then best="$candidate"; fi
  fi
  if [ -z "$best" ]; then
    echo "huixun: no Java 21+ JDK found (looked at \$JAVA_HOME, /usr/lib/jvm/*, PATH); install one: on Debian 13 apt-get install openjdk-21-jdk-headless; Debian 12 has only Java 17, so there install Eclipse Temurin 21+ (the temurin-21-jdk package of Adoptium)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
