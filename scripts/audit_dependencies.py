"""Audit the installed dependencies for known vulnerabilities with pip-audit.

    python scripts/audit_dependencies.py      # `make audit`; run by .ci/run

What is audited is what runs: every package installed in the project's virtualenv (the pins
of pyproject.toml, everything they pulled in, and pip and setuptools themselves), frozen to
var/audit-requirements.txt. pip-audit runs from its own virtualenv (.venv-audit, created on
first use) so that its own dependencies are neither audited nor mixed with the site's.

Outcome (exit status):
- 1: a known vulnerability in an installed package (listed, with the versions that fix it);
- 0: every package audited, none vulnerable (packages that could not be audited are named);
- 2: nothing could be audited. pip-audit needs vulnerability data per release: PyPI's
  per-release JSON API (`/pypi/NAME/VERSION/json`) or the OSV database. A package index or
  mirror that serves only `/simple/` (and `/pypi/NAME/json`, whose vulnerabilities are those
  of the latest release only), or no network at all, leaves every package unaudited. That is
  never a pass: it fails, loudly, **unless** the machine is declared to have no access to
  vulnerability data with PIP_AUDIT_STRICT=0. Then the same banner is printed and the exit
  status is 0, but only when the services were unreachable; pip-audit failing in any other
  way still fails.

PIP_AUDIT_STRICT=1 (the default) is for any machine with internet access. .ci/run sets
PIP_AUDIT_STRICT=0 because its machines reach only the package registries (tried: the
per-release JSON API answers 404 there and OSV does not resolve).
PIP_AUDIT_IGNORE="GHSA-…,PYSEC-…" ignores advisories that were reviewed and do not apply
(write down why in the commit that sets it).
"""

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PYTHON = Path(sys.executable)
AUDIT_VENV = ROOT / ".venv-audit"
AUDIT_BIN = AUDIT_VENV / "bin" / "pip-audit"
PIP_AUDIT = "pip-audit==2.10.1"
VAR = ROOT / "var"
REQUIREMENTS = VAR / "audit-requirements.txt"
SERVICES = ["pypi", "osv"]


def ensure_pip_audit():
    if AUDIT_BIN.exists():
        return
    print(f"Installing {PIP_AUDIT} into {AUDIT_VENV.name}/", flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(AUDIT_VENV)
    subprocess.run(
        [str(AUDIT_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", PIP_AUDIT],
        check=True,
    )


def pinned(freeze_output):
    """The `name==version` lines of `pip freeze --all`: every installed distribution, pip and
    setuptools included, but the project itself (not on PyPI)."""
    return [
        line
        for line in freeze_output.splitlines()
        if "==" in line and not line.lower().startswith("pactesur-site==")
    ]


def freeze():
    result = subprocess.run(
        [str(PROJECT_PYTHON), "-m", "pip", "freeze", "--exclude-editable", "--all"],
        check=True,
        capture_output=True,
        text=True,
    )
    lines = pinned(result.stdout)
    VAR.mkdir(exist_ok=True)
    REQUIREMENTS.write_text("\n".join(lines) + "\n")
    return lines


NETWORK_ERRORS = ("ConnectionError", "NameResolution", "Max retries", "timed out", "Timeout")


def run_pip_audit(service):
    """(report, None), or (None, (reason, unreachable)) when pip-audit wrote no report."""
    output = VAR / f"pip-audit-{service}.json"
    output.unlink(missing_ok=True)
    command = [
        str(AUDIT_BIN),
        "--requirement",
        str(REQUIREMENTS),
        "--no-deps",
        "--disable-pip",
        "--vulnerability-service",
        service,
        "--progress-spinner",
        "off",
        "--format",
        "json",
        "--output",
        str(output),
        "--timeout",
        "30",
    ]
    for advisory in filter(None, os.environ.get("PIP_AUDIT_IGNORE", "").split(",")):
        command += ["--ignore-vuln", advisory.strip()]
    result = subprocess.run(command, capture_output=True, text=True)
    if not output.exists():
        reason = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return None, (reason, any(error in result.stderr for error in NETWORK_ERRORS))
    return json.loads(output.read_text()), None


def verdict(report):
    """(exit status, lines to print) for one pip-audit JSON report, or (None, reason) when
    nothing could be audited."""
    dependencies = report.get("dependencies", [])
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    if not audited:
        return None, ["every package was skipped (no vulnerability data served)"]
    skipped = sorted(dep["name"] for dep in dependencies if "skip_reason" in dep)
    lines = [f"{len(audited)} audited, {len(skipped)} skipped"]
    if skipped:
        lines.append(f"NOT AUDITED (no vulnerability data): {', '.join(skipped)}")
    vulnerable = [dep for dep in audited if dep.get("vulns")]
    if not vulnerable:
        return 0, [*lines, "No known vulnerabilities found."]
    lines.append("KNOWN VULNERABILITIES in the installed dependencies:")
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            lines.append(f"  {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    lines.append("Raise the pins in pyproject.toml (pip and setuptools: the Makefile upgrades")
    lines.append("them), or list a reviewed advisory that does not apply in PIP_AUDIT_IGNORE.")
    return 1, lines


def nothing_audited(problems, strict):
    """Exit status and lines when no service audited anything. `problems`: (service, reason,
    unreachable) for each. Only unreachable services may pass, and only when not strict."""
    lines = ["", "!" * 78, "DEPENDENCIES NOT AUDITED: no vulnerability data could be had."]
    lines += [f"  {service}: {reason}" for service, reason, _unreachable in problems]
    lines.append("pip-audit needs PyPI's per-release JSON API or the OSV database over HTTPS.")
    lines.append("!" * 78)
    if not all(unreachable for _service, _reason, unreachable in problems):
        return 2, [*lines, "pip-audit failed for another reason than the network: failing."]
    if strict:
        lines.append("Failing. On a machine that cannot reach vulnerability data, say so with")
        lines.append("PIP_AUDIT_STRICT=0 (then this is reported without failing).")
        return 2, lines
    return 0, [*lines, "PIP_AUDIT_STRICT=0: declared without vulnerability data; not failing."]


def main():
    ensure_pip_audit()
    packages = freeze()
    print(f"Auditing {len(packages)} installed packages ({REQUIREMENTS.relative_to(ROOT)})")
    problems = []
    for service in SERVICES:
        report, failure = run_pip_audit(service)
        if report is None:
            problems.append((service, *failure))
            continue
        status, lines = verdict(report)
        if status is None:  # every package skipped: the index serves no per-release data
            problems.append((service, " ".join(lines), True))
            continue
        print(f"Vulnerability service: {service}")
        print("\n".join(lines))
        return status
    status, lines = nothing_audited(problems, os.environ.get("PIP_AUDIT_STRICT", "1") != "0")
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
