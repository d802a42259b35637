vcl 4.1;

# Varnish in front of the site (docs/performance.md and docs/operations.md). The site says what a
# shared cache may keep: pages it can purge carry `Cache-Control: public, max-age=0,
# s-maxage=N` (only when FRONTEND_CACHE_VARNISH_URL is set), the contact and event pages with
# their forms included; everything else (search, the admin, redirects, static files) goes to
# the site. After every
# change the site sends PURGE (one URL) or BAN (a whole host, X-Ban-Url: ^/) to
# FRONTEND_CACHE_VARNISH_URL, after its transaction commits.
#
# bench/http replaces 127.0.0.1:8000 with the port of its gunicorn.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers (list their addresses here).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The CSRF and language cookies do not change a cacheable page (anonymous visitors' forms
    # carry no CSRF token: privacy/public_forms.py); any other cookie (a session: an
    # editor) passes.
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|;\s*)(csrftoken|django_language)=[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^;\s*", "");
        if (req.http.Cookie ~ "^\s*$") {
            unset req.http.Cookie;
        }
    }
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    # Pages carry their language in the path: one copy whatever the browser's languages.
    if (req.url ~ "^/[a-z]{2}(/|$)" || req.url ~ "^/sitemap(-[0-9]+)?\.xml$") {
        unset req.http.Accept-Language;
    }
    return (hash);
}

sub vcl_backend_response {
    # For BAN (lurker-friendly: the ban tests these headers, not the request).
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    # Keep only what the site marked as purgeable; never a response that sets a cookie.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "s-maxage=[1-9]") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The browser revalidates (max-age=0); Varnish keeps it for s-maxage.
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Frontend-Cache = "HIT";
    } else {
        set resp.http.X-Frontend-Cache = "MISS";
    }
}
