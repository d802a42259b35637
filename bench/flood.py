"""A spam script against the public forms, as issue 14 ran it: how many contact forms or
registrations does one client get through in N seconds?

    .venv/bin/python bench/flood.py http://127.0.0.1:8401 /en/contact/ --count 40
    .venv/bin/python bench/flood.py http://127.0.0.1:8401 /en/events/nice-police-exchange/ \\
        --count 40 --address 198.51.100.7

Like a bot that reads the page: it fetches the form --count times (its CSRF token if any, its
anti-spam token and the question's label), waits the minimum fill time once, computes each
answer from the label and posts all the forms with the site's Origin, --concurrency at a
time. It talks only to the server given (start one on 127.0.0.1: docs/security-and-privacy.md,
"Flood figures"). With --address, it sends X-Forwarded-For (for a server run with
TRUSTED_PROXY_COUNT=1), so that several runs do not share one client's limit.
"""

import argparse
import html
import re
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection

QUESTION = re.compile(r"(\d+)\s*\+\s*(\d+)")


def request(base, method, path, headers, body=None):
    parsed = urllib.parse.urlsplit(base)
    connection = HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Set-Cookie") or "", response.read().decode()
    finally:
        connection.close()


def read_form(base, path, headers):
    """The form's fields as a bot sees them: hidden values and the question's answer."""
    _status, set_cookie, page = request(base, "GET", path, headers)
    cookie = re.search(r"csrftoken=([^;]+)", set_cookie)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    fields = {name: html.unescape(value) for name, value in fields.items()}
    label = re.search(r'for="id_antispam_answer">([^<]+)<', page)
    first, second = QUESTION.search(label.group(1)).groups()
    fields["antispam_answer"] = str(int(first) + int(second))
    return fields, cookie.group(1) if cookie else ""


def submission(path, number, fields):
    if "/contact" in path or "/contacto" in path:
        # The demo form's fields and the tests' (a form ignores the fields it does not have).
        extra = {"full_name": f"Bot {number}", "e_mail_address": f"bot{number}@example.org"}
        extra |= {"your_name": f"Bot {number}", "your_e_mail": f"bot{number}@example.org"}
        extra["your_message"] = "Buy now"
    else:
        path = path.rstrip("/") + "/register/"
        extra = {"name": f"Bot {number}", "email": f"bot{number}@example.org"}
    return path, {**fields, **extra, "consent": "on"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server, e.g. http://127.0.0.1:8401 (this machine only)")
    parser.add_argument("path", help="the contact page or an event page taking registrations")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--wait", type=float, default=3.5, help="the minimum fill time, and a bit")
    parser.add_argument("--address", help="X-Forwarded-For to send (TRUSTED_PROXY_COUNT=1)")
    args = parser.parse_args()
    host = urllib.parse.urlsplit(args.base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        parser.error("only a server on this machine")
    headers = {"Accept-Language": "en"}
    if args.address:
        headers["X-Forwarded-For"] = args.address

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        forms = list(
            pool.map(lambda _n: read_form(args.base, args.path, headers), range(args.count))
        )
        time.sleep(args.wait)

        def post(numbered):
            number, (fields, cookie) = numbered
            path, data = submission(args.path, number, fields)
            post_headers = {
                **headers,
                # The public forms check the origin instead of a CSRF cookie for anonymous
                # visitors; a script sets the header as easily as any other.
                "Origin": args.base.rstrip("/"),
                "Cookie": f"csrftoken={cookie}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            status, _cookie, page = request(
                args.base, "POST", path, post_headers, urllib.parse.urlencode(data)
            )
            refusal = re.search(
                r'class="error-summary__list">\s*<li>(?:<a[^>]*>)?([^<]{0,80})', page
            )
            return status, refusal.group(1).strip() if refusal else ""

        results = list(pool.map(post, enumerate(forms)))
    seconds = time.monotonic() - started
    accepted = sum(status == 200 and not refused for status, refused in results)
    limited = sum(status == 429 for status, _refused in results)
    others = Counter(
        f"{status} {refused}".strip()
        for status, refused in results
        if status != 429 and (status != 200 or refused)
    )
    print(
        f"{args.path}: {accepted} accepted, {limited} refused (429), of {len(results)} in "
        f"{seconds:.1f} s" + (f"; other answers: {dict(others)}" if others else "")
    )


if __name__ == "__main__":
    main()
