# Sourced by ./studio and ./bench.

# Prints the path of a Java 25+ `java`, from JAVA_HOME, /usr/lib/jvm or PATH.
# A JDK's release file names its version; reading it is much quicker than starting the JVM to ask.
java_major() {
  local release version
  release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  fi
  [ -n "${version:-}" ] || version=$("$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p')
  echo "$version"
}
find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

# Prints the studio's run-time class path, given the checkout folder, after `mvn -pl app -am package`.
# Our own modules go in as their jars, not their classes folders: JDK 25's AOT cache accepts only jars.
studio_classpath() {
  local root=$1 version
  version=$(grep -m1 -o '<version>[^<]*</version>' "$root/pom.xml" | sed 's/<[^>]*>//g')
  printf '%s' "$root/app/target/app-$version.jar:"
  sed -E "s#$root/([a-z]+)/target/classes#$root/\\1/target/\\1-$version.jar#g" "$root/app/target/classpath.txt"
}
