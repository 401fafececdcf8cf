"""The demo's module evaluations (content/evaluations/modules.toml): one per module, each
module pointing to its own."""

from lessons.models import LessonPage, ModuleEvaluation, ModulePage

from .loader import CONTENT_DIR, demo_id, read_toml


def _item(module_slug, lessons, index, item):
    key = ("evaluation", module_slug, item["key"])
    value = {"key": item["key"], "lesson": lessons[item["lesson"]].pk, "objective": item["objective"]}
    if item["kind"] == "agreement":
        value["statement"] = item["text"]
    else:
        value["question"] = item["text"]
        value["options"] = [{"type": "item", "id": demo_id(*key, "option", number),
                             "value": {"text": option["text"], "correct": option["correct"]}}
                            for number, option in enumerate(item["options"])]
    return {"type": item["kind"], "value": value, "id": demo_id(*key)}


def load(context):
    for data in read_toml(CONTENT_DIR / "evaluations" / "modules.toml")["modules"]:
        module = ModulePage.objects.child_of(context.home).get(slug=data["module"])
        if module.evaluation_id:
            continue
        lessons = {lesson.slug: lesson for lesson in LessonPage.objects.child_of(module)}
        evaluation = ModuleEvaluation.objects.create(
            locale=context.home.locale,
            translation_key=demo_id("evaluation", data["module"]),
            title=data["title"],
            intro=data["intro"],
            items=[_item(data["module"], lessons, index, item) for index, item in enumerate(data["items"])],
        )
        module.evaluation = evaluation
        module.save_revision().publish()
        context.note(f"evaluation “{evaluation.title}”")
