import datetime

import factory
import wagtail_factories

from petitions.models import PetitionPage, Signature


class PetitionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Petition {n}")
    summary = "Protect young people online."
    demand = "<p>Act now.</p>"
    addressed_to = "The government"
    why_it_matters = "<p>Because.</p>"
    goal = 100
    opens_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=1))

    class Meta:
        model = PetitionPage


class SignatureFactory(factory.django.DjangoModelFactory):
    """A signature; SignatureFactory(confirmed=True) confirms it the way the
    confirmation link does, so the petition's count goes up too."""

    first_name = "Noor"
    email = factory.Sequence(lambda n: f"signer{n}@example.com")
    postcode_or_country = "1000"

    class Meta:
        model = Signature
        skip_postgeneration_save = True

    @factory.post_generation
    def confirmed(signature, create, extracted, **kwargs):
        if extracted:
            signature.confirm()
            signature.refresh_from_db()
