import factory
import wagtail_factories

from cms.models import ContentPage, Helpline, HomePage, ReportingRoute


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Upstander"
    heading = "Look out for each other online"
    intro = "Lessons on consent, images and standing up for others."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "A plain page."
    body = factory.LazyFunction(lambda: [{"type": "text", "value": "<p>Plain words.</p>"}])

    class Meta:
        model = ContentPage


class HelplineFactory(factory.django.DjangoModelFactory):
    name = "Child Focus"
    number = "116 000"
    hours = "24/7"
    show_in_help_button = True

    class Meta:
        model = Helpline


class ReportingRouteFactory(factory.django.DjangoModelFactory):
    name = "Take It Down"
    audience = ReportingRoute.Audience.UNDER_18
    link = "https://takeitdown.ncmec.org"

    class Meta:
        model = ReportingRoute
