"""Is this article a report of a meeting held by a Vietnamese party, state or mass-organisation
body? At which level, of which type, in which province?

Transparent rules (v5), in this order (every rule reads the title and the lead; the body is read
only to find the province when the lead does not name it). The lead is the dataset's reference
summary, so a report is an article whose *lead* reports the meeting:

1. **Meeting cue** in the first sentence of the lead (``hội nghị``, ``kỳ họp``, ``phiên họp``,
   ``giao ban``, ``sơ kết``, ``tổng kết``, ``làm việc với``, ``tiếp xúc cử tri``, ``đối thoại``,
   ``đại hội``, ``hội thảo`` ...), or a statement made *at* a meeting later in the lead. A cue in
   the title alone is not enough; when both have one, the title's names the type. Venue names
   (``Trung tâm Hội nghị quốc gia``) are blanked first.
2. **Exclusions**: press conferences (``họp báo``), court trials, international summits, foreign
   bodies and foreign partners, business events and organisers (shareholders, customers, product
   launches, a company calling the meeting), sports congresses, visits with gifts, study-abroad
   fairs, events of non-state bodies (VCCI) or run by a newspaper, school or company, interviews
   (on the sidelines or with a paper), previews of meetings still to come (``kỳ họp ... tới``,
   ``trình HĐND``, ``sẽ xem xét`` with no sign that the meeting took place), meetings only
   mentioned (``các cuộc họp``, ``sau cuộc họp``, ``không đi họp``), official letters, postponed
   sessions, and crime or incident stories (by their title or cue sentence; a traffic-safety review
   is no incident).
3. **Organiser**: a Vietnamese party / state / mass-organisation body must be named in the title
   or the lead (councils, committees, departments, courts, institutes, a city's sector, the
   Front and the mass associations).
4. **Level** from the bodies named (national / provincial / district / commune; ``national`` when
   a national body alone organises or chairs; ``mixed`` when a national body meets a named locality
   or bodies of several levels meet), **type** from the cue, **province** from the gazetteer
   (``provinces.py``), preferring mentions after ``tỉnh``/``TP``/a body.

``classify(title, lead, document, outlet)`` returns a ``Label``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provsum.data.provinces import PROVINCES
from provsum.text.sentences import split_sentences

LEVELS = ("provincial", "district", "commune", "national", "mixed")
PROVINCIAL_LEVELS = frozenset({"provincial", "district", "commune", "mixed"})
MEETING_TYPES = (
    "hdnd_session", "party_committee", "people_committee", "briefing", "review",
    "working_session", "voter_contact", "dialogue", "congress", "conference", "other",
)


@dataclass(frozen=True)
class Label:
    is_meeting_report: bool
    level: str | None = None
    meeting_type: str | None = None
    province: str | None = None
    reason: str = ""  # which rule decided, for audits

    @property
    def is_provincial(self) -> bool:
        return self.is_meeting_report and self.level in PROVINCIAL_LEVELS


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


VENUES = _rx(r"trung tâm hội nghị(?: quốc gia| quốc tế| tiệc cưới)?|cung văn hóa|nhà hát|hội trường")

# meeting cues, most specific first: (type, pattern)
CUES: list[tuple[str, re.Pattern[str]]] = [
    ("voter_contact", _rx(r"tiếp xúc(?: \S+){0,4} (?:với )?cử tri|TXCT|(?:chất vấn|ý kiến|kiến nghị) của cử tri")),
    ("hdnd_session", _rx(r"\bkỳ họp\b|\bkì họp\b|phiên chất vấn|chất vấn (?:và trả lời chất vấn|tại kỳ họp)|phiên khai mạc|phiên bế mạc|bế mạc kỳ họp|khai mạc kỳ họp")),
    ("people_committee", _rx(r"phiên họp")),
    ("briefing", re.compile(r"[Gg]iao ban(?!\s+[A-ZĐ])|GIAO BAN")),  # not "giao Ban Quản lý ..." (to assign)
    ("review", _rx(r"sơ kết|hội nghị tổng kết|tổng kết (?:công tác|năm|nhiệm kỳ|\d+ năm|hoạt động|phong trào|việc thực hiện|thực hiện|chương trình|đợt|giai đoạn)|triển khai nhiệm vụ (?:năm|công tác)")),
    ("dialogue", _rx(r"(?:hội nghị|buổi|cuộc) đối thoại|đối thoại (?:với|giữa|trực tiếp) (?:\d+ )?(?:doanh nghiệp|nhân dân|người dân|công dân|thanh niên|nông dân|cử tri|DN|các|hộ dân|dân|giáo viên|đoàn viên|công nhân|người lao động|đại diện)")),
    ("congress", _rx(r"\bđại hội (?:đại biểu|Đảng|đảng bộ|chi bộ|Hội|Đoàn|Công đoàn|Mặt trận|MTTQ|thi đua|lần thứ|nhiệm kỳ|Phụ nữ|Nông dân|Cựu chiến binh|Thanh niên|Hội Nông dân|Hội Liên hiệp|Hội LHPN|điểm|X|XI|XII|toàn quốc|các dân tộc thiểu số|biểu dương)")),
    ("working_session", _rx(r"(?:buổi|cuộc) làm việc (?:với|tại)|(?:\b(?:buổi )?làm việc với|(?:đến|về|buổi|có buổi) làm việc tại) (?:UBND|Ủy ban|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Đảng ủy|lãnh đạo|tỉnh|thành phố|TP|huyện|quận|xã|Ban|Bộ|Sở|các|Hội|HĐND|Thường trực|Đoàn|Cục|Tổng cục|tập thể|Tập đoàn|Tổng công ty|Trường|Bệnh viện|Viện|Công ty|doanh nghiệp|các doanh nghiệp|Ngân hàng)|đoàn (?:công tác|giám sát|kiểm tra) (?:của|do)")),
    ("conference", _rx(r"hội nghị|hội thảo|tọa đàm|cuộc họp(?! mặt)|buổi họp(?! mặt)|họp bàn|họp khẩn|họp trực tuyến|\bhọp (?:với|để|về|thường|tổng kết|sơ kết)")),
    ("conference", re.compile(r"(?:Thành ủy|Tỉnh ủy|UBND|HĐND|Thường trực|Ban Thường vụ|Chính phủ|Thủ tướng)[^.]{0,40}\bhọp\b")),
]
PARTY_CUE = _rx(r"hội nghị (?:lần thứ \S+ )?(?:của )?(?:Ban Chấp hành|BCH|Ban Thường vụ|BTV|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Trung ương)|Hội nghị Trung ương|hội nghị Tỉnh ủy|hội nghị Thành ủy|hội nghị Huyện ủy")
SEMINAR_CUE = _rx(r"hội thảo|tọa đàm")

EXCLUDE = [
    ("press_conference", _rx(r"họp báo|giao ban báo chí|với phóng viên|gặp gỡ báo chí|cà phê sáng|thông tin báo chí|cung cấp thông tin cho báo chí")),
    ("court", _rx(r"phiên tòa|xét xử|hầu tòa|tuyên án|phiên phúc thẩm|phiên sơ thẩm")),
    ("international", _rx(r"(?:hội nghị|hội thảo|diễn đàn|tọa đàm) quốc tế|thượng đỉnh|\bAPEC\b|\bASEAN\b|\bG20\b|\bG7\b|\bG8\b|Liên hợp quốc|\bLHQ\b|\bUN\b|Davos|\bWEF\b|\bNATO\b|\bEU\b|Liên minh châu Âu|Hội đồng Bảo an|ngoại trưởng|Nhà Trắng|Điện Kremlin|Quốc hội (?:Mỹ|Nhật|Anh|Pháp|Đức|Hàn|Thái|Lào|Campuchia|Ukraine|Nga)|Thượng viện|Hạ viện|Nghị viện|Tổng thống|Thủ tướng (?:Nhật|Anh|Đức|Israel|Ấn|Thái|Úc|Australia|Nga|Trung Quốc|Campuchia|Lào|Malaysia|Singapore|Canada)|Bình Nhưỡng|Triều Tiên|WTO|\bIMF\b|World Bank|Ngân hàng Thế giới|\bOPEC\b|Paris|Washington|Bắc Kinh|Tokyo|Moscow|Bangkok|Singapore|Liên Xô")),
    ("not_state", _rx(r"\bVCCI\b|Phòng Thương mại và Công nghiệp")),
    ("sidelines", _rx(r"bên (?:hành lang|lề)")),
    ("mention_only", _rx(r"(?:các|những|nhiều|một số|\d+|hai|ba|bốn|năm) (?:buổi làm việc|kỳ họp|cuộc họp|hội nghị|buổi họp|phiên họp)|(?:một|trong một) (?:hội nghị|cuộc họp|buổi họp) (?:mới đây|gần đây)|không (?:đi )?(?:dự )?họp|sau (?:khi họp|cuộc họp|buổi làm việc|cuộc làm việc)|hủy (?:các|mọi) (?:cuộc|buổi)|(?:phóng viên|báo chí)[^.]{0,40}(?:dự họp|tác nghiệp)")),
    ("document", _rx(r"(?:ban hành|vừa ký|đã ký|gửi) (?:văn bản|công văn|chỉ thị)")),
    ("interview", _rx(r"trao đổi với (?:phóng viên|PV|báo|Tuổi Trẻ|Thanh Niên|VnExpress|Dân trí|VietNamNet|Lao Động)|trả lời phỏng vấn|(?:cuộc|buổi) phỏng vấn")),
    ("business_organiser", _rx(r"(?:Công ty|Tập đoàn|Tổng công ty|doanh nghiệp|các đơn vị vận tải|Hiệp hội)[^.,]{0,40}(?:tổ chức|triệu tập) (?:cuộc họp|hội nghị|hội thảo|buổi)|do (?:Báo|báo|Tạp chí|Trường|Đại học|Hiệp hội|Công ty|Tập đoàn|Tổng công ty)\b[^.,]{0,50}(?:tổ chức|phối hợp)")),
    # a meeting still to come: "kỳ họp ... tới", "nếu được ... thông qua", "sắp khai mạc"
    ("preview", _rx(r"(?:kỳ họp|hội nghị|phiên họp|cuộc họp|giao ban|đại hội)[^.]{0,60}\b(?:tới|sắp tới|tới đây|sắp diễn ra|ngày mai|vào tuần sau)\b|(?:để |chuẩn bị (?:nội dung )?)trình (?:tại )?(?:HĐND|kỳ họp)|trình lên HĐND|nếu được[^.]{0,40}thông qua|\bsắp (?:khai mạc|diễn ra|họp)|đang trên đường")),
    ("postponed", _rx(r"hoãn (?:kỳ họp|họp|hội nghị|tổ chức)|lùi (?:kỳ họp|thời gian họp)")),
    ("incident", _rx(r"vụ án|khởi tố|vòi tiền|tống tiền|bị bắt|tạm giam|tử vong|thi thể|nghi phạm|tai nạn(?! giao thông)|điều tra vụ|\bchết\b|truy tố|cái chết")),
    ("visit", _rx(r"thăm,? (?:và )?tặng quà|trao quà|tặng quà|thăm hỏi|chúc Tết|chúc mừng năm mới|cứu trợ|gặp mặt (?:Đoàn )?(?:Bà mẹ|các Bà mẹ)")),
    ("education_fair", _rx(r"du học|học bổng|ngày hội tuyển sinh|tư vấn tuyển sinh")),
    ("business", _rx(r"cổ đông|hội nghị khách hàng|tri ân khách hàng|ra mắt sản phẩm|sản phẩm mới|nhà phân phối|đại lý|triển lãm")),
    ("sports", _rx(r"đại hội (?:thể dục thể thao|TDTT|thể thao)|SEA Games|Olympic|ASIAD|giải bóng đá|Liên đoàn Bóng đá|\bVFF\b|\bVPF\b|V-League|AFF")),
    ("police_questioning", _rx(r"(?:Công an|cơ quan điều tra|CQĐT|cảnh sát)[^.]{0,30}làm việc với (?:nghi phạm|người|đối tượng|bị can|ông|bà|anh|chị)")),
]

_CAP = r"[A-ZĐÀ-Ỹ][^\W\d_]*"
# organising bodies, with the level each implies (case-sensitive: "xã hội" is not a commune)
NATIONAL_BODY = r"(?<!biểu )Quốc hội|\bQH\b|Chính phủ|Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|\bBộ (?:[A-ZĐ]|Công an|Quốc phòng|Tài chính|Y tế)|Bộ Chính trị|Ban Bí thư|Tổng Bí thư|Chủ tịch nước|Phó Chủ tịch nước|Trung ương|\bTƯ\b|T\.Ư\b|\bTW\b|Tổng cục|Ngân hàng Nhà nước|\bNHNN\b|Văn phòng Chính phủ|Kiểm toán Nhà nước|Tòa án nhân dân tối cao|Viện Kiểm sát nhân dân tối cao|toàn quốc|cả nước|Ủy ban Thường vụ Quốc hội|Mặt trận Tổ quốc Việt Nam|MTTQ Việt Nam|Viện [^,.;]{2,40}(?:[Tt]rung ương|Việt Nam|quốc gia)|Cục (?:\S+\s){1,4}(?:Việt Nam|VN)\b|Ủy ban Kiểm tra [Tt]rung ương|Tổng Liên đoàn|Trung ương Đoàn|Hội Nông dân Việt Nam|Hội Liên hiệp Phụ nữ Việt Nam|Bộ Tư lệnh|Ủy ban Quốc gia|Ban Chỉ đạo (?:Trung ương|quốc gia)"
PROVINCIAL_BODY = r"Tỉnh ủy|HĐND tỉnh|UBND tỉnh|Hội đồng nhân dân tỉnh|Ủy ban nhân dân tỉnh|\b[tT]ỉnh " + _CAP + r"|\bSở " + _CAP + r"|Tỉnh đoàn|Công an tỉnh|\bCATP\b|\bCA tỉnh\b|Bộ Chỉ huy Quân sự tỉnh|Bộ CHQS tỉnh|MTTQ tỉnh|Mặt trận Tổ quốc tỉnh|Liên đoàn Lao động tỉnh|LĐLĐ tỉnh|Đoàn ĐBQH|Đoàn đại biểu Quốc hội|Thành đoàn|lãnh đạo tỉnh"
DISTRICT_BODY = r"Huyện ủy|Quận ủy|Thị ủy|(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân) (?:huyện|quận|thị xã)|\b(?:[hH]uyện|[qQ]uận|[tT]hị xã) (?:" + _CAP + r"|\d+)"
COMMUNE_BODY = r"(?:Đảng ủy|UBND|HĐND|Hội đồng nhân dân|Ủy ban nhân dân) (?:xã|phường|thị trấn)|\b(?:[xX]ã|[pP]hường|[tT]hị trấn) (?:" + _CAP + r"|\d+)"
GENERIC_BODY = r"Thành ủy|HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Đảng ủy|Đảng bộ|Ban Thường vụ|Ban Chấp hành|Thường trực|MTTQ|Mặt trận Tổ quốc|Ban Dân vận|Ban Tuyên giáo|Ban Tổ chức|Ban Nội chính|Ủy ban Kiểm tra|Hội Nông dân|Hội Liên hiệp Phụ nữ|Hội LHPN|Hội Cựu chiến binh|Liên đoàn Lao động|\bLĐLĐ\b|Công đoàn|Đoàn Thanh niên|Đoàn TNCS|Tỉnh đoàn|\bCục " + _CAP + r"|Chi cục|Kho bạc|Bảo hiểm xã hội|\bBHXH\b|Công an|Bộ đội Biên phòng|Quân khu|cử tri|Ban Chỉ đạo|Ban chỉ đạo|Chủ tịch (?:UBND|HĐND|tỉnh|TP|thành phố|huyện|xã|MTTQ|Ủy ban)|Bí thư|Sở " + _CAP + r"|Phòng " + _CAP + r"|\bViện " + _CAP + r"|[Nn]gành [^,.;]{2,30} (?:TP|tỉnh|thành phố)|Tòa án nhân dân|TAND|Liên hiệp các Hội|Hội (?:Khuyến học|Cựu chiến binh|Chữ thập đỏ|Luật gia|Người cao tuổi|Nhà báo)"

_NATIONAL = re.compile(NATIONAL_BODY)
_PROVINCIAL = re.compile(PROVINCIAL_BODY)
_DISTRICT = re.compile(DISTRICT_BODY)
_COMMUNE = re.compile(COMMUNE_BODY)
# a state / party / mass-organisation body proper (not a bare place name), for seminars
_STATE_BODY = re.compile("|".join([NATIONAL_BODY, GENERIC_BODY, r"Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy|Thành đoàn|Tỉnh đoàn|Đoàn ĐBQH"]))
_ANY_BODY = re.compile("|".join([NATIONAL_BODY, PROVINCIAL_BODY, DISTRICT_BODY, COMMUNE_BODY, GENERIC_BODY]))
_NATIONAL_EVENT = re.compile(r"trực tuyến toàn quốc|kỳ họp (?:thứ \S+ )?(?:của )?Quốc hội|Quốc hội (?:khóa \S+ )?(?:khai mạc|bế mạc|thảo luận|biểu quyết|thông qua)|Ủy ban Kiểm tra Trung ương|phiên họp (?:\S+ ){0,2}Chính phủ|[Hh]ội nghị trực tuyến|họp Quốc hội|Ủy ban Kiểm tra [Tt]rung ương|Ủy ban Thường vụ Quốc hội")
# "sẽ xem xét / sẽ họp": a preview, unless the text also says the meeting took place or reports its speech
_FUTURE = re.compile(r"\bsẽ (?:được )?(?:trình|xem xét|bàn|thảo luận|đưa ra|khai mạc|diễn ra|họp|tổ chức|làm việc)\b|dự kiến (?:diễn ra|khai mạc|tổ chức)")
_HELD = re.compile(r"\bđã\b|\bvừa\b|cho biết|(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Nn]gày|[Hh]ôm) (?:nay|qua|\d)|[Tt]ại (?:hội nghị|kỳ họp|phiên|buổi|cuộc)")
_ALL_LOCALITIES = re.compile(r"các (?:tỉnh|địa phương|bộ, ngành|bộ ngành)|63 tỉnh|toàn quốc|cả nước")
_FOREIGN = re.compile(r"\b(?:Trung Quốc|Việt[ -]Trung|Lào(?! Cai)|Việt[ -]Lào|Campuchia|Thái Lan|Hàn Quốc|Nhật Bản|Hoa Kỳ|Séc|Singapore|Malaysia|Indonesia|Philippines|Australia|Canada|Ấn Độ|châu Âu)\b")
_DOCUMENT_BEFORE = re.compile(r"(?:Chỉ thị|Nghị quyết|Nghị định|Quyết định|Luật|Thông tư|Kết luận|Pháp lệnh|Chương trình|Đề án|Chiến lược)\b[^,;]{0,45}$")
_VENUE_BEFORE = re.compile(r"(?:tại|ở|về|đến|vào)\s*(?:TP\.?|thành phố|tỉnh)?\s*$")
# the second place of a venue ("tại thành phố Vinh, tỉnh Nghệ An"), for local bodies and places only
_VENUE_TAIL = re.compile(r"\b(?:tại|ở) (?:[^\s,.;:]+ ){1,5}[^\s,.;:]+, (?:TP\.?|thành phố|tỉnh)?\s*$")

# province gazetteer: variant -> canonical; mentions after a locality word are preferred
_VARIANTS = sorted(
    ((v, name) for name, (_kind, variants) in PROVINCES.items() for v in variants if v not in ("HN", "Thủ đô")),
    key=lambda x: -len(x[0]),
)
_VARIANT_TO_NAME = dict(_VARIANTS)
_PROVINCE_RX = re.compile(r"(?<![\w])(" + "|".join(re.escape(v) for v, _ in _VARIANTS) + r")(?![\w])")
_CONTEXT_RX = re.compile(
    r"(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|Tp\.?|Tỉnh ủy|Thành ủy|HĐND|UBND|Công an|Sở|\()\s*$"
)
_CITY_BODY_RX = re.compile(r"(?:Thành ủy|HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|thành phố|TP\.?|Chủ tịch|lãnh đạo|CATP|Công an|Hội \S+(?: \S+)?)\s*$")


def first_sentence(text: str) -> str:
    """The first sentence, not cut at abbreviations such as ``TP.`` (``Hội Luật gia TP. Hà Nội``)."""
    sentences = split_sentences(text)
    return sentences[0] if sentences else text


def find_provinces(text: str) -> list[tuple[int, str, bool]]:
    """(position, canonical province, preceded by a locality/body word) for each mention."""
    out = []
    for m in _PROVINCE_RX.finditer(text):
        name = _VARIANT_TO_NAME[m.group(1)]
        before = text[max(0, m.start() - 20): m.start()]
        out.append((m.start(), name, bool(_CONTEXT_RX.search(before))))
    return out


def pick_province(*texts: str, outlet: str | None = None) -> str | None:
    for text in texts:
        mentions = find_provinces(text)
        strong = [name for _pos, name, ctx in mentions if ctx]
        if strong:
            return strong[0]
        if mentions:
            return mentions[0][1]
    if outlet:
        mentions = find_provinces(outlet)
        if mentions:
            return mentions[0][1]
    return None


def _bodies(text: str) -> list[tuple[int, str]]:
    """(position, level) of every organising body or locality named, venues ("tại Hà Nội") aside."""
    found: list[tuple[int, str]] = []
    for level, rx in (("national", _NATIONAL), ("provincial", _PROVINCIAL), ("district", _DISTRICT), ("commune", _COMMUNE)):
        for m in rx.finditer(text):
            if _VENUE_BEFORE.search(text[max(0, m.start() - 12): m.start()]) or (
                    level != "national" and _VENUE_TAIL.search(text[max(0, m.start() - 60): m.start()])):
                continue
            # "Chỉ thị 03 của Bộ Chính trị": a national body named as a document's author is no participant
            if level == "national" and _DOCUMENT_BEFORE.search(text[max(0, m.start() - 50): m.start()]):
                continue
            found.append((m.start(), level))
    for pos, name, _ctx in find_provinces(text):
        before = text[max(0, pos - 25): pos]
        if _VENUE_BEFORE.search(before) or _VENUE_TAIL.search(text[max(0, pos - 60): pos]):
            continue
        # a province or centrally-run city named with its bodies, or as the sentence's subject
        if _CITY_BODY_RX.search(before) or not before.strip() or before.rstrip()[-1] in "\n:":
            found.append((pos, "provincial"))
    found.sort()
    return found


# a national body named as the organiser or chair ("do Bộ Xây dựng tổ chức", "Tổng cục Du lịch tổ chức hội nghị")
_NATIONAL_ORGANISER = re.compile(r"(?:(?:do|của) (?:" + NATIONAL_BODY + r")[^,.;]{0,60}|(?:" + NATIONAL_BODY
                                 + r")[^,.;]{0,60}(?:đã |vừa )?)(?:tổ chức|chủ trì|triệu tập)")


def _level(title: str, head: str, meeting_type: str | None = None) -> str | None:
    if meeting_type not in ("working_session", "voter_contact"):
        m = _NATIONAL_ORGANISER.search(head)
        # ... alone: a co-organising local body ("Bộ NN&PTNT phối hợp với UBND tỉnh Bình Định tổ chức")
        # or a provincial body named "Bộ CHQS tỉnh" / "Đoàn ĐBQH TP" makes it no national organiser
        if m and not re.match(r"(?:do |của )?Bộ (?:CHQS|Chỉ huy)", m.group(0)) and not (
                _PROVINCIAL.search(m.group(0)) or _DISTRICT.search(m.group(0)) or _COMMUNE.search(m.group(0))
                or find_provinces(m.group(0))):
            return "national"
    found = _bodies(f"{head}\n{title}")
    if not found:
        return None
    levels = {lv for _p, lv in found}
    first = found[0][1]
    local = levels & {"provincial", "district", "commune"}
    if "national" in levels and local:
        if first == "national" and (_ALL_LOCALITIES.search(head) or _NATIONAL_EVENT.search(f"{title}\n{head}")):
            return "national"
        return "mixed"
    return first


AT_MEETING = _rx(r"(?:tại|trong|ở) (?:hội nghị|cuộc họp|buổi họp|kỳ họp|phiên họp|buổi làm việc|buổi giao ban|hội nghị giao ban|phiên chất vấn|buổi tiếp xúc cử tri|buổi đối thoại)[^.]{0,120}")


# a cheap gate before the cue patterns: any of their key words, on lower-cased text
_GATE = re.compile(r"họp|hội nghị|giao ban|sơ kết|tổng kết|làm việc|tiếp xúc|txct|đối thoại|đại hội|hội thảo|tọa đàm|triển khai|chất vấn|khai mạc|bế mạc|đoàn công tác|đoàn giám sát|đoàn kiểm tra|giám sát")


def _cue(text: str) -> str | None:
    if not _GATE.search(text.lower()):
        return None
    for mtype, rx in CUES:
        if rx.search(text):
            return mtype
    return None


def classify(title: str, lead: str, document: str = "", outlet: str | None = None) -> Label:
    # most articles name no meeting in their lead at all: every cue and every "at the meeting" frame below
    # contains one of the gate's words, so without one the answer is known (and the costly steps are skipped)
    if not _GATE.search(lead.lower()):
        return Label(False, reason="no_meeting_cue")
    head = first_sentence(lead)
    cue_text = VENUES.sub(" ", f"{title}\n{head}")
    # the lead is the summary: it must report the meeting itself (a cue in the title alone is not enough);
    # the title's cue, when there is one, is the more specific name of the meeting
    meeting_type = _cue(VENUES.sub(" ", head)) and (_cue(cue_text) or "conference")
    if meeting_type is None:
        # later in the lead, a meeting counts when the lead reports what was said or decided AT it
        framed = AT_MEETING.search(VENUES.sub(" ", lead))
        if not framed:
            return Label(False, reason="no_meeting_cue")
        meeting_type = _cue(framed.group(0)) or "conference"
        head = lead
    if meeting_type == "conference" and PARTY_CUE.search(cue_text):
        meeting_type = "party_committee"
    context = VENUES.sub(" ", f"{title}\n{lead}")
    for reason, rx in EXCLUDE:
        if rx.search(context):
            # an international word in a provincial report ("hội nhập quốc tế") is no exclusion
            # when the cue sentence itself names a Vietnamese provincial/local body
            if reason == "international" and _PROVINCIAL.search(head) and not rx.search(head):
                continue
            # crime and incident words rule an article out only from its title or cue sentence
            if reason == "incident" and not rx.search(f"{title}\n{head}"):
                continue
            return Label(False, reason=f"excluded_{reason}")
    if _FUTURE.search(context) and not _HELD.search(context):
        return Label(False, reason="excluded_preview")
    if _FOREIGN.search(f"{title}\n{head}"):
        return Label(False, reason="excluded_foreign")
    if not _ANY_BODY.search(context) and not _bodies(f"{head}\n{title}"):
        return Label(False, reason="no_organiser")

    if meeting_type == "conference" and SEMINAR_CUE.search(cue_text) and not _STATE_BODY.search(f"{head}\n{title}"):
        return Label(False, reason="seminar_without_state_organiser")
    level = _level(title, head, meeting_type)
    province = pick_province(head, title, lead, "\n".join(document.split("\n")[:3]), outlet=outlet)
    if level is None and province and _ANY_BODY.search(f"{title}\n{head}"):
        level = "provincial"
    if level is None:
        return Label(False, reason="no_level")
    if level == "national" and not find_provinces(f"{title}\n{head}"):
        province = None
    return Label(True, level=level, meeting_type=meeting_type, province=province, reason=f"cue_{meeting_type}")
