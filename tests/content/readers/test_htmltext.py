"""content/readers/htmltext.py: HTML cells become plain text."""

from __future__ import annotations

from khojaly_kiosk.content.readers.htmltext import first_url, has_markup, html_to_text


def test_tags_stripped_entities_unescaped_paragraphs_kept() -> None:
    html = '<p class="lead">One &amp; <a href="x">two</a>\r\n words</p><p>Three<br>four</p>'
    assert html_to_text(html) == "One & two words\n\nThree\nfour"


def test_script_and_iframe_content_dropped() -> None:
    assert html_to_text("<p>a</p><script>alert(1)</script><iframe>b</iframe>") == "a"


def test_plain_text_keeps_its_line_breaks() -> None:
    assert html_to_text("line one\r\nline two\r\n\r\n\r\n\r\nnext  ") == (
        "line one\nline two\n\nnext"
    )
    assert html_to_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"


def test_markup_detection_and_urls() -> None:
    assert has_markup("<blockquote>x</blockquote>")
    assert not has_markup("a < b")
    assert first_url("<iframe src='https://example.org/e'></iframe>") == "https://example.org/e"
    assert first_url("<blockquote>no link</blockquote>") == ""
