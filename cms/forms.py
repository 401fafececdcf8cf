class DescribedErrorsMixin:
    """Ties each field's error message to the field (aria-invalid, aria-describedby)
    for screen readers; templates print the message with id "<field id>-error"."""

    def describe_errors(self):
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-error"}
                )
