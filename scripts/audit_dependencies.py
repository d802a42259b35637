"""Audit the installed, pinned dependencies for known vulnerabilities with pip-audit.

    python scripts/audit_dependencies.py      # `make audit`; run by .ci/run

What is audited is what runs: every package installed in the project's virtualenv (the pins
of pyproject.toml and everything they pulled in), frozen to var/audit-requirements.txt.
pip-audit runs from its own virtualenv (.venv-audit, created on first use) so that its
own dependencies are neither audited nor mixed with the site's.

Outcome:
- a known vulnerability in any installed package: listed, exit status 1 (CI fails);
- no known vulnerability: exit status 0;
- the vulnerability database cannot be reached (pip-audit asks PyPI's per-release JSON API,
  and the OSV database as a fallback; a mirror or proxy that serves only the package index
  makes every package "not found"): nothing was audited. This is said loudly, never as a
  pass, and the exit status is 0 unless PIP_AUDIT_STRICT=1 (then 2): CI machines that
  reach only the package index must not be blocked by it, while a pipeline with full
  internet access should set PIP_AUDIT_STRICT=1.

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


def freeze():
    """The installed distributions, pinned, without the project itself."""
    result = subprocess.run(
        [str(PROJECT_PYTHON), "-m", "pip", "freeze", "--exclude-editable", "--all"],
        check=True,
        capture_output=True,
        text=True,
    )
    skip = ("pactesur-site", "pip==", "setuptools==", "wheel==")
    lines = [
        line
        for line in result.stdout.splitlines()
        if line and "==" in line and not line.lower().startswith(skip)
    ]
    VAR.mkdir(exist_ok=True)
    REQUIREMENTS.write_text("\n".join(lines) + "\n")
    return lines


def run_pip_audit(service):
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
    if not output.exists():  # the service could not be reached at all
        return None, result.stderr.strip().splitlines()[-1:] or ["no output"]
    return json.loads(output.read_text()), []


def verdict(report):
    """(exit status, lines to print) for one pip-audit JSON report, or (None, reason) when
    nothing could be audited."""
    dependencies = report.get("dependencies", [])
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    if not audited:
        return None, ["every package was skipped (service not reachable)"]
    skipped = len(dependencies) - len(audited)
    lines = [f"{len(audited)} audited, {skipped} skipped"]
    vulnerable = [dep for dep in audited if dep.get("vulns")]
    if not vulnerable:
        return 0, [*lines, "No known vulnerabilities found."]
    lines.append("KNOWN VULNERABILITIES in the pinned dependencies:")
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            lines.append(f"  {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    lines.append("Raise the pins in pyproject.toml, or list a reviewed advisory that does not")
    lines.append("apply in PIP_AUDIT_IGNORE.")
    return 1, lines


def main():
    ensure_pip_audit()
    pinned = freeze()
    print(f"Auditing {len(pinned)} installed packages ({REQUIREMENTS.relative_to(ROOT)})")
    problems = []
    for service in SERVICES:
        report, errors = run_pip_audit(service)
        if report is None:
            problems.append(f"{service}: {' '.join(errors)}")
            continue
        status, lines = verdict(report)
        if status is None:
            problems.append(f"{service}: {' '.join(lines)}")
            continue
        print(f"Vulnerability service: {service}")
        print("\n".join(lines))
        return status
    print("\n" + "!" * 78)
    print("DEPENDENCIES NOT AUDITED: no vulnerability service could be reached.")
    for problem in problems:
        print(f"  {problem}")
    print("pip-audit needs PyPI's per-release JSON API or the OSV database over HTTPS, and")
    print("this machine reaches neither.")
    print("!" * 78)
    if os.environ.get("PIP_AUDIT_STRICT") == "1":
        return 2
    print("Not failing (set PIP_AUDIT_STRICT=1 to fail when the audit cannot run).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
