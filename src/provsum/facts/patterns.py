"""Lexicons for the fact extractor: provinces, surnames, organizing bodies, roles, units.

Everything here is plain data (no regex compilation, no imports of provsum), so the
lists can be read and corrected by hand. Spellings are NFC with new-style tone marks
(``Hòa``, ``Thủy``, ``ủy``): the extractor normalizes tone marks before matching.
"""

from __future__ import annotations

# --- the 63 provinces / centrally governed cities (2008-2025), canonical name first,
# then spelling variants found in news text. Canonical names are what values use.
PROVINCES: dict[str, tuple[str, ...]] = {
    "An Giang": (),
    "Bà Rịa - Vũng Tàu": ("Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "BR-VT", "Vũng Tàu"),
    "Bạc Liêu": (),
    "Bắc Giang": (),
    "Bắc Kạn": ("Bắc Cạn",),
    "Bắc Ninh": (),
    "Bến Tre": (),
    "Bình Dương": (),
    "Bình Định": (),
    "Bình Phước": (),
    "Bình Thuận": (),
    "Cà Mau": (),
    "Cao Bằng": (),
    "Cần Thơ": (),
    "Đà Nẵng": (),
    "Đắk Lắk": ("Đăk Lăk", "Đắc Lắc", "Đắk Lăk", "Đăk Lắk", "Daklak", "Đắklắk"),
    "Đắk Nông": ("Đăk Nông", "Đắc Nông", "Daknong"),
    "Điện Biên": (),
    "Đồng Nai": (),
    "Đồng Tháp": (),
    "Gia Lai": (),
    "Hà Giang": (),
    "Hà Nam": (),
    "Hà Nội": (),
    "Hà Tĩnh": (),
    "Hải Dương": (),
    "Hải Phòng": (),
    "Hậu Giang": (),
    "Hòa Bình": (),
    "Hưng Yên": (),
    "Khánh Hòa": (),
    "Kiên Giang": (),
    "Kon Tum": ("Kontum",),
    "Lai Châu": (),
    "Lâm Đồng": (),
    "Lạng Sơn": (),
    "Lào Cai": (),
    "Long An": (),
    "Nam Định": (),
    "Nghệ An": (),
    "Ninh Bình": (),
    "Ninh Thuận": (),
    "Phú Thọ": (),
    "Phú Yên": (),
    "Quảng Bình": (),
    "Quảng Nam": (),
    "Quảng Ngãi": (),
    "Quảng Ninh": (),
    "Quảng Trị": (),
    "Sóc Trăng": (),
    "Sơn La": (),
    "Tây Ninh": (),
    "Thái Bình": (),
    "Thái Nguyên": (),
    "Thanh Hóa": (),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "Thừa Thiên-Huế", "Thừa Thiên – Huế", "TT-Huế", "TT - Huế"),
    "Tiền Giang": (),
    "Hồ Chí Minh": ("TP.HCM", "TP. HCM", "TP HCM", "TPHCM", "Tp.HCM", "Tp. HCM", "TP.Hồ Chí Minh",
                    "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Tp. Hồ Chí Minh", "Thành phố Hồ Chí Minh",
                    "thành phố Hồ Chí Minh", "Sài Gòn", "HCM"),
    "Trà Vinh": (),
    "Tuyên Quang": (),
    "Vĩnh Long": (),
    "Vĩnh Phúc": (),
    "Yên Bái": (),
}

# The five centrally governed cities: "TP" / "thành phố" before them names the province itself.
CENTRAL_CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"})

