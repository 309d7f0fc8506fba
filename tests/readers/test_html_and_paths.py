"""News pages give the article and its date; bad files give an error that says what to do."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from chidao import extract
from chidao.cli import cli
from chidao.errors import InputError
from chidao.readers import read_bytes, read_path
from chidao.readers.html import published_from_text
from chidao.readers.layout import Line, Page, paragraphs
from tests.readers.samples import fact_keys, news_html, seed_news, soffice_convert


@pytest.fixture(scope="module")
def news(seeds_dir):
    return seed_news("001")


@pytest.mark.parametrize("with_meta", [True, False])
def test_news_page_gives_the_article_its_date_and_author(news, with_meta):
    title, body = news
    page = news_html(title, body, published_meta="2022-07-15T09:30:00+07:00" if with_meta else None)
    result = read_bytes(page, "tin.html")
    assert result.meta["published"] == "2022-07-15"
    assert result.meta["title"] == title
    assert result.meta["author"] == "Diễm My"
    assert result.text.startswith(title + "\n")
    for boilerplate in ("Trang chủ", "Tin liên quan", "Đọc nhiều nhất", "Giấy phép số", "Quảng cáo"):
        assert boilerplate not in result.text


def test_news_page_facts_match_the_plain_text(news):
    title, body = news
    result = read_bytes(news_html(title, body), "tin.html")
    plain = title + "\n" + body + "\n"
    assert fact_keys(extract(result.text).to_dict()) == fact_keys(extract(plain).to_dict())


@pytest.mark.parametrize("text, iso", [
    ("Thứ Sáu, 15/07/2022 - 09:30", "2022-07-15"),
    ("Cập nhật: 3-1-2024 07:00", "2024-01-03"),
    ("31/02/2024 nhưng 01/03/2024", "2024-03-01"),      # an impossible date is skipped
])
def test_published_date_from_the_date_line(text, iso):
    assert published_from_text(text) == iso


@pytest.mark.parametrize("text", ["Số 12/2024", "Phiên bản 1.2.3", "không có ngày"])
def test_no_published_date_from_text_without_a_date(text):
    assert published_from_text(text) is None


def test_page_with_no_article_says_to_save_the_article_itself():
    page = b"<html><head><title>Trang ch\xe1\xbb\xa7</title></head><body><nav><a href='/a'>Ch\xc3\xadnh tr\xe1\xbb\x8b</a></nav></body></html>"
    with pytest.raises(InputError, match="no article was found"):
        read_bytes(page, "home.html")


# -- layout of PDF and OCR lines ----------------------------------------------------------------

def _page(rows, height=800.0):
    return Page(tuple(Line(t, x0, x1, top, top + 12) for t, x0, x1, top in rows), height)


@pytest.mark.parametrize("rows, expected", [
    # a sentence wrapped at the margin is joined
    ([("Ban Thường vụ Tỉnh ủy đề nghị các cơ quan, đơn vị khẩn trương hoàn", 72, 520, 100),
      ("thành trước ngày 30/6/2024.", 72, 250, 114)],
     "Ban Thường vụ Tỉnh ủy đề nghị các cơ quan, đơn vị khẩn trương hoàn thành trước ngày 30/6/2024.\n"),
    # a list item starts a new line even after a full line
    ([("Các sở, ngành tiếp tục triển khai thực hiện các nhiệm vụ trọng tâm sau", 72, 520, 100),
      ("1. Rà soát quy hoạch.", 72, 200, 114)],
     "Các sở, ngành tiếp tục triển khai thực hiện các nhiệm vụ trọng tâm sau\n1. Rà soát quy hoạch.\n"),
    # a printed hyphen at the end of a line is kept, with no space after it
    ([("tình hình thực hiện Nghị quyết số 26-", 72, 520, 100), ("NQ/TW của Bộ Chính trị", 72, 240, 114)],
     "tình hình thực hiện Nghị quyết số 26-NQ/TW của Bộ Chính trị\n"),
    # three cells side by side are a table row
    ([("Chỉ tiêu", 72, 130, 100), ("Kết quả", 250, 300, 100), ("Ghi chú", 400, 450, 100)],
     "Chỉ tiêu | Kết quả | Ghi chú\n"),
])
def test_layout_joins_wrapped_lines_and_keeps_structure(rows, expected):
    assert paragraphs([_page(rows)]) == expected


def test_layout_drops_page_numbers_and_running_headers():
    pages = [_page([("Trang %d" % n, 280, 320, 20),
                    ("Báo cáo tình hình kinh tế - xã hội đến hết tháng %d năm 2024 của tỉnh" % n, 72, 520, 100),
                    ("- %d -" % n, 290, 310, 780)]) for n in (1, 2, 3)]
    text = paragraphs(pages)
    assert "Trang" not in text and "- 2 -" not in text
    assert text.count("Báo cáo tình hình") == 3


# -- bad input ------------------------------------------------------------------------------------

def test_file_over_the_size_limit_says_how_to_raise_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="over the limit.*--max-bytes"):
        read_path(path, max_bytes=1000)


def test_encrypted_pdf_says_to_remove_the_password(converted, docx_bytes):
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"mat-khau"}}')
    data = soffice_convert(docx_bytes, ".docx", options)
    with pytest.raises(InputError, match="encrypted with a password"):
        read_bytes(data, "mat.pdf")


def test_a_bad_file_in_a_batch_does_not_stop_the_others(tmp_path, seeds_dir):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 cut short")
    good = tmp_path / "tot.txt"
    good.write_text("Kết luận số 2043-KL/TU ngày 05/12/2023 của Tỉnh ủy.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--json", str(bad), str(good)])
    assert result.exit_code == 1
    assert "2043" in result.stdout
    assert "hong.docx" in result.stderr and "ask the sender" in result.stderr
