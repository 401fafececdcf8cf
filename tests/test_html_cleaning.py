from cms.html import clean_rich_text


def test_allowed_structure_is_kept():
    html = "<h2>Title</h2><p>Some <strong>bold</strong> and <em>kind</em> words.</p><ul><li>One</li></ul>"
    assert clean_rich_text(html) == html


def test_scripts_styles_and_event_handlers_are_removed():
    cleaned = clean_rich_text('<p onclick="x()" style="color:red">Hi<script>alert(1)</script></p><style>p{}</style>')
    assert cleaned == "<p>Hi</p>"


def test_javascript_links_lose_their_address():
    assert "javascript" not in clean_rich_text('<a href="javascript:alert(1)">x</a>')


def test_images_and_iframes_are_not_allowed():
    assert clean_rich_text('<p><img src="https://tracker.example/p.gif"><iframe src="x"></iframe>Text</p>') == "<p>Text</p>"
