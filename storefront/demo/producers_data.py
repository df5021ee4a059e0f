"""The demo's 82 producers (invented names) in the wards of the former Hậu Giang province.

Since 2025 Hậu Giang is part of Thành phố Cần Thơ (province code 92); the ward codes are
the current ones, checked against `vietnam_provinces`.
"""

from dataclasses import dataclass

from storefront.producers.models import ProducerKind
from storefront.text import slugify

PROVINCE_CODE = 92  # Thành phố Cần Thơ

VI_THANH = 31321
VI_TAN = 31333
NGA_BAY = 31340
LONG_MY = 31471
LONG_PHU_1 = 31480
VI_THUY = 31441
VI_THANH_1 = 31465
CHAU_THANH = 31366
TAN_HOA = 31342
PHUNG_HIEP = 31420
PHUONG_BINH = 31426
HIEP_HUNG = 31396
HOA_LUU = 31338
THANH_XUAN = 31360
THANH_HOA = 31408

WARDS = (
    VI_THANH, VI_TAN, NGA_BAY, LONG_MY, LONG_PHU_1, VI_THUY, VI_THANH_1, CHAU_THANH,
    TAN_HOA, PHUNG_HIEP, PHUONG_BINH, HIEP_HUNG, HOA_LUU, THANH_XUAN, THANH_HOA,
)  # fmt: skip


@dataclass(frozen=True)
class ProducerSpec:
    name: str
    kind: ProducerKind
    ward_code: int
    brand: str  # the short name its products carry
    lines: tuple[str, ...]  # keys of the catalogue lines it makes

    @property
    def slug(self) -> str:
        return slugify(self.name)


def _producers(kind: ProducerKind, *rows: tuple[str, int, str, str]) -> tuple[ProducerSpec, ...]:
    return tuple(
        ProducerSpec(name, kind, ward, brand, tuple(lines.split()))
        for name, ward, brand, lines in rows
    )


ENTERPRISES = _producers(
    ProducerKind.ENTERPRISE,
    ("Công ty TNHH Thực phẩm Sông Hậu", NGA_BAY, "Sông Hậu",
     "cha-ca-that-lat cha-bong-ca-loc lap-xuong-tom ca-that-lat-rut-xuong"),
    ("Công ty Cổ phần Nông sản Hỏa Lựu", HOA_LUU, "Hỏa Lựu",
     "khom-cau-duc khom-say-deo nuoc-khom-ep ruou-khom"),
    ("Công ty TNHH MTV Mật ong Phương Nam", LONG_MY, "Phương Nam",
     "mat-ong-hoa-tram mat-ong-hoa-ca-phe phan-hoa mat-ong-hoa-nhan"),
    ("Công ty TNHH Lúa gạo Long Mỹ", LONG_MY, "Long Mỹ", "gao-st25 gao-thom gao-lut"),
    ("Công ty TNHH Dược liệu Hậu Giang Xanh", PHUNG_HIEP, "Hậu Giang Xanh",
     "nam-linh-chi tinh-bot-nghe cao-dinh-lang"),
    ("Công ty TNHH Tinh dầu Thiên Phúc", VI_THANH_1, "Thiên Phúc",
     "tinh-dau-sa tinh-dau-tram xa-bong-sa"),
    ("Công ty TNHH Thủ công Mỹ nghệ Miền Tây", VI_TAN, "Miền Tây",
     "tham-luc-binh tui-xach-luc-binh hop-luc-binh don-luc-binh"),
    ("Công ty TNHH MTV Trà Mekong", CHAU_THANH, "Mekong",
     "tra-mang-cau tra-la-sen tra-khom tra-sa"),
    ("Công ty Cổ phần Thực phẩm Ngã Bảy", NGA_BAY, "Ngã Bảy", "banh-khom keo-khom chuoi-say"),
    ("Công ty TNHH Nông nghiệp Xanh Long Phú", LONG_PHU_1, "Long Phú",
     "buoi-nam-roi buoi-da-xanh tinh-dau-buoi"),
    ("Công ty TNHH Rượu Phụng Hiệp", PHUNG_HIEP, "Phụng Hiệp", "ruou-nep ruou-mang-cau ruou-khom"),
    ("Công ty TNHH Chế biến Thủy sản Hậu Giang", VI_THANH, "Hậu Giang",
     "kho-ca-loc kho-ca-sac tom-kho mam-ca-loc"),
    ("Công ty TNHH Nấm Thạnh Xuân", THANH_XUAN, "Thạnh Xuân", "nam-bao-ngu nam-rom nam-say-gion"),
)  # fmt: skip

