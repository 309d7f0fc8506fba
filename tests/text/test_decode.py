"""Decoding files as offices have them: UTF-8/16, Windows-1258, TCVN3 (ABC) and VNI, detected or named."""
from __future__ import annotations

import unicodedata

import pytest

from chidao.errors import EncodingError, InputError
from chidao.text.decode import (
    canonical_encoding,
    decode_bytes,
    decode_tcvn3,
    decode_vni,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    is_vietnamese_syllable,
)
from tests.conftest import seed_text

# the 67 lowercase letters of Vietnamese that ASCII lacks (12 vowels x 6 forms + đ, minus a e i o u y)
LOWER = "àảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵđ"
LETTERS = LOWER + LOWER.upper()
ENCODERS = {"tcvn3": encode_tcvn3, "vni": encode_vni, "cp1258": encode_cp1258}
PARAGRAPH = ("Ngày 14/3/2024, Ban Thường vụ Tỉnh ủy tổ chức làm việc với Ban cán sự đảng Ủy ban nhân dân "
             "tỉnh. Tổng sản phẩm nội tỉnh 6 tháng đầu năm ước đạt 11.152 tỷ đồng, tăng 3,09% so với cùng kỳ; "
             "thu ngân sách nhà nước trên địa bàn ước đạt 2.099 tỷ đồng, bằng 60,1% kế hoạch.")


def test_the_alphabet_has_134_letters_beyond_ascii():
    assert len(set(LETTERS)) == 134
    assert all(unicodedata.is_normalized("NFC", c) for c in LETTERS)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_every_vietnamese_letter_round_trips_through_each_legacy_encoding(encoding):
    data = ENCODERS[encoding](LETTERS)
    assert decode_bytes(data, encoding=encoding).text == LETTERS


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
@pytest.mark.parametrize("letter", list(LETTERS))
def test_each_letter_in_a_word_round_trips(encoding, letter):
    word = f"x{letter}n" if letter.islower() else f"X{letter}N"
    assert decode_bytes(ENCODERS[encoding](word), encoding=encoding).text == word


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_a_seed_paragraph_in_a_legacy_encoding_is_detected_and_decoded(encoding):
    decoded = decode_bytes(ENCODERS[encoding](PARAGRAPH))
    assert decoded.encoding == encoding
    assert decoded.text == PARAGRAPH


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_a_whole_seed_document_in_a_legacy_encoding_is_detected(seeds_dir, encoding):
    # legacy fonts have no curly quotes, dashes or ellipsis: offices typed ASCII ones
    text = seed_text("004").translate(str.maketrans({"“": '"', "”": '"', "–": "-", "…": "..."}))
    decoded = decode_bytes(ENCODERS[encoding](text))
    assert (decoded.encoding, decoded.text) == (encoding, unicodedata.normalize("NFC", text))


@pytest.mark.parametrize("data, expected", [
    (b"\xa7\xe5ng ch\xdd", "Đồng chí"),
    (b"B\xb6o Th\xbeng", "Bảo Thắng"),
    (b"M\xad\xeang Kh\xad\xacng", "Mường Khương"),  # 0xAD ư shows as nothing in cp1252
    (b"K\xd5T LU\xcbN", "KẾT LUẬN"),        # typed for a ".VnTimeH" capitals font
    (b"K\xfa Anh", "Kỳ Anh"),               # a capitalised word stays as it is
])
def test_tcvn3_bytes_decode_to_known_text(data, expected):
    assert decode_tcvn3(data) == expected


@pytest.mark.parametrize("data, expected", [
    ("Xin chaøo caùc baïn".encode("cp1252"), "Xin chào các bạn"),
    ("Ñoàng chí Nguyeãn Ñöùc Thanh".encode("cp1252"), "Đồng chí Nguyễn Đức Thanh"),
    ("UÛY BAN NHAÂN DAÂN".encode("cp1252"), "ỦY BAN NHÂN DÂN"),
    ("Quaûng Ngaõi, ngaøy".encode("cp1252"), "Quảng Ngãi, ngày"),
])
def test_vni_bytes_decode_to_known_text(data, expected):
    assert decode_vni(data) == expected


