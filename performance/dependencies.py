"""Which tags a change raises, and which tags a page rendering records by itself
(core.cache_dependencies says what the tags mean).

A page published, unpublished, deleted or saved by code raises:

- "pages" (the sitemap) and its own `page:<translation key>` (it in every language, and
  every cached page that loaded it: a news page showing its project, an event card);
- the listings of its type, in its language and in any (`list:news.newspage:en`…);
- `refs:<key>:<language>` of every page it points at, before and after the change (a news
  item moved from one project to another leaves the first project's page too);
- "site" (everything) when the page is in every page's chrome (the home pages and their
  children: menu, footer, breadcrumbs, language switcher) or its address changed (the
  addresses of the pages below it, and every link to them, changed with it).

While a page renders, every page loaded below the chrome records its own tag (`post_init`),
so nobody has to remember to say that a page shows another one; listings, which must also
change when a page they do not show yet is published, are declared by the page types
(`cache_dependencies`).
"""

from wagtail.models import Page

from core import cache_dependencies

from .generation import SITE

# The home pages (depth 2) and their children (depth 3) show in every page's chrome.
CHROME_DEPTH = 3


# ------------------------------------------------------------------------------ rendering


def record_loaded_page(sender, instance, **kwargs):
    """`post_init` of page models: a page loaded while a cacheable page renders."""
    collected = cache_dependencies.recording()
    if collected is None:
        return
    fields = instance.__dict__
    key = fields.get("translation_key")
    if key is None:
        # Loaded without its key (some fields deferred): nothing to record when it holds
        # only its place in the tree and ids (Wagtail's view-restriction check loads the
        # ancestors' `alias_of`; a deferred foreign key loads alone, and what it points at
        # records itself); otherwise whatever page changes.
        if not all(_is_structural(name) for name in fields if not name.startswith("_")):
            cache_dependencies.record("pages")
    elif fields.get("depth") is None or fields["depth"] > CHROME_DEPTH:
        locale = fields.get("locale_id")
        page_tag = cache_dependencies.page_tag
        if locale is None:
            cache_dependencies.record("pages")
        elif collected.served is not None and collected.served[0] == key:
            # The served page's translations, for its language switcher: only whether
            # they are live, and where (a new address raises "site").
            cache_dependencies.record(page_tag(key))
        else:
            cache_dependencies.record(page_tag(key), page_tag(key, locale))
    # Chrome pages need no tag: any change of theirs raises "site".


def _is_structural(name):
    return name in STRUCTURAL_FIELDS or name.endswith("_id")


STRUCTURAL_FIELDS = frozenset({"id", "path", "depth", "numchild"})


# ------------------------------------------------------------------------------ changes


def page_relation_fields(model):
    """The fields of `model` that point at pages: (foreign keys, many-to-many)."""
    foreign, many = [], []
    for field in model._meta.get_fields():
        related = getattr(field, "related_model", None)
        if not (related and issubclass(related, Page)) or field.auto_created:
            continue
        if field.many_to_one and field.concrete:
            foreign.append(field)
        elif field.many_to_many:
            many.append(field)
    return foreign, many


def related_page_ids(page):
    """The ids of the pages `page` points at, as it is now (in memory)."""
    foreign, many = page_relation_fields(type(page))
    ids = {getattr(page, field.attname) for field in foreign}
    if page.pk:
        for field in many:
            ids.update(item.pk for item in getattr(page, field.name).all())
    ids.discard(None)
    return ids


def snapshot(page):
    """What a change must also raise from the page as it was stored before it: the pages it
    pointed at, and its address. None for a page not stored yet."""
    if not page.pk:
        return None
    model = type(page)
    foreign, many = page_relation_fields(model)
    row = (
        model._base_manager.filter(pk=page.pk)
        .values("url_path", "live", *(field.attname for field in foreign))
        .first()
    )
    if row is None:
        return None
    related = {row[field.attname] for field in foreign}
    for field in many:
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        related.update(
            through._default_manager.filter(**{source: page.pk}).values_list(
                f"{target}_id", flat=True
            )
        )
    related.discard(None)
    return {"url_path": row["url_path"], "live": row["live"], "related": related}


def page_change_tags(page, before=None, every_language=False):
    """The tags a change of `page` raises (`before`: its `snapshot` before the change;
    `every_language`: the change shows in all its translations)."""
    if page.depth is not None and page.depth <= CHROME_DEPTH:
        return {SITE}
    if before and before["url_path"] != page.url_path:
        return {SITE}
    locale = page.locale_id
    model = page.specific_class or type(page)
    tags = {
        "pages",
        cache_dependencies.page_tag(page.translation_key, locale),
        *cache_dependencies.list_tags(model),
        *cache_dependencies.list_tags(model, locale),
    }
    if every_language or not before or before["live"] != page.live or page.pk is None:
        # Published for the first time, unpublished, deleted: the other translations'
        # language switchers change too.
        tags.add(cache_dependencies.page_tag(page.translation_key))
    related = related_page_ids(page) | (before["related"] if before else set())
    if related:
        keys = Page.objects.filter(pk__in=related).values_list("translation_key", flat=True)
        tags.update(cache_dependencies.refs_tag(key, locale) for key in set(keys))
    return tags