# Vietnamese family names, used to anchor person names (a name is a surname followed by
# one to three capitalized syllables).
SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn
    Vương Trịnh Trương Lâm Phùng Mai Tô Hà Tạ Thái Lương Đinh Lưu Châu Quách Cao Kiều
    Triệu Chu Lại Nông Mạc Âu Thân Tăng Khổng Hứa La Đàm Lò Cù Giang Từ Tống Bế Lục
    Hầu Khúc Chế Nghiêm Thạch Quan Vi Lã Diệp Ông Mẫn Tôn Trình Doãn Ninh Đồng Văn Kim
    Lữ Phí Thiều Viên Hoàng Bạch Cấn Khuất Lục Lường Quàng Sầm Hạ Giáp Vòng Y Tòng""".split()
)

# Words that, right before a capitalized name, make it a place or an institution, not a person.
PLACE_PREFIXES = frozenset(
    """tỉnh tp tp. huyện quận q. tx tx. xã phường p. đường phố trường thpt thcs cầu sông núi
    chùa đền khu làng thôn bản ấp tổ cụm hẻm ngõ kênh hồ đảo vịnh cảng chợ giải""".split()
)
# multi-word place prefixes (lower-cased, checked as text endings before a name)
PLACE_PREFIX_PHRASES = (
    "thành phố", "thị xã", "thị trấn", "khách sạn", "bệnh viện", "công ty", "tập đoàn",
    "hội trường", "nhà văn hóa", "sân bay", "di tích", "tượng đài", "quảng trường",
    "trung tâm", "trường đại học", "đại học", "học viện", "tuyến", "dự án", "nhà máy",
    "thủy điện", "khu công nghiệp", "khu đô thị", "khu kinh tế", "vườn quốc gia", "huân chương",
    "nhà hát", "nhà thờ", "công viên", "phố đi bộ",
)

# Honorifics that introduce a person (the name after them may be a single given name).
HONORIFICS = ("đồng chí", "đ/c", "Đ/c", "ông", "bà", "anh", "chị")

# Role words (lower-case; matched case-insensitively); a role phrase starts with one of them.
ROLE_WORDS = (
    "phó chủ tịch thường trực", "phó chủ tịch", "chủ tịch", "phó bí thư thường trực",
    "phó bí thư", "bí thư", "tổng bí thư", "phó trưởng ban", "trưởng ban", "phó trưởng đoàn",
    "trưởng đoàn", "phó trưởng", "trưởng", "phó giám đốc", "giám đốc", "tổng giám đốc",
    "phó chủ nhiệm", "chủ nhiệm", "phó chánh văn phòng", "chánh văn phòng", "chánh thanh tra",
    "chánh án", "viện trưởng", "phó thủ tướng", "thủ tướng", "bộ trưởng", "thứ trưởng",
    "cục trưởng", "phó cục trưởng", "chi cục trưởng", "trưởng phòng", "phó trưởng phòng",
    "ủy viên", "đại biểu", "tư lệnh", "chính ủy", "người phát ngôn", "đại tá", "thượng tá",
    "trung tá", "thiếu tá", "thiếu tướng", "trung tướng", "thượng tướng", "đại tướng",
    "nguyên", "quyền chủ tịch", "quyền giám đốc", "phó tổng giám đốc", "tổng thư ký",
    "chủ tịch nước", "phó chủ tịch nước", "phó chánh án", "phó viện trưởng",
)

# --- organizing bodies -------------------------------------------------------------
# Party committees named by their level (no locality needed).
PARTY_COMMITTEES = (
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy", "Đảng ủy", "Tỉnh đoàn",
    "Thành đoàn", "Huyện đoàn",
)
# Councils and fronts that take a locality ("HĐND tỉnh Quảng Ninh").
COUNCILS = (
    "Hội đồng nhân dân", "HĐND", "Ủy ban nhân dân", "UBND",
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc", "Ủy ban MTTQ Việt Nam",
    "Ủy ban MTTQ VN", "Ủy ban MTTQ", "UBMTTQ Việt Nam", "UBMTTQVN", "UBMTTQ",
    "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "MTTQ Việt Nam", "MTTQ",
)
# Committees of the party or the council ("Ban Dân vận Tỉnh ủy", "Ban Pháp chế HĐND tỉnh").
BAN_NAMES = (
    "Dân vận", "Tuyên giáo", "Tổ chức", "Nội chính", "Kinh tế - Ngân sách", "Kinh tế - ngân sách",
    "Kinh tế", "Pháp chế", "Văn hóa - Xã hội", "Văn hóa - xã hội", "Dân tộc", "Đô thị",
    "An toàn giao thông", "Thi đua - Khen thưởng", "Bảo vệ sức khỏe cán bộ", "Chỉ đạo",
)
# Group prefixes before a party committee or council ("Thường trực HĐND tỉnh").
GROUP_PREFIXES = (
    "Thường trực", "Ban Thường vụ", "BTV", "Ban Chấp hành Đảng bộ", "BCH Đảng bộ",
    "Ban Chấp hành", "BCH", "Văn phòng", "Ủy ban Kiểm tra", "UBKT",
)
# Departments and ministries: "Sở" / "Bộ" + a sector.
SECTORS = (
    "Tài nguyên và Môi trường", "Tài nguyên - Môi trường", "Giao thông vận tải",
    "Giao thông - Vận tải", "Kế hoạch và Đầu tư", "Kế hoạch - Đầu tư", "Tài chính", "Nội vụ",
    "Tư pháp", "Công Thương", "Công thương", "Xây dựng", "Y tế", "Giáo dục và Đào tạo",
    "Giáo dục - Đào tạo", "Lao động - Thương binh và Xã hội", "Lao động, Thương binh và Xã hội",
    "LĐ-TB&XH", "LĐTB&XH", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và PTNT",
    "NN&PTNT", "Văn hóa, Thể thao và Du lịch", "VH-TT&DL", "VHTT&DL", "Văn hóa và Thể thao",
    "Văn hóa - Thể thao", "Du lịch", "Khoa học và Công nghệ", "KH&CN", "Thông tin và Truyền thông",
    "TT&TT", "Ngoại vụ", "Quy hoạch - Kiến trúc", "Quy hoạch kiến trúc", "Công an", "Quốc phòng",
    "Ngoại giao", "Tài nguyên Môi trường", "Thủy sản", "Công nghiệp", "Giao thông công chính",
    "Giao thông công chánh", "GD&ĐT", "GD & ĐT", "GDĐT", "TN&MT", "TNMT",
    "KH&ĐT", "KHĐT", "GTVT", "GD-ĐT", "GD - ĐT", "TN-MT", "KH-ĐT", "LĐTBXH", "NN-PTNT", "VHTTDL", "TT-TT",
)
# Other bodies named as they are (usually followed by a locality).
OTHER_BODIES = (
    "Ủy ban Thường vụ Quốc hội", "Đoàn Đại biểu Quốc hội", "Đoàn ĐBQH", "Quốc hội", "Chính phủ",
    "Kiểm toán Nhà nước", "Thanh tra Chính phủ", "Tổng cục Thuế", "Tổng cục Hải quan", "Văn phòng Chính phủ", "Công an",
    "Bộ Chỉ huy Quân sự", "Bộ CHQS", "Bộ Chỉ huy Bộ đội Biên phòng", "Bộ đội Biên phòng",
    "Cục Thuế", "Cục Hải quan", "Kho bạc Nhà nước", "Ngân hàng Nhà nước", "Thanh tra",
    "Tòa án nhân dân", "TAND", "Viện Kiểm sát nhân dân", "VKSND", "Viện KSND", "Liên đoàn Lao động",
    "LĐLĐ", "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội Cựu chiến binh",
    "Hội CCB", "Đoàn Thanh niên", "Chính Phủ", "Bộ Chính trị", "Đoàn Luật sư", "Hội Luật gia", "Hội Chữ thập đỏ", "Liên minh Hợp tác xã",
    "Ban Quản lý Khu kinh tế", "Ban An toàn giao thông", "Ban Chỉ đạo",
)
# Bodies that are common nouns in lower case: only matched when capitalized.
CASE_SENSITIVE_BODIES = frozenset({"Công an", "Thanh tra", "Chính phủ", "Chính Phủ", "Quốc hội"})

# Administrative levels that introduce a locality after a body, lower-case.
LEVELS = {
    "tỉnh": "tỉnh", "thành phố": "thành phố", "tp": "thành phố", "tp.": "thành phố",
    "huyện": "huyện", "quận": "quận", "q.": "quận", "thị xã": "thị xã", "tx": "thị xã",
    "tx.": "thị xã", "xã": "xã", "phường": "phường", "p.": "phường", "thị trấn": "thị trấn",
}

# --- abbreviations, expanded before comparing values (lower-case keys) ---------------
ABBREVIATIONS = {
    "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "ubmttqvn": "ủy ban mặt trận tổ quốc việt nam",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "mttq": "mặt trận tổ quốc",
    "vn": "việt nam",
    "tp": "thành phố",
    "tx": "thị xã",
    "q": "quận",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "ubkt": "ủy ban kiểm tra",
    "đbqh": "đại biểu quốc hội",
    "lđlđ": "liên đoàn lao động",
    "lhpn": "liên hiệp phụ nữ",
    "ccb": "cựu chiến binh",
    "tand": "tòa án nhân dân",
    "vksnd": "viện kiểm sát nhân dân",
    "ksnd": "kiểm sát nhân dân",
    "chqs": "chỉ huy quân sự",
    "nn&ptnt": "nông nghiệp và phát triển nông thôn",
    "ptnt": "phát triển nông thôn",
    "lđ-tb&xh": "lao động thương binh và xã hội",
    "lđtb&xh": "lao động thương binh và xã hội",
    "vh-tt&dl": "văn hóa thể thao và du lịch",
    "vhtt&dl": "văn hóa thể thao và du lịch",
    "kh&cn": "khoa học và công nghệ",
    "gd&đt": "giáo dục và đào tạo",
    "gdđt": "giáo dục và đào tạo",
    "tn&mt": "tài nguyên và môi trường",
    "tnmt": "tài nguyên và môi trường",
    "kh&đt": "kế hoạch và đầu tư",
    "khđt": "kế hoạch và đầu tư",
    "gtvt": "giao thông vận tải",
    "lđtbxh": "lao động thương binh và xã hội",
    "vhttdl": "văn hóa thể thao và du lịch",
    "tt&tt": "thông tin và truyền thông",
}

# --- meetings ---------------------------------------------------------------------------
MEETING_NOUNS = (
    "hội nghị", "kỳ họp", "phiên họp", "cuộc họp", "buổi họp", "họp báo", "đại hội",
    "hội thảo", "buổi làm việc", "phiên chất vấn", "buổi tiếp xúc cử tri",
)
# qualifiers that give the meeting its type (lower-case; first match wins per position)
MEETING_QUALIFIERS = (
    "giao ban", "sơ kết", "tổng kết", "thường kỳ", "thường lệ", "chuyên đề", "bất thường",
    "trực tuyến", "triển khai", "quán triệt", "đối thoại", "tiếp xúc cử tri", "liên tịch",
    "cán bộ chủ chốt", "báo cáo viên", "lấy phiếu tín nhiệm", "chất vấn", "thẩm tra",
    "đại biểu", "toàn thể", "mở rộng", "học tập", "xúc tiến đầu tư", "thường niên",
)

# --- numbers ----------------------------------------------------------------------------
MULTIPLIERS = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
# known units, canonical form; matched longest first, case-insensitive
UNITS = {
    "đồng": "đồng", "đ": "đồng", "vnđ": "đồng", "vnd": "đồng", "usd": "usd", "đô la": "usd",
    "euro": "euro", "%": "%", "phần trăm": "%", "ha": "ha", "hecta": "ha", "héc-ta": "ha",
    "héc ta": "ha", "km2": "km2", "km²": "km2", "km": "km", "m2": "m2", "m²": "m2", "m3": "m3",
    "m³": "m3", "m": "m", "tấn": "tấn", "kg": "kg", "lít": "lít", "mw": "mw", "kwh": "kwh",
    "phiếu": "phiếu", "người": "người", "hộ": "hộ", "lượt": "lượt",
}
# words that are not a unit when they follow a number
NOT_UNITS = frozenset(
    """và của là các với đã được trong so tại với cho từ đến trên dưới hơn
    gần khoảng như này đó thì mà nhưng hay hoặc có không vào ra lên xuống theo về tổ cùng""".split()
)
# a number right after one of these words is an identifier or ordinal, not a quantity
NUMBER_BLOCKERS = (
    "số", "thứ", "khóa", "lần", "quốc lộ", "ql", "tỉnh lộ", "đường", "quận", "q.", "phường",
    "p.", "điều", "khoản", "chương", "mục", "nghị định", "quyết định", "nghị quyết", "thông tư",
    "chỉ thị", "tổ", "khu", "lô", "kỳ", "phòng", "tầng", "căn hộ", "covid", "sư đoàn",
    "trung đoàn", "lữ đoàn", "tiểu đoàn", "đợt", "mã", "ô", "hẻm", "ngõ", "ngách", "kênh",
    "lớp", "bảng", "hình", "tập", "mẫu", "xóm", "đội", "ấp", "khu phố", "cụm", "km",
)

# two-syllable nouns counted after a number ("24 chức danh"): the whole noun is the unit
COMPOUND_UNITS = frozenset((
    "chức danh", "dự án", "công trình", "cán bộ", "giáo viên", "doanh nghiệp", "đại biểu",
    "học sinh", "sinh viên", "lãnh đạo", "trường hợp", "công nhân", "hộ dân", "nhân khẩu",
    "lao động", "hội viên", "đảng viên", "đoàn viên", "cử tri", "ý kiến", "lượt khách",
    "du khách", "bị can", "bị cáo", "đối tượng", "phương tiện", "căn hộ", "căn nhà", "đơn vị",
    "cơ sở", "sản phẩm", "chi bộ", "tổ chức", "nhiệm vụ", "chỉ tiêu", "tiêu chí", "văn bản",
    "kiến nghị", "vụ việc", "vụ án", "ngư dân", "gia đình", "bệnh nhân", "ca bệnh", "trạm y tế",
    "dân số", "thành viên", "ủy viên", "nhà đầu tư", "hợp tác xã", "tuyến đường", "phòng học",
    "đồng chí", "thành phố",
))