def test_windows_1258_combining_tones_are_composed_to_nfc():
    data = b"Ha\xcc N\xf4\xf2i"            # H a + grave, N ô + dot below i
    decoded = decode_bytes(data, encoding="windows-1258")
    assert decoded.text == "Hà Nội" and unicodedata.is_normalized("NFC", decoded.text)


@pytest.mark.parametrize("data, encoding", [
    (PARAGRAPH.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8"), "utf-8"),
    (PARAGRAPH.encode("utf-16"), "utf-16"),                     # with a BOM
    (b"\xfe\xff" + PARAGRAPH.encode("utf-16-be"), "utf-16"),
    (PARAGRAPH.encode("utf-16-le"), "utf-16"),                  # BOM-less, zero bytes on the odd side
    (PARAGRAPH.encode("utf-16-be"), "utf-16"),
])
def test_unicode_files_with_and_without_bom_are_read(data, encoding):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (PARAGRAPH, encoding)


def test_utf8_nfd_text_is_kept_as_read():
    nfd = unicodedata.normalize("NFD", PARAGRAPH)
    assert decode_bytes(nfd.encode("utf-8")).text == nfd


def test_a_utf8_file_cut_mid_character_is_still_read():
    data = PARAGRAPH.encode("utf-8") + "ệ".encode("utf-8")[:2]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text.startswith(PARAGRAPH)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    bytes(range(256)) * 4,
    b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12def" * 3,
])
def test_binary_content_is_refused_as_not_text(data):
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(data, name="x.bin")


@pytest.mark.parametrize("data", [
    encode_tcvn3("số"),                     # one short word reads as Vietnamese in several encodings
    bytes([0xC3, 0xA9, 0xF1]) * 1 + b" " + bytes([0xE8, 0x9F, 0xBC]),
])
def test_undecidable_encoding_names_the_option_and_the_accepted_names(data):
    with pytest.raises(EncodingError) as err:
        decode_bytes(data, name="f.txt")
    message = str(err.value)
    assert message.startswith("f.txt: ") and "--encoding" in message and "\n" not in message
    for name in ("utf-8", "utf-16", "cp1258", "tcvn3", "vni"):
        assert name in message


@pytest.mark.parametrize("alias, canonical", [
    ("UTF-8", "utf-8"), ("utf8", "utf-8"), ("utf-16le", "utf-16-le"), ("windows-1258", "cp1258"),
    ("CP1258", "cp1258"), ("abc", "tcvn3"), ("TCVN3", "tcvn3"), ("vni-windows", "vni"), ("VNI", "vni"),
])
def test_encoding_names_and_aliases_are_accepted(alias, canonical):
    assert canonical_encoding(alias) == canonical


@pytest.mark.parametrize("name", ["latin-9", "koi8-r", "utf-32", ""])
def test_an_unknown_encoding_name_is_an_input_error_listing_the_names(name):
    with pytest.raises(InputError, match="tcvn3") as err:
        decode_bytes(b"abc", encoding=name or " ")
    assert not isinstance(err.value, EncodingError)


def test_bytes_invalid_in_the_named_encoding_say_to_try_another():
    with pytest.raises(EncodingError, match="--encoding"):
        decode_bytes(encode_tcvn3("Đồng chí"), encoding="utf-8", name="f.txt")


@pytest.mark.parametrize("word", ["các", "Nghị", "quyết", "nghiêng", "Ủy", "TỈNH", "khuya", "giữ", "quốc", "hoàn"])
def test_valid_syllables_are_recognised(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["cÊc", "sèè", "càc", "hỏp", "ngáì", "bµn", "xyz"])
def test_invalid_syllables_are_rejected(word):
    # mixed case, two tones, a falling tone on a stop ending (-c, -p), letters not in the alphabet
    assert not is_vietnamese_syllable(word)
