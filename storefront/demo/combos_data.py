"""The demo's gift combos and souvenir bundles, and the packaging their owners keep.

Components are demo products named by slug (see plan.demo_products); every one is a
certified, in-stock product, and the seed checks it. A component of another producer than
the owner carries that producer's answer: accepted, or still pending.
"""

from dataclasses import dataclass

from storefront.combos.models import ComboKind, ComboStatus, Occasion, PackagingKind


@dataclass(frozen=True)
class PackagingSpec:
    key: str  # how combos refer to it
    owner: str  # producer slug
    kind: PackagingKind
    name: str
    name_en: str
    price: int  # thousands of đồng
    stock: int


@dataclass(frozen=True)
class ComboSpec:
    name: str
    name_en: str
    owner: str  # producer slug
    kind: ComboKind
    parts: tuple[tuple[str, int], ...]  # (product slug, quantity)
    occasions: tuple[Occasion, ...]
    heritage: str | None  # HeritageSpec.key
    story: str
    story_en: str
    percent_off: int | None = None  # else a fixed price a little under the parts
    packaging: tuple[str, ...] = ()  # PackagingSpec.key, the default first
    pending: tuple[str, ...] = ()  # product slugs whose producer has not answered yet
    status: ComboStatus = ComboStatus.PUBLISHED


GIFT, SOUVENIR = ComboKind.GIFT_COMBO, ComboKind.SOUVENIR_BUNDLE
TET, MID_AUTUMN, KEEPSAKE, CORPORATE, WEDDING = (
    Occasion.TET,
    Occasion.MID_AUTUMN,
    Occasion.SOUVENIR,
    Occasion.CORPORATE,
    Occasion.WEDDING,
)
BOX, BASKET, WRAPPING, BAG = (
    PackagingKind.GIFT_BOX,
    PackagingKind.BASKET,
    PackagingKind.WRAPPING,
    PackagingKind.BAG,
)

# fmt: off
PACKAGING = (
    PackagingSpec("vi-thuy-hop", "hop-tac-xa-lua-sach-vi-thuy", BOX, "Hộp quà lục bình",
                  "Water hyacinth gift box", 45, 60),
    PackagingSpec("vi-thuy-tui", "hop-tac-xa-lua-sach-vi-thuy", BAG,
                  "Túi vải bố in hình đồng lúa", "Canvas bag printed with rice fields", 25, 120),
    PackagingSpec("hoa-tien-gio", "hop-tac-xa-khom-hoa-tien", BASKET, "Giỏ tre đan quà Tết",
                  "Woven bamboo Tết basket", 55, 40),
    PackagingSpec("hoa-tien-giay", "hop-tac-xa-khom-hoa-tien", WRAPPING,
                  "Giấy gói quà họa tiết trái khóm", "Pineapple-pattern gift wrap", 8, 300),
    PackagingSpec("nga-bay-hop", "cong-ty-co-phan-thuc-pham-nga-bay", BOX,
                  "Hộp giấy kraft in hình chợ nổi", "Kraft box printed with the floating market",
                  20, 200),
    PackagingSpec("thanh-hoa-gio", "hop-tac-xa-luc-binh-thanh-hoa", BASKET,
                  "Giỏ lục bình có quai", "Water hyacinth basket with handle", 65, 35),
    PackagingSpec("phuong-nam-hop", "cong-ty-tnhh-mtv-mat-ong-phuong-nam", BOX,
                  "Hộp gỗ tràm khắc chữ", "Engraved cajuput-wood box", 60, 50),
    PackagingSpec("phuong-nam-tui", "cong-ty-tnhh-mtv-mat-ong-phuong-nam", BAG, "Túi vải bố",
                  "Canvas bag", 25, 80),
    PackagingSpec("cai-tac-tui", "hop-tac-xa-ruou-nep-cai-tac", BAG, "Túi cỏ bàng",
                  "Sedge tote", 30, 45),
    PackagingSpec("thuy-san-hop", "cong-ty-tnhh-che-bien-thuy-san-hau-giang", BOX,
                  "Hộp quà Tết đỏ", "Red Tết gift box", 30, 100),
    PackagingSpec("song-hau-tui", "cong-ty-tnhh-thuc-pham-song-hau", BAG, "Túi giữ lạnh",
                  "Cool bag", 35, 60),
    PackagingSpec("chin-thanh-giay", "co-so-banh-tet-chin-thanh", WRAPPING,
                  "Giấy gói quà Tết đỏ", "Red Tết gift wrap", 8, 150),
    PackagingSpec("chin-thanh-gio", "co-so-banh-tet-chin-thanh", BASKET, "Giỏ tre nhỏ",
                  "Small bamboo basket", 40, 0),  # sold out: the wrap is offered instead
    PackagingSpec("tam-xuan-hop", "co-so-mat-ong-tam-xuan", BOX, "Hộp quà cưới đỏ thắm",
                  "Crimson wedding gift box", 40, 30),
    PackagingSpec("mien-tay-tui", "cong-ty-tnhh-thu-cong-my-nghe-mien-tay", BAG,
                  "Túi giấy kraft", "Kraft paper bag", 10, 150),
    PackagingSpec("mekong-hop", "cong-ty-tnhh-mtv-tra-mekong", BOX,
                  "Hộp giấy mỹ thuật hoa sen", "Lotus art-paper box", 35, 70),
    PackagingSpec("long-phu-gio", "cong-ty-tnhh-nong-nghiep-xanh-long-phu", BASKET,
                  "Giỏ mây đựng trái cây", "Rattan fruit basket", 50, 25),
)
# fmt: on