COOPERATIVES = _producers(
    ProducerKind.COOPERATIVE,
    ("Hợp tác xã Lúa sạch Vị Thủy", VI_THUY, "Vị Thủy", "gao-sach-vi-thuy"),
    ("Hợp tác xã Khóm Hỏa Tiến", HOA_LUU, "Hỏa Tiến", "khom-cau-duc mut-khom tra-khom"),
    ("Hợp tác xã Chanh không hạt Long Trị", LONG_MY, "Long Trị", "chanh-khong-hat nuoc-cot-chanh"),
    ("Hợp tác xã Bưởi Năm Roi Phú Hữu", CHAU_THANH, "Phú Hữu", "buoi-nam-roi buoi-da-xanh"),
    ("Hợp tác xã Thủy sản Hiệp Hưng", HIEP_HUNG, "Hiệp Hưng",
     "ca-that-lat-rut-xuong cha-ca-that-lat kho-ca-ro"),
    ("Hợp tác xã Nông nghiệp Tân Long", PHUNG_HIEP, "Tân Long", "gao-huyet-rong gao-nep"),
    ("Hợp tác xã Đan đát Phương Bình", PHUONG_BINH, "Phương Bình", "ro-tre khay-tre gio-bang"),
    ("Hợp tác xã Lục bình Thạnh Hòa", THANH_HOA, "Thạnh Hòa",
     "gio-luc-binh tui-xach-luc-binh tham-luc-binh"),
    ("Hợp tác xã Nuôi ong Vị Bình", VI_THUY, "Vị Bình", "mat-ong-hoa-tram mat-ong-hoa-ca-phe"),
    ("Hợp tác xã Xoài Hòa An", PHUNG_HIEP, "Hòa An", "xoai-cat mit-say"),
    ("Hợp tác xã Quýt đường Long Mỹ", LONG_MY, "Long Mỹ", "quyt-duong cam-sanh"),
    ("Hợp tác xã Nông nghiệp Phú Thạnh", THANH_XUAN, "Phú Thạnh",
     "mang-cau-xiem tra-mang-cau ruou-mang-cau"),
    ("Hợp tác xã Cá thát lát Vị Thanh", VI_THANH, "Vị Thanh", "cha-ca-that-lat kho-ca-loc"),
    ("Hợp tác xã Dừa xiêm Long Bình", LONG_PHU_1, "Long Bình", "dua-xiem keo-dua"),
    ("Hợp tác xã Dược liệu Tân Hòa", TAN_HOA, "Tân Hòa", "bot-rau-ma kho-qua-rung tra-dinh-lang"),
    ("Hợp tác xã Nấm Vị Tân", VI_TAN, "Vị Tân", "nam-bao-ngu nam-say-gion"),
    ("Hợp tác xã Rượu nếp Cái Tắc", CHAU_THANH, "Cái Tắc", "ruou-nep banh-phong"),
    ("Hợp tác xã Chăn nuôi Hòa Mỹ", PHUNG_HIEP, "Hòa Mỹ", "lap-xuong nem-chua"),
    ("Hợp tác xã Lúa gạo Thuận Hòa", THANH_HOA, "Thuận Hòa", "gao-huu-co gao-lut tra-gao-lut"),
    ("Hợp tác xã Đan đát Vĩnh Viễn", LONG_MY, "Vĩnh Viễn", "non-la ro-tre gio-bang"),
    ("Hợp tác xã Thủy sản Long Thạnh", PHUNG_HIEP, "Long Thạnh", "luon-dong ca-loc-mot-nang"),
    ("Hợp tác xã Sen Vị Đông", VI_THUY, "Vị Đông", "tra-la-sen hat-sen-say"),
)  # fmt: skip

