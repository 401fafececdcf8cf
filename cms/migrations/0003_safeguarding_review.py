"""Roles and review: Editors write, Translators translate, Safeguarding reviewers
approve. Every page change reaches the public only through the "Safeguarding
review" workflow (for every locale: it is assigned at the tree's root), because
only reviewers may publish."""

from django.db import migrations

REVIEWERS = "Safeguarding reviewers"
TRANSLATORS = "Translators"
EDITORS = "Editors"
WORKFLOW = "Safeguarding review"

SNIPPET_PERMISSIONS = [
    ("cms", "helpline"), ("cms", "reportingroute"), ("lessons", "disclosurecard"),
]


def create_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    admin_access = Permission.objects.filter(codename="access_admin").first()

    def page_permission(codename):
        return Permission.objects.filter(codename=codename, content_type__app_label="wagtailcore").first()

    def group_with(name, page_codenames, extra=()):
        group, _ = Group.objects.get_or_create(name=name)
        if admin_access:
            group.permissions.add(admin_access)
        for permission in extra:
            group.permissions.add(permission)
        if root:
            for codename in page_codenames:
                permission = page_permission(codename)
                if permission:
                    GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        return group

    translate = list(Permission.objects.filter(codename="submit_translation"))
    snippet_permissions = []
    for app_label, model in SNIPPET_PERMISSIONS:
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type:
            snippet_permissions += list(Permission.objects.filter(content_type=content_type))

    reviewers = group_with(REVIEWERS, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
                           translate + snippet_permissions)
    group_with(TRANSLATORS, ["change_page"], translate)
    editors = Group.objects.filter(name=EDITORS).first() or group_with(EDITORS, ["add_page", "change_page"])
    # Only reviewers publish: everyone else's changes go through the review.
    GroupPagePermission.objects.filter(permission__codename="publish_page").exclude(group=reviewers).delete()

    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(name="Safeguarding approval", defaults={"content_type": content_type})
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    Workflow.objects.filter(name="Moderators approval").update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_create_locales"),
        ("lessons", "0004_alter_lessonpage_body"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