COMBOS = (
    ComboSpec(
        "Hương vị Hậu Giang",
        "Flavours of Hậu Giang",
        "hop-tac-xa-lua-sach-vi-thuy",
        GIFT,
        (("gao-sach-vi-thuy", 1), ("mat-ong-hoa-ca-phe-vi-binh", 1), ("khom-say-deo-ut-lien", 2)),
        (TET, CORPORATE),
        "dong-lua-vi-thuy",
        """Ba món quà của ba nhà sản xuất trong vùng: túi **gạo sạch Vị Thủy** mới xay, chai mật \
ong hoa cà phê của những tổ ong Vị Bình và hai túi khóm sấy dẻo làm từ khóm Cầu Đúc.

Gạo cho bữa cơm, mật cho buổi sáng, khóm cho lúc trà chiều — một hộp quà gói đủ hương vị \
đồng ruộng, vườn cây của miền Tây sông Hậu.""",
        """Three gifts from three makers of the area: a bag of freshly milled **Vị Thủy clean \
rice**, a bottle of coffee-blossom honey from the Vị Bình hives, and two bags of soft-dried \
Cầu Đúc pineapple.

Rice for dinner, honey for the morning, pineapple for afternoon tea — one box holding the \
fields and orchards of the Hậu river's west bank.""",
        percent_off=10,
        packaging=("vi-thuy-hop", "vi-thuy-tui"),
    ),
    ComboSpec(
        "Hộp quà Tết Cầu Đúc",
        "Cầu Đúc Tết gift box",
        "hop-tac-xa-khom-hoa-tien",
        GIFT,
        (
            ("khom-cau-duc-hoa-tien", 2),
            ("mut-khom-hoa-tien", 1),
            ("banh-khom-nga-bay", 1),
            ("ruou-khom-hoa-luu", 1),
        ),
        (TET,),
        "le-hoi-khom",
        """Trái khóm Cầu Đúc vàng ươm là sắc xuân của vùng Hỏa Lựu, Hỏa Tiến. Hộp quà có hai \
trái khóm tươi, hũ mứt khóm sên tay của hợp tác xã, hộp bánh khóm Ngã Bảy và chai rượu \
khóm thơm mùi trái chín.

Khóm — người miền Tây còn gọi là trái thơm — gửi đến người nhận lời chúc một năm thơm \
thảo, đủ đầy.""",
        """Golden Cầu Đúc pineapples are the colour of spring in Hỏa Lựu and Hỏa Tiến. The box \
holds two fresh pineapples, a jar of the cooperative's hand-stirred pineapple jam, a box of \
Ngã Bảy pineapple cookies and a bottle of pineapple wine that smells of ripe fruit.

The pineapple — “thơm”, the fragrant one, in the west — carries a wish for a generous, \
plentiful year.""",
        packaging=("hoa-tien-gio", "hoa-tien-giay"),
    ),
    ComboSpec(
        "Trung thu bên chợ nổi",
        "Mid-Autumn by the floating market",
        "cong-ty-co-phan-thuc-pham-nga-bay",
        GIFT,
        (("banh-khom-nga-bay", 2), ("keo-khom-nga-bay", 1), ("tra-la-sen-mekong", 1)),
        (MID_AUTUMN,),
        "cho-noi",
        """Đêm rằm tháng Tám, bánh khóm nướng thơm bơ, kẹo khóm dẻo gói từng viên và ấm trà \
lá sen thanh mát — ngồi bên nhau ngắm trăng mà nhớ cảnh ghe xuồng tấp nập ở Ngã Bảy.

Bánh và kẹo làm tại Ngã Bảy; trà lá sen của Trà Mekong, hãm nóng uống cùng bánh rất hợp.""",
        """On the full moon of the eighth month: buttery pineapple cookies, soft pineapple sweets \
wrapped one by one, and a pot of light lotus-leaf tea — for moon-watching together, \
remembering the bustle of boats at Ngã Bảy.

The cookies and sweets are made in Ngã Bảy; the lotus-leaf tea, from Trà Mekong, goes well \
with them hot.""",
        percent_off=12,
        packaging=("nga-bay-hop",),
    ),
    ComboSpec(
        "Quà lưu niệm chợ nổi Ngã Bảy",
        "Ngã Bảy floating market keepsakes",
        "hop-tac-xa-luc-binh-thanh-hoa",
        SOUVENIR,
        (("gio-luc-binh-thanh-hoa", 1), ("keo-khom-nga-bay", 2), ("chuoi-say-deo-nga-bay", 1)),
        (KEEPSAKE,),
        "cho-noi",
        """Một chiếc giỏ lục bình đan tay, trong đựng kẹo khóm và chuối sấy dẻo — những món \
ăn vặt quen thuộc trên các ghe hàng ở chợ nổi Ngã Bảy.

Ăn hết kẹo bánh, chiếc giỏ còn ở lại làm đồ đựng trong nhà, nhắc chuyến đi về miệt sông \
nước.""",
        """A hand-woven water hyacinth basket filled with pineapple sweets and soft-dried \
banana — the snacks sold from boats at the Ngã Bảy floating market.

Once the sweets are gone, the basket stays on at home, a reminder of the trip to the \
waterways.""",
    ),
    ComboSpec(
        "Giỏ quà rừng tràm",
        "Cajuput forest hamper",
        "cong-ty-tnhh-mtv-mat-ong-phuong-nam",
        GIFT,
        (
            ("mat-ong-hoa-tram-phuong-nam", 1),
            ("phan-hoa-phuong-nam", 1),
            ("tinh-dau-tram-thien-phuc", 1),
        ),
        (TET, CORPORATE),
        "lung-ngoc-hoang",
        """Mật ong hoa tràm màu hổ phách, hũ phấn hoa và chai tinh dầu tràm gió: ba món quà \
mang hương của những cánh rừng tràm như ở Lung Ngọc Hoàng.

Mật và phấn hoa của Mật ong Phương Nam; tinh dầu chưng cất từ lá tràm tươi của Tinh dầu \
Thiên Phúc.""",
        """Amber cajuput-blossom honey, a jar of bee pollen and a bottle of cajeput oil: three \
gifts carrying the scent of cajuput forests like those of Lung Ngọc Hoàng.

Honey and pollen by Mật ong Phương Nam; the oil, distilled from fresh cajuput leaves, by \
Tinh dầu Thiên Phúc.""",
        percent_off=8,
        packaging=("phuong-nam-hop", "phuong-nam-tui"),
    ),
    ComboSpec(
        "Quà quê Tầm Vu",
        "Tầm Vu country keepsakes",
        "hop-tac-xa-ruou-nep-cai-tac",
        SOUVENIR,
        (
            ("ruou-nep-cai-tac", 1),
            ("banh-phong-nep-cai-tac", 2),
            ("nam-bao-ngu-say-gion-thanh-xuan", 1),
        ),
        (KEEPSAKE, CORPORATE),
        "tam-vu",
        """Ghé khu di tích Tầm Vu bên Quốc lộ 61, mang về chút quà quê: chai rượu nếp, hai bịch \
bánh phồng nếp cán tay của Cái Tắc và túi nấm bào ngư sấy giòn của Thạnh Xuân.

Những món quà giản dị của vùng ruộng vườn nơi từng diễn ra các trận đánh năm xưa.""",
        """A stop at the Tầm Vu memorial on National Road 61, and a few country gifts to take \
home: a bottle of sticky-rice wine, two bags of hand-rolled Cái Tắc rice crackers, and a \
bag of crispy oyster mushrooms from Thạnh Xuân.

Simple gifts from the fields and gardens where those battles were once fought.""",
        packaging=("cai-tac-tui",),
    ),
    ComboSpec(
        "Đôi bờ Xà No",
        "Both banks of the Xà No",
        "cong-ty-tnhh-che-bien-thuy-san-hau-giang",
        GIFT,
        (("kho-ca-sac-ran-hau-giang", 1), ("mam-ca-loc-hau-giang", 1), ("gao-thom-long-my", 1)),
        (TET, CORPORATE),
        "kenh-xa-no",
        """Con kênh Xà No đưa lúa gạo và cá đồng đi khắp miền Tây. Hộp quà gom lại hương vị \
đôi bờ: khô cá sặc rằn, hũ mắm cá lóc ủ thính và túi gạo thơm Long Mỹ.

Cơm gạo mới, khô cá chiên giòn, chén mắm kho — bữa cơm quê đủ đầy ngày đầu năm.""",
        """The Xà No canal carried rice and field fish all over the west. This box gathers the \
flavours of its banks: dried snakeskin gourami, a jar of snakehead paste cured with roasted \
rice, and a bag of Long Mỹ fragrant rice.

New rice, crisp fried fish, a bowl of braised fish paste — a full country meal for the \
first days of the year.""",
        percent_off=10,
        packaging=("thuy-san-hop",),
    ),
    ComboSpec(
        "Chả cá thát lát đãi khách",
        "Knifefish cakes for guests",
        "cong-ty-tnhh-thuc-pham-song-hau",
        GIFT,
        (
            ("cha-ca-that-lat-song-hau", 2),
            ("ca-that-lat-rut-xuong-song-hau", 1),
            ("cha-bong-ca-loc-song-hau", 1),
        ),
        (CORPORATE, TET),
        "ca-that-lat",
        """Hai hộp chả cá thát lát quết tay, một khay cá thát lát rút xương và hũ chà bông cá \
lóc — đủ cho một bữa đãi khách kiểu miền Tây: chả chiên, canh khổ qua nhồi chả, lẩu cá.

Hàng cấp đông, giao trong túi giữ lạnh.""",
        """Two boxes of hand-pounded knifefish cakes, a tray of boneless knifefish and a jar of \
snakehead floss — enough for a western-style meal for guests: fried fish cakes, bitter \
melon soup with fish cake, a fish hot pot.

Frozen goods, delivered in a cool bag.""",
        packaging=("song-hau-tui",),
    ),
    ComboSpec(
        "Trà chiều miệt vườn",
        "Afternoon tea from the orchards",
        "cong-ty-tnhh-mtv-tra-mekong",
        GIFT,
        (
            ("tra-mang-cau-mekong", 1),
            ("tra-la-sen-mekong", 1),
            ("tra-sa-gung-mekong", 1),
            ("keo-dua-nam-lan", 1),
        ),
        (MID_AUTUMN, CORPORATE),
        None,
        """Ba hộp trà thảo mộc của Trà Mekong — mãng cầu, lá sen, sả gừng — và hộp kẹo dừa béo \
ngậy của cô Năm Lan.

Một buổi trà chiều dưới tán vườn: trà nóng, kẹo ngọt, chuyện trò không cần vội.""",
        """Three herbal teas from Trà Mekong — soursop, lotus leaf, lemongrass and ginger — and a \
box of rich coconut candy from Năm Lan.

An afternoon tea in the shade of the orchard: hot tea, sweets, and no hurry.""",
        percent_off=10,
        packaging=("mekong-hop",),
    ),
    ComboSpec(
        "Tết sum vầy",
        "Tết together",
        "co-so-banh-tet-chin-thanh",
        GIFT,
        (
            ("banh-tet-la-cam-chin-thanh", 2),
            ("banh-phong-nep-chin-thanh", 1),
            ("lap-xuong-tom-bay-hung", 1),
            ("nem-chua-tu-hoa", 1),
        ),
        (TET,),
        "kenh-xa-no",
        """Hai đòn bánh tét lá cẩm tím, bịch bánh phồng nếp, lạp xưởng tôm và hộp nem chua — \
mâm cỗ Tết quen thuộc của những gia đình dọc kênh Xà No.

Bánh tét gói ở Vị Tân; lạp xưởng tôm của anh Bảy Hùng và nem của cô Tư Hòa.""",
        """Two rolls of purple bánh tét, a bag of sticky-rice crackers, shrimp sausage and a box \
of nem chua — the Tết spread of families along the Xà No canal.

The bánh tét is wrapped in Vị Tân; the shrimp sausage is Bảy Hùng's and the nem Tư Hòa's.""",
        packaging=("chin-thanh-giay", "chin-thanh-gio"),
    ),
    ComboSpec(
        "Mật ngọt trăm năm",
        "A hundred years of sweetness",
        "co-so-mat-ong-tam-xuan",
        GIFT,
        (("mat-ong-hoa-nhan-tam-xuan", 2), ("hat-sen-say-chin-thu", 1), ("tra-la-sen-vi-dong", 1)),
        (WEDDING,),
        None,
        """Quà cưới mang lời chúc ngọt ngào: hai chai mật ong hoa nhãn, túi hạt sen sấy và hộp \
trà lá sen. Sen tượng trưng cho sự thanh khiết; mật ong cho một đời sống ngọt lành.""",
        """A wedding gift that carries a sweet wish: two bottles of longan-blossom honey, a bag \
of dried lotus seeds and a box of lotus-leaf tea. The lotus stands for purity; the honey, \
for a sweet life together.""",
        packaging=("tam-xuan-hop",),
    ),
    ComboSpec(
        "Sen Vị Đông",
        "Vị Đông lotus",
        "hop-tac-xa-sen-vi-dong",
        GIFT,
        (("tra-la-sen-vi-dong", 2), ("hat-sen-say-vi-dong", 1)),
        (MID_AUTUMN, WEDDING),
        "dong-lua-vi-thuy",
        """Giữa đồng lúa Vị Thủy có những ao sen của Hợp tác xã Sen Vị Đông. Hai hộp trà lá sen \
và túi hạt sen sấy — nấu chè, hầm canh hay pha trà đều thơm.""",
        """Among the rice fields of Vị Thủy lie the lotus ponds of the Vị Đông cooperative. Two \
boxes of lotus-leaf tea and a bag of dried lotus seeds — fragrant in sweet soup, in broth or \
in tea.""",
        percent_off=7,
    ),
    ComboSpec(
        "Quà đan đát Phương Bình",
        "Phương Bình basketry",
        "hop-tac-xa-dan-dat-phuong-binh",
        SOUVENIR,
        (("gio-co-bang-phuong-binh", 1), ("khay-tre-dan-phuong-binh", 1), ("non-la-sau-em", 1)),
        (KEEPSAKE,),
        "lung-ngoc-hoang",
        """Từ Phương Bình, cửa ngõ vào Lung Ngọc Hoàng: giỏ cỏ bàng dệt tay, bộ khay tre đan \
và chiếc nón lá — ba món đồ mộc mạc, bền bỉ của người miền Tây.""",
        """From Phương Bình, the gateway to Lung Ngọc Hoàng: a hand-woven sedge bag, a pair of \
woven bamboo trays and a conical hat — three plain, hard-wearing things of the western \
countryside.""",
    ),
    ComboSpec(
        "Lục bình miệt sông nước",
        "Water hyacinth from the waterways",
        "cong-ty-tnhh-thu-cong-my-nghe-mien-tay",
        SOUVENIR,
        (("tui-xach-luc-binh-mien-tay", 1), ("bo-hop-luc-binh-mien-tay", 1)),
        (KEEPSAKE, WEDDING),
        "nghe-dan-luc-binh",
        """Túi xách và bộ hộp lục bình đan tay — từ cọng cỏ trôi sông thành món đồ dùng bền \
đẹp. Một món quà lưu niệm nhẹ, dễ mang theo trong hành lý.""",
        """A handbag and a set of boxes woven from water hyacinth — a drifting weed made into \
something lasting. A light keepsake, easy to pack.""",
        percent_off=10,
        packaging=("mien-tay-tui",),
    ),
    ComboSpec(
        "Hương tràm Thiên Phúc",
        "Scent of the cajuput",
        "cong-ty-tnhh-tinh-dau-thien-phuc",
        SOUVENIR,
        (
            ("tinh-dau-tram-thien-phuc", 1),
            ("tinh-dau-sa-chanh-thien-phuc", 1),
            ("xa-bong-sa-thien-phuc", 1),
        ),
        (KEEPSAKE, CORPORATE),
        "lung-ngoc-hoang",
        """Dầu tràm ấm, tinh dầu sả chanh mát và hộp xà bông sả làm tay: hương thơm của rừng \
tràm và vườn sả miền Tây, gói gọn cho người đi xa.""",
        """Warm cajeput oil, fresh lemongrass oil and a box of handmade lemongrass soap: the \
scents of the delta's cajuput forests and lemongrass gardens, packed for the traveller.""",
    ),
    ComboSpec(
        "Quà khỏe từ thảo dược",
        "Herbal wellness gift",
        "hop-tac-xa-duoc-lieu-tan-hoa",
        GIFT,
        (("bot-rau-ma-tan-hoa", 1), ("tra-dinh-lang-tan-hoa", 1), ("tra-hoa-du-du-duc-sau-mai", 1)),
        (CORPORATE, TET),
        None,
        """Bột rau má, trà đinh lăng và trà hoa đu đủ đực — những thức uống thảo mộc quen \
thuộc trong vườn nhà người miền Tây, nay được sấy lạnh, đóng hộp cẩn thận.""",
        """Pennywort powder, polyscias tea and male papaya flower tea — herbal drinks from the \
home gardens of the delta, now cold-dried and carefully boxed.""",
        percent_off=10,
    ),
    ComboSpec(
        "Trái ngọt Long Mỹ",
        "Sweet fruit of Long Mỹ",
        "hop-tac-xa-quyt-duong-long-my",
        GIFT,
        (("quyt-duong-long-my", 1), ("cam-sanh-long-my", 1), ("buoi-nam-roi-phu-huu", 2)),
        (TET,),
        None,
        """Quýt đường vỏ mỏng, cam sành mọng nước và hai trái bưởi Năm Roi của Phú Hữu — sắc \
vàng, sắc cam cho mâm ngũ quả ngày Tết.""",
        """Thin-skinned sweet tangerines, juicy king oranges and two Năm Roi pomelos from Phú \
Hữu — gold and orange for the Tết fruit tray.""",
    ),
    ComboSpec(
        "Về nguồn Chương Thiện",
        "Back to Chương Thiện",
        "cong-ty-tnhh-lua-gao-long-my",
        SOUVENIR,
        (("gao-st25-long-my", 1), ("gao-lut-long-my", 1), ("ca-loc-mot-nang-bay-dong", 1)),
        (KEEPSAKE, CORPORATE),
        "chuong-thien",
        """Quà cho những đoàn khách về thăm khu di tích Chiến thắng Chương Thiện: gạo ST25 và \
gạo lứt của Long Mỹ, cùng cá lóc một nắng của cơ sở Bảy Đông.""",
        """For groups visiting the Chương Thiện Victory memorial: ST25 and brown rice from Long \
Mỹ, with sun-dried snakehead from Bảy Đông.""",
        percent_off=10,
        pending=("ca-loc-mot-nang-bay-dong",),
        status=ComboStatus.DRAFT,
    ),
    ComboSpec(
        "Đặc sản Long Mỹ",
        "Long Mỹ specialities",
        "co-so-kho-ca-tu-hien",
        SOUVENIR,
        (("kho-ca-loc-tu-hien", 1), ("kho-ca-ro-dong-tu-hien", 1), ("chanh-khong-hat-long-tri", 1)),
        (KEEPSAKE,),
        "den-tho-bac-ho",
        """Trên đường về Lương Tâm, ghé mua khô cá lóc, khô cá rô đồng của cơ sở Tư Hiền và túi \
chanh không hạt Long Trị — ăn khô nướng vắt chanh là đúng vị Long Mỹ.""",
        """On the road to Lương Tâm: dried snakehead and climbing perch from Tư Hiền, and a bag \
of Long Trị seedless limes — grilled dried fish with a squeeze of lime is the taste of Long \
Mỹ.""",
        pending=("chanh-khong-hat-long-tri",),
        status=ComboStatus.DRAFT,
    ),
    ComboSpec(
        "Giỏ bưởi Long Phú",
        "Long Phú pomelo basket",
        "cong-ty-tnhh-nong-nghiep-xanh-long-phu",
        GIFT,
        (
            ("buoi-nam-roi-long-phu", 2),
            ("tinh-dau-buoi-long-phu", 1),
            ("mat-ong-hoa-nhan-phuong-nam", 1),
        ),
        (TET, CORPORATE),
        None,
        """Hai trái bưởi Năm Roi, chai tinh dầu vỏ bưởi ủ tóc và chai mật ong hoa nhãn của \
Phương Nam — món quà vừa ăn, vừa dùng, vừa thơm suốt mấy ngày Tết.""",
        """Two Năm Roi pomelos, a bottle of pomelo-peel hair oil and a bottle of Phương Nam \
longan-blossom honey — to eat, to use, and fragrant all through Tết.""",
        percent_off=12,
        packaging=("long-phu-gio",),
    ),
    ComboSpec(
        "Hộp kẹo bánh khóm Út Hạnh",
        "Út Hạnh pineapple sweets box",
        "co-so-keo-khom-ut-hanh",
        GIFT,
        (("keo-khom-ut-hanh", 2), ("banh-khom-ut-hanh", 1)),
        (MID_AUTUMN, KEEPSAKE),
        "le-hoi-khom",
        """Hai hộp kẹo khóm và một hộp bánh khóm nướng của cơ sở Út Hạnh ở Hỏa Lựu. Bản nháp: \
đang chọn bao bì.""",
        """Two boxes of pineapple sweets and one of pineapple cookies from Út Hạnh in Hỏa Lựu. \
Draft: the packaging is still being chosen.""",
        status=ComboStatus.DRAFT,
    ),
)
