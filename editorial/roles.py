"""The editorial roles: Editors, Moderators and one Translators group per language.

Everything here is idempotent and only ever *adds* what is missing, so it can run from
the data migration, after every `migrate` (post_migrate), whenever a page that anchors
a permission is created (the home page of a language, a news or events index) and from
`manage.py sync_editorial_roles`.

It works with historical models too (``apps`` argument), so the data migration uses the
same code: only model fields and managers are used, never model methods.

What each role gets:

- **Editors**: the admin, "submit translation", every partner/city permission, and
  add / change / publish / lock / unlock on the root page, i.e. every language tree; they see,
  export and manage the registrations of the events they may edit (`events.permissions`).
  News and events still go through the review workflow (see `editorial.workflow`).
- **Moderators**: the same, and they are the reviewers of the "News and events review"
  workflow; they may publish news and events directly.
- **Translators (<language>)**: the admin; change and publish on the home page(s) of
  their language (so its whole tree) and on the partners and cities of their language
  only (`editorial.permissions.LocaleScopedSnippetPermissionPolicy`); choose images and
  documents. No add or delete, no other language, no settings, no users.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Q
from django.utils.translation import get_language_info
from wagtail.coreutils import get_supported_content_language_variant

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS_NAME = "Translators ({language})"

REVIEW_WORKFLOW_NAME = "News and events review"
REVIEW_TASK_NAME = "Moderator review"
# The page types whose subtree (the page and its children) goes through the review workflow.
# Wagtail assigns workflows to pages through WorkflowPage (a page and its descendants);
# WorkflowContentType only applies to snippets, so news and events are reached through
# their index pages, whose only children are news items and events.
REVIEWED_INDEXES = [("news", "newsindexpage"), ("events", "eventindexpage")]
WAGTAIL_DEFAULT_WORKFLOW_NAME = "Moderators approval"

# Translatable snippets whose permissions are scoped by language.
SCOPED_SNIPPETS = [("partners", "partner"), ("partners", "city")]

# (app_label, model, codename) of each permission.
PAGE_ACTIONS_FOR_STAFF = ["add", "change", "publish", "lock", "unlock"]
PAGE_ACTIONS_FOR_TRANSLATORS = ["change", "publish"]
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")
CHOOSE_IMAGE = ("wagtailimages", "image", "choose_image")
CHOOSE_DOCUMENT = ("wagtaildocs", "document", "choose_document")


def _snippet_permissions(actions):
    return [
        (app, model, f"{action}_{model}") for app, model in SCOPED_SNIPPETS for action in actions
    ]


# Registrations of the events they may edit (events.permissions narrows them to those).
REGISTRATIONS = [
    ("events", "registration", "view_registration"),
    ("events", "registration", "change_registration"),
]
STAFF_PERMISSIONS = [
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    *_snippet_permissions(["add", "change", "delete", "view", "publish", "lock", "unlock"]),
    *REGISTRATIONS,
]
TRANSLATOR_PERMISSIONS = [ACCESS_ADMIN, *_snippet_permissions(["change", "view", "publish"])]
TRANSLATOR_COLLECTION_PERMISSIONS = [CHOOSE_IMAGE, CHOOSE_DOCUMENT]


def default_language_code():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def language_name(code):
    """The English name of a language ("Italian"), for group names and messages."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def translators_group_name(code):
    return TRANSLATORS_NAME.format(language=language_name(code))


