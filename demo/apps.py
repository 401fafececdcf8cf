from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its loaders: installed in development and tests only."""

    name = "demo"
    verbose_name = "Demo content"
