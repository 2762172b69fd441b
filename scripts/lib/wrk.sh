# require_wrk: installs wrk (the HTTP load generator the load and soak scripts drive) from the Debian packages when missing.
require_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}