class _Models:
    """The models used here, from the live registry or a migration's historical one."""

    def __init__(self, apps, using):
        self.using = using
        get = apps.get_model
        self.ContentType = get("contenttypes", "ContentType")
        self.Permission = get("auth", "Permission")
        self.Group = get("auth", "Group")
        self.Locale = get("wagtailcore", "Locale")
        self.Page = get("wagtailcore", "Page")
        self.Collection = get("wagtailcore", "Collection")
        self.GroupPagePermission = get("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = get("wagtailcore", "GroupCollectionPermission")
        self.Workflow = get("wagtailcore", "Workflow")
        self.WorkflowTask = get("wagtailcore", "WorkflowTask")
        self.WorkflowPage = get("wagtailcore", "WorkflowPage")
        self.GroupApprovalTask = get("wagtailcore", "GroupApprovalTask")
        self.TranslatorGroup = get("editorial", "TranslatorGroup")

    def objects(self, model):
        return model._default_manager.db_manager(self.using)

    def content_type(self, app_label, model):
        ct, _ = self.objects(self.ContentType).get_or_create(app_label=app_label, model=model)
        return ct

    def permission(self, app_label, model, codename):
        """The permission, created if Django has not created it yet (fresh database)."""
        ct = self.content_type(app_label, model)
        action = codename.split("_", 1)[0]
        perm, _ = self.objects(self.Permission).get_or_create(
            content_type=ct,
            codename=codename,
            defaults={"name": f"Can {action} {model}"},
        )
        return perm


def sync_editorial_roles(apps=None, using=DEFAULT_DB_ALIAS, *, install=False):
    """Create what is missing; return a dict of counts of what was created.

    ``install=True`` (the data migration) also sets up the Editors and Moderators groups,
    the review workflow, and removes Wagtail's default "Moderators approval" workflow
    from the root page (it would send every page, not only news and events, to review).
    """
    m = _Models(apps or global_apps, using)
    stats = {"groups": 0, "page permissions": 0, "workflow assignments": 0}
    with transaction.atomic(using=using):
        if install:
            _install_staff_roles(m, stats)
        for locale in m.objects(m.Locale).exclude(language_code=default_language_code()):
            _ensure_translator_group(m, locale, stats)
        for translator_group in m.objects(m.TranslatorGroup).all():
            for page in m.objects(m.Page).filter(depth=2, locale_id=translator_group.locale_id):
                stats["page permissions"] += _grant_page_permissions(
                    m, translator_group.group_id, page, PAGE_ACTIONS_FOR_TRANSLATORS
                )
        for page in _reviewed_index_pages(m):
            stats["workflow assignments"] += _assign_review_workflow(m, page, create=install)
    return stats


def sync_for_new_page(page, using=DEFAULT_DB_ALIAS):
    """Grants and workflow for a page just created (live models): the home page of a
    language tree gets its translators' permissions, a news or events index its workflow."""
    m = _Models(global_apps, using)
    if page.depth == 2:
        for translator_group in m.objects(m.TranslatorGroup).filter(locale_id=page.locale_id):
            _grant_page_permissions(
                m, translator_group.group_id, page, PAGE_ACTIONS_FOR_TRANSLATORS
            )
    ct = page.content_type
    if (ct.app_label, ct.model) in REVIEWED_INDEXES:
        _assign_review_workflow(m, page, create=False)


def _install_staff_roles(m, stats):
    root = m.objects(m.Page).filter(depth=1).first()
    for name in (EDITORS, MODERATORS):
        group, created = m.objects(m.Group).get_or_create(name=name)
        stats["groups"] += created
        group.permissions.add(*[m.permission(*spec) for spec in STAFF_PERMISSIONS])
        if root is not None:
            stats["page permissions"] += _grant_page_permissions(
                m, group.pk, root, PAGE_ACTIONS_FOR_STAFF
            )
    workflow = _review_workflow(m, create=True)
    # Wagtail's initial data sends the whole tree (root page) through "Moderators approval";
    # here only news and events are reviewed.
    if root is not None:
        m.objects(m.WorkflowPage).filter(
            page=root, workflow__name=WAGTAIL_DEFAULT_WORKFLOW_NAME
        ).exclude(workflow=workflow).delete()


def _ensure_translator_group(m, locale, stats):
    if m.objects(m.TranslatorGroup).filter(locale=locale).exists():
        return
    group, created = m.objects(m.Group).get_or_create(
        name=translators_group_name(locale.language_code)
    )
    stats["groups"] += created
    m.objects(m.TranslatorGroup).get_or_create(group=group, defaults={"locale": locale})
    group.permissions.add(*[m.permission(*spec) for spec in TRANSLATOR_PERMISSIONS])
    root_collection = m.objects(m.Collection).filter(depth=1).first()
    if root_collection is not None:
        for spec in TRANSLATOR_COLLECTION_PERMISSIONS:
            m.objects(m.GroupCollectionPermission).get_or_create(
                group=group, collection=root_collection, permission=m.permission(*spec)
            )


def _grant_page_permissions(m, group_id, page, actions):
    created_count = 0
    for action in actions:
        permission = m.permission("wagtailcore", "page", f"{action}_page")
        _, created = m.objects(m.GroupPagePermission).get_or_create(
            group_id=group_id, page_id=page.pk, permission=permission
        )
        created_count += created
    return created_count


def _reviewed_index_pages(m):
    condition = Q(pk__in=[])
    for app_label, model in REVIEWED_INDEXES:
        condition |= Q(content_type__app_label=app_label, content_type__model=model)
    return m.objects(m.Page).filter(condition).order_by("path")


def _review_workflow(m, *, create):
    workflow = m.objects(m.Workflow).filter(name=REVIEW_WORKFLOW_NAME).first()
    if workflow is not None or not create:
        return workflow
    moderators, _ = m.objects(m.Group).get_or_create(name=MODERATORS)
    workflow = m.objects(m.Workflow).create(name=REVIEW_WORKFLOW_NAME, active=True)
    task = m.objects(m.GroupApprovalTask).create(
        name=REVIEW_TASK_NAME,
        active=True,
        content_type=m.content_type("wagtailcore", "groupapprovaltask"),
    )
    task.groups.set([moderators])
    m.objects(m.WorkflowTask).create(workflow=workflow, task_id=task.pk, sort_order=0)
    return workflow


def _assign_review_workflow(m, page, *, create):
    """Give the index page the workflow of its counterpart in another language, or the
    review workflow; leave alone a page that already has a workflow of its own."""
    if m.objects(m.WorkflowPage).filter(page_id=page.pk).exists():
        return 0
    counterpart = (
        m.objects(m.WorkflowPage)
        .filter(page__translation_key=page.translation_key)
        .exclude(page_id=page.pk)
        .select_related("workflow")
        .first()
    )
    workflow = counterpart.workflow if counterpart else _review_workflow(m, create=create)
    if workflow is None:
        return 0
    m.objects(m.WorkflowPage).create(page_id=page.pk, workflow=workflow)
    return 1