HOUSEHOLDS = _producers(
    ProducerKind.HOUSEHOLD,
    ("Cơ sở Chả cá Ba Tâm", NGA_BAY, "Ba Tâm", "cha-ca-that-lat cha-bong-ca-loc"),
    ("Cơ sở Khô cá Tư Hiền", LONG_MY, "Tư Hiền", "kho-ca-loc kho-ca-sac kho-ca-ro"),
    ("Hộ kinh doanh Nguyễn Thị Phúc", VI_THANH, "Sáu Phúc", "mam-ca-loc tom-kho"),
    ("Cơ sở Mật ong Năm Lợi", VI_THUY, "Năm Lợi", "mat-ong-hoa-tram phan-hoa"),
    ("Cơ sở Khóm sấy Út Liên", HOA_LUU, "Út Liên", "khom-say-deo mut-khom"),
    ("Hộ kinh doanh Trần Văn Hùng", PHUNG_HIEP, "Bảy Hùng", "lap-xuong lap-xuong-tom"),
    ("Cơ sở Bánh tét Chín Thành", VI_TAN, "Chín Thành", "banh-tet banh-phong"),
    ("Cơ sở Nấm Mười Nở", HIEP_HUNG, "Mười Nở", "nam-bao-ngu nam-rom"),
    ("Hộ kinh doanh Lê Thị Hoa", THANH_HOA, "Hai Hoa", "gio-luc-binh hop-luc-binh"),
    ("Cơ sở Trà Sáu Mai", VI_THANH_1, "Sáu Mai", "tra-mang-cau tra-hoa-du-du"),
    ("Cơ sở Tinh dầu Ba Nhi", VI_THANH_1, "Ba Nhi", "tinh-dau-sa xa-bong-sa"),
    ("Hộ kinh doanh Phạm Văn Lộc", LONG_PHU_1, "Tư Lộc", "buoi-da-xanh cam-sanh"),
    ("Cơ sở Rượu Bảy Tới", CHAU_THANH, "Bảy Tới", "ruou-nep"),
    ("Cơ sở Kẹo khóm Út Hạnh", HOA_LUU, "Út Hạnh", "keo-khom banh-khom"),
    ("Cơ sở Đan đát Năm Lành", PHUONG_BINH, "Năm Lành", "ro-tre khay-tre"),
    ("Hộ kinh doanh Võ Thị Cúc", TAN_HOA, "Tám Cúc", "chuoi-say mit-say"),
    ("Cơ sở Tương ớt Hai Đức", VI_TAN, "Hai Đức", "tuong-ot giam-khom"),
    ("Cơ sở Lươn đồng Ba Khởi", PHUNG_HIEP, "Ba Khởi", "luon-dong"),
    ("Cơ sở Xay xát Tư Nghĩa", LONG_MY, "Tư Nghĩa", "gao-thom gao-nep"),
    ("Hộ kinh doanh Huỳnh Văn Mến", HOA_LUU, "Út Mến", "khom-cau-duc"),
    ("Cơ sở Chanh Bảy Thắm", LONG_PHU_1, "Bảy Thắm", "chanh-khong-hat siro-chanh-day"),
    ("Cơ sở Nón lá Sáu Em", PHUONG_BINH, "Sáu Em", "non-la gio-bang"),
    ("Hộ kinh doanh Đặng Thị Thu", VI_THUY, "Chín Thu", "hat-sen-say banh-tet"),
    ("Cơ sở Dược liệu Hai Tâm", TAN_HOA, "Hai Tâm", "cao-dinh-lang tinh-bot-nghe"),
    ("Cơ sở Mắm Năm Sương", VI_THANH, "Năm Sương", "mam-ca-loc"),
    ("Cơ sở Nem Tư Hòa", NGA_BAY, "Tư Hòa", "nem-chua lap-xuong"),
    ("Hộ kinh doanh Lý Văn Tài", THANH_XUAN, "Ba Tài", "mang-cau-xiem tra-mang-cau"),
    ("Cơ sở Lục bình Út Nhàn", THANH_HOA, "Út Nhàn",
     "tui-xach-luc-binh gio-luc-binh tham-luc-binh"),
    ("Cơ sở Mật ong Tám Xuân", LONG_MY, "Tám Xuân", "mat-ong-hoa-ca-phe mat-ong-hoa-nhan"),
    ("Cơ sở Bột ngũ cốc Hai Ngọc", VI_TAN, "Hai Ngọc", "bot-ngu-coc"),
    ("Hộ kinh doanh Nguyễn Văn Nhiều", CHAU_THANH, "Mười Nhiều", "xoai-cat man-an-phuoc"),
    ("Cơ sở Cá lóc Bảy Đông", HIEP_HUNG, "Bảy Đông", "ca-loc-mot-nang kho-ca-loc"),
    ("Cơ sở Rượu Ba Quang", PHUNG_HIEP, "Ba Quang", "ruou-khom"),
    ("Cơ sở Sả Út Thảo", VI_THANH_1, "Út Thảo", "sa-cay tra-sa"),
    ("Hộ kinh doanh Trương Thị Lan", LONG_PHU_1, "Năm Lan", "dua-xiem keo-dua"),
    ("Cơ sở Khô cá Sáu Được", THANH_HOA, "Sáu Được", "kho-ca-sac tom-kho"),
    ("Cơ sở Nấm linh chi Tư Phát", TAN_HOA, "Tư Phát", "nam-linh-chi bot-rau-ma"),
    ("Cơ sở Bánh khóm Bảy Nhung", HOA_LUU, "Bảy Nhung", "banh-khom khom-say-deo"),
    ("Hộ kinh doanh Dương Văn Bé", VI_THANH, "Út Bé", "cha-ca-that-lat"),
    ("Cơ sở Tinh dầu tràm Hai Hậu", LONG_MY, "Hai Hậu", "tinh-dau-tram tinh-dau-buoi"),
    ("Cơ sở Gạo huyết rồng Ba Thơm", PHUONG_BINH, "Ba Thơm", "gao-huyet-rong gao-lut"),
    ("Cơ sở Đan đát Tư Sang", HIEP_HUNG, "Tư Sang", "khay-tre ro-tre non-la"),
    ("Hộ kinh doanh Châu Thị Nga", VI_TAN, "Sáu Nga", "mut-khom chuoi-say"),
    ("Cơ sở Trà Chín Hương", THANH_XUAN, "Chín Hương", "tra-dinh-lang tra-hoa-du-du kho-qua-rung"),
    ("Cơ sở Nước ép Út Trinh", HOA_LUU, "Út Trinh", "nuoc-khom-ep siro-chanh-day"),
    ("Cơ sở Bánh phồng Ba Hên", CHAU_THANH, "Ba Hên", "banh-phong bot-ngu-coc"),
    ("Hộ kinh doanh Lâm Văn Dũng", VI_THUY, "Mười Dũng", "luon-dong kho-ca-ro"),
)  # fmt: skip

PRODUCERS = ENTERPRISES + COOPERATIVES + HOUSEHOLDS

# For addresses: streets of the wards that are towns, hamlets of the rural ones.
STREETS = (
    "Trần Hưng Đạo", "Nguyễn Công Trứ", "3 Tháng 2", "Lê Hồng Phong", "Hòa Bình", "Nguyễn Huệ",
    "Võ Văn Kiệt", "Đồ Chiểu", "Hùng Vương", "Ngô Quốc Trị",
)  # fmt: skip
HAMLETS = (
    "Tân Phú", "Long Hòa", "Thạnh Lợi", "Mỹ Phú", "Hòa Thuận", "Phú Lợi", "Long Trị A", "Xẻo Cao",
    "Bình An", "Tân Thạnh", "Vĩnh Thuận", "Mười Tám", "Cái Sơn", "Láng Sen",
)  # fmt: skip
