# Prometheus for the scrape test (tests/ContentHub.Tests/Observability/PrometheusScrapeTests.cs), which starts its own
# private server on loopback with its own configuration, data folder and port. Source this file, then:
# prometheus_private_install (only when the prometheus binary is missing). The Debian package's own service, which
# would take port 9090 and keep a database under /var/lib, is kept from starting.

prometheus_private_install() {
  if ! command -v prometheus >/dev/null; then
    apt-get update -qq
    # Only the binary is wanted: a policy-rc.d refusing every start keeps the package's system service down.
    local policy=/usr/sbin/policy-rc.d created=""
    if [[ ! -e "$policy" ]]; then
      printf '#!/bin/sh\nexit 101\n' >"$policy"
      chmod +x "$policy"
      created=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    if [[ -n "$created" ]]; then rm -f "$policy"; fi
  fi
  # Started anyway (e.g. by systemd on a full machine): stop it, the tests never use it.
  if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl disable --now prometheus >/dev/null 2>&1 || true
  fi
}
