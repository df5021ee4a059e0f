"""The demo catalogue's categories and product lines: the region's OCOP goods.

A line is a kind of product ("Khóm sấy dẻo"); each producer of the demo makes some lines,
and its product is the line's name with the producer's brand ("Khóm sấy dẻo Út Liên").
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: str
    name_en: str
    parent: str | None = None
    motif: str = ""  # the picture drawn for its products (leaf categories only)


# fmt: off
CATEGORIES = (
    CategorySpec("thuc-pham-do-uong", "Thực phẩm và đồ uống", "Food and drinks"),
    CategorySpec("gao", "Gạo", "Rice", "thuc-pham-do-uong", "rice"),
    CategorySpec("trai-cay", "Trái cây", "Fruit", "thuc-pham-do-uong", "pineapple"),
    CategorySpec("thuy-hai-san", "Thủy hải sản", "Fish and seafood", "thuc-pham-do-uong", "fish"),
    CategorySpec("rau-nam", "Rau củ và nấm", "Vegetables and mushrooms", "thuc-pham-do-uong",
                 "mushroom"),
    CategorySpec("mat-ong", "Mật ong", "Honey", "thuc-pham-do-uong", "honeycomb"),
    CategorySpec("tra", "Trà", "Tea", "thuc-pham-do-uong", "tea"),
    CategorySpec("dac-san-che-bien", "Đặc sản chế biến", "Processed specialities",
                 "thuc-pham-do-uong", "jar"),
    CategorySpec("do-uong", "Đồ uống", "Drinks", "thuc-pham-do-uong", "bottles"),
    CategorySpec("thao-duoc-suc-khoe", "Thảo dược và sức khỏe", "Herbs and health"),
    CategorySpec("tinh-dau", "Tinh dầu", "Essential oils", "thao-duoc-suc-khoe", "dropper"),
    CategorySpec("duoc-lieu", "Dược liệu", "Herbal remedies", "thao-duoc-suc-khoe", "herbs"),
    CategorySpec("thu-cong-my-nghe", "Thủ công mỹ nghệ", "Handicrafts"),
    CategorySpec("dan-luc-binh", "Đan lục bình", "Water hyacinth weaving", "thu-cong-my-nghe",
                 "basket"),
    CategorySpec("tre-truc-co-bang", "Tre trúc và cỏ bàng", "Bamboo and sedge weaving",
                 "thu-cong-my-nghe", "tray"),
)
# fmt: on

MOTIFS = {category.slug: category.motif for category in CATEGORIES if category.motif}


@dataclass(frozen=True)
class Line:
    key: str
    name: str  # "{brand}" is replaced by the producer's brand
    name_en: str | None
    unit: str
    unit_en: str
    grams: int
    price: int  # typical retail price, thousands of đồng
    about: str  # what it is, one sentence in Vietnamese


def _lines(*rows: tuple) -> tuple[Line, ...]:
    return tuple(Line(*row) for row in rows)


# Category slug -> its lines.
# fmt: off
LINES: dict[str, tuple[Line, ...]] = {
    "gao": _lines(
        ("gao-sach-vi-thuy", "Gạo sạch Vị Thủy", "Vị Thủy clean rice", "túi 5 kg", "5 kg bag",
         5000, 135, "Gạo trắng hạt dài từ cánh đồng lớn canh tác theo hướng an toàn."),
        ("gao-st25", "Gạo ST25 {brand}", "{brand} ST25 rice", "túi 5 kg", "5 kg bag", 5000, 170,
         "Giống lúa ST25 cho hạt gạo dài, trong, cơm dẻo và thơm mùi lá dứa."),
        ("gao-thom", "Gạo thơm {brand}", "{brand} fragrant rice", "túi 5 kg", "5 kg bag", 5000,
         115, "Gạo thơm vụ đông xuân, hạt thon, cơm mềm và giữ độ dẻo khi nguội."),
        ("gao-huyet-rong", "Gạo huyết rồng {brand}", "{brand} red rice", "túi 2 kg", "2 kg bag",
         2000, 85, "Gạo huyết rồng hạt đỏ au, giàu chất xơ, cơm bùi và thơm."),
        ("gao-lut", "Gạo lứt {brand}", "{brand} brown rice", "túi 2 kg", "2 kg bag", 2000, 75,
         "Gạo lứt chỉ xát lớp vỏ trấu, còn nguyên cám gạo và mầm hạt."),
        ("gao-nep", "Nếp thơm {brand}", "{brand} glutinous rice", "túi 2 kg", "2 kg bag", 2000, 70,
         "Nếp hạt tròn, trắng đục, dẻo thơm, dùng nấu xôi và gói bánh."),
        ("gao-huu-co", "Gạo hữu cơ {brand}", "{brand} organic rice", "hộp 2 kg", "2 kg box", 2000,
         120, "Gạo từ ruộng lúa hữu cơ, không phân bón và thuốc bảo vệ thực vật hóa học."),
    ),
    "trai-cay": _lines(
        ("khom-cau-duc", "Khóm Cầu Đúc {brand}", "{brand} Cầu Đúc pineapple", "trái", "each",
         1200, 30, "Khóm Cầu Đúc trái nhỏ, mắt sâu, thịt vàng giòn và ngọt thanh."),
        ("buoi-nam-roi", "Bưởi Năm Roi {brand}", "{brand} Năm Roi pomelo", "trái", "each", 1400,
         55, "Bưởi Năm Roi vỏ mỏng, múi ráo, tép mọng nước, vị ngọt dịu."),
        ("buoi-da-xanh", "Bưởi da xanh {brand}", "{brand} green pomelo", "trái", "each", 1800, 90,
         "Bưởi da xanh ruột hồng, tép bó chặt, ngọt đậm và không đắng."),
        ("chanh-khong-hat", "Chanh không hạt {brand}", "{brand} seedless lime", "túi 1 kg",
         "1 kg bag", 1000, 35, "Chanh không hạt vỏ mỏng, nhiều nước và thơm tinh dầu."),
        ("quyt-duong", "Quýt đường {brand}", "{brand} sweet tangerine", "hộp 2 kg", "2 kg box",
         2000, 100, "Quýt đường vỏ mỏng dễ bóc, múi ngọt lịm và thơm."),
        ("cam-sanh", "Cam sành {brand}", "{brand} king orange", "túi 2 kg", "2 kg bag", 2000, 70,
         "Cam sành vỏ sần, ruột vàng cam, nhiều nước, chua ngọt hài hòa."),
        ("xoai-cat", "Xoài cát Hòa Lộc {brand}", "{brand} Hòa Lộc mango", "hộp 2 kg", "2 kg box",
         2000, 130, "Xoài cát Hòa Lộc chín cây, thịt vàng mịn, thơm và ngọt sắc."),
        ("man-an-phuoc", "Mận An Phước {brand}", "{brand} rose apple", "hộp 1 kg", "1 kg box",
         1000, 55, "Mận An Phước đỏ thẫm, trái to, giòn và ngọt mát."),
        ("dua-xiem", "Dừa xiêm {brand}", "{brand} green coconuts", "chục 10 trái",
         "10 coconuts", 12000, 130, "Dừa xiêm lùn trái nhỏ, nước ngọt thanh và thơm."),
        ("mang-cau-xiem", "Mãng cầu xiêm {brand}", "{brand} soursop", "trái", "each", 1200, 60,
         "Mãng cầu xiêm thịt trắng, mềm, vị chua ngọt và thơm dịu."),
    ),
    "thuy-hai-san": _lines(
        ("cha-ca-that-lat", "Chả cá thát lát {brand}", "{brand} knifefish cakes", "hộp 500 g",
         "500 g box", 500, 110, "Chả cá thát lát quết tay, dai giòn, ngọt thịt cá."),
        ("ca-that-lat-rut-xuong", "Cá thát lát rút xương {brand}", "{brand} boneless knifefish",
         "khay 500 g", "500 g tray", 500, 130, "Cá thát lát làm sạch, rút xương, cấp đông nhanh."),
        ("kho-ca-loc", "Khô cá lóc {brand}", "{brand} dried snakehead", "túi 500 g", "500 g bag",
         500, 220, "Khô cá lóc đồng xẻ bướm, phơi nắng, thịt chắc và thơm."),
        ("kho-ca-sac", "Khô cá sặc rằn {brand}", "{brand} dried gourami", "túi 500 g", "500 g bag",
         500, 170, "Khô cá sặc rằn ướp nhạt, phơi vừa tới, chiên lên giòn rụm."),
        ("kho-ca-ro", "Khô cá rô đồng {brand}", "{brand} dried climbing perch", "túi 500 g",
         "500 g bag", 500, 180, "Khô cá rô đồng nguyên con, thịt ngọt và béo."),
        ("tom-kho", "Tôm khô {brand}", "{brand} dried shrimp", "hộp 250 g", "250 g box", 250, 270,
         "Tôm khô đỏ tự nhiên, thịt chắc, ngọt đậm vị tôm."),
        ("mam-ca-loc", "Mắm cá lóc {brand}", None, "hũ 500 g", "500 g jar", 600, 110,
         "Mắm cá lóc ủ thính gạo rang, chín tới, thơm dậy mùi."),
        ("ca-loc-mot-nang", "Cá lóc một nắng {brand}", "{brand} sun-dried snakehead",
         "túi 500 g", "500 g bag", 500, 170, "Cá lóc đồng phơi một nắng, giữ được độ mềm ngọt."),
        ("luon-dong", "Lươn đồng sơ chế {brand}", "{brand} prepared swamp eel", "khay 500 g",
         "500 g tray", 500, 160, "Lươn đồng làm sạch nhớt, cắt khúc, sẵn sàng để nấu."),
    ),
    "rau-nam": _lines(
        ("nam-bao-ngu", "Nấm bào ngư {brand}", "{brand} oyster mushrooms", "hộp 300 g",
         "300 g box", 300, 40, "Nấm bào ngư xám tươi, tai dày, giòn và ngọt."),
        ("nam-rom", "Nấm rơm {brand}", "{brand} straw mushrooms", "hộp 300 g", "300 g box", 300, 55,
         "Nấm rơm búp tròn, trồng trên rơm rạ sạch sau mùa gặt."),
        ("nam-say-gion", "Nấm bào ngư sấy giòn {brand}", "{brand} crispy oyster mushrooms",
         "túi 100 g", "100 g bag", 100, 55, "Nấm bào ngư tẩm gia vị, sấy giòn, ăn vặt tiện lợi."),
        ("sa-cay", "Sả cây {brand}", "{brand} lemongrass", "bó 1 kg", "1 kg bundle", 1000, 35,
         "Sả cây trồng trên đất vườn, bẹ to, thơm nồng."),
    ),
    "mat-ong": _lines(
        ("mat-ong-hoa-tram", "Mật ong hoa tràm {brand}", "{brand} melaleuca honey",
         "chai 500 ml", "500 ml bottle", 700, 200, "Mật ong hoa tràm màu hổ phách, thơm nồng."),
        ("mat-ong-hoa-ca-phe", "Mật ong hoa cà phê {brand}", "{brand} coffee blossom honey",
         "chai 500 ml", "500 ml bottle", 700, 180, "Mật ong hoa cà phê màu nâu sáng, vị ngọt dịu."),
        ("mat-ong-hoa-nhan", "Mật ong hoa nhãn {brand}", "{brand} longan blossom honey",
         "chai 500 ml", "500 ml bottle", 700, 190, "Mật ong hoa nhãn vàng trong, thơm mùi nhãn."),
        ("phan-hoa", "Phấn hoa {brand}", "{brand} bee pollen", "hũ 200 g", "200 g jar", 250, 180,
         "Phấn hoa do ong thu từ vườn cây ăn trái, sấy nhẹ và sàng sạch."),
    ),
    "tra": _lines(
        ("tra-mang-cau", "Trà mãng cầu {brand}", "{brand} soursop tea", "hộp 20 túi lọc",
         "box of 20 tea bags", 80, 60, "Trà từ lá và trái mãng cầu xiêm thái lát, sấy khô."),
        ("tra-khom", "Trà khóm {brand}", "{brand} pineapple tea", "hộp 20 túi lọc",
         "box of 20 tea bags", 80, 50, "Trà từ lõi và vỏ khóm sấy, vị chua ngọt thanh."),
        ("tra-la-sen", "Trà lá sen {brand}", "{brand} lotus leaf tea", "hộp 100 g", "100 g box",
         120, 65, "Trà lá sen non thái sợi, sao khô, nước trà xanh nhạt."),
        ("tra-hoa-du-du", "Trà hoa đu đủ đực {brand}", "{brand} papaya flower tea", "hộp 100 g",
         "100 g box", 120, 75, "Trà hoa đu đủ đực sấy lạnh, vị đắng nhẹ rồi ngọt hậu."),
        ("tra-dinh-lang", "Trà đinh lăng {brand}", "{brand} polyscias tea", "hộp 20 túi lọc",
         "box of 20 tea bags", 80, 70, "Trà từ lá và rễ đinh lăng, thơm nhẹ, dễ uống."),
        ("tra-sa", "Trà sả gừng {brand}", "{brand} lemongrass ginger tea", "hộp 20 túi lọc",
         "box of 20 tea bags", 80, 55, "Trà sả phối gừng sẻ, ấm bụng, thơm nồng."),
        ("tra-gao-lut", "Trà gạo lứt {brand}", "{brand} brown rice tea", "túi 500 g", "500 g bag",
         500, 65, "Gạo lứt rang vàng với đậu đen, hãm nước uống thay trà."),
    ),
    "dac-san-che-bien": _lines(
        ("khom-say-deo", "Khóm sấy dẻo {brand}", "{brand} soft-dried pineapple", "túi 200 g",
         "200 g bag", 200, 65, "Khóm Cầu Đúc thái lát, sấy dẻo, giữ vị chua ngọt tự nhiên."),
        ("mut-khom", "Mứt khóm {brand}", "{brand} pineapple jam", "hũ 300 g", "300 g jar", 350, 55,
         "Mứt khóm sên lửa nhỏ, sợi khóm dẻo trong, thơm mùi khóm chín."),
        ("keo-khom", "Kẹo khóm {brand}", "{brand} pineapple candy", "hộp 250 g", "250 g box", 250,
         40, "Kẹo khóm dẻo gói từng viên, chua ngọt nhẹ."),
        ("banh-khom", "Bánh khóm {brand}", "{brand} pineapple cookies", "hộp 400 g", "400 g box",
         400, 75, "Bánh nướng nhân khóm sên, vỏ xốp, thơm bơ."),
        ("cha-bong-ca-loc", "Chà bông cá lóc {brand}", "{brand} snakehead floss", "hũ 200 g",
         "200 g jar", 200, 120, "Chà bông từ thịt cá lóc đồng, sợi tơi, ngọt tự nhiên."),
        ("lap-xuong", "Lạp xưởng {brand}", "{brand} lạp xưởng sausage", "túi 500 g", "500 g bag",
         500, 135, "Lạp xưởng thịt heo nạc vai, ướp rượu mai quế lộ, phơi nắng."),
        ("lap-xuong-tom", "Lạp xưởng tôm {brand}", "{brand} shrimp sausage", "túi 500 g",
         "500 g bag", 500, 175, "Lạp xưởng phối tôm khô, đỏ au, thơm ngọt."),
        ("nem-chua", "Nem chua {brand}", None, "hộp 20 cái", "box of 20", 500, 60,
         "Nem chua gói lá chuối, lên men tự nhiên, chua nhẹ và giòn sần sật."),
        ("banh-phong", "Bánh phồng nếp {brand}", "{brand} sticky-rice crackers", "túi 10 cái",
         "bag of 10", 400, 45, "Bánh phồng nếp cán tay, phơi nắng, nướng than phồng đều."),
        ("banh-tet", "Bánh tét lá cẩm {brand}", None, "đòn 1 kg", "1 kg roll", 1000, 95,
         "Bánh tét nếp nhuộm lá cẩm tím, nhân đậu xanh và thịt mỡ."),
        ("chuoi-say", "Chuối sấy dẻo {brand}", "{brand} soft-dried banana", "túi 250 g",
         "250 g bag", 250, 50, "Chuối xiêm chín cây, ép dẹp, sấy dẻo không đường."),
        ("mit-say", "Mít sấy giòn {brand}", "{brand} crispy jackfruit", "túi 200 g", "200 g bag",
         200, 60, "Mít Thái chín vừa, sấy chân không, giòn và giữ màu vàng."),
        ("tuong-ot", "Tương ớt {brand}", "{brand} chilli sauce", "chai 250 ml", "250 ml bottle",
         300, 35, "Tương ớt hiểm xay với tỏi, cay nồng, sánh mịn."),
        ("giam-khom", "Giấm khóm {brand}", "{brand} pineapple vinegar", "chai 500 ml",
         "500 ml bottle", 550, 40, "Giấm lên men từ khóm chín, chua dịu, thơm."),
        ("bot-ngu-coc", "Bột ngũ cốc {brand}", "{brand} mixed grain powder", "hộp 500 g",
         "500 g box", 500, 110, "Bột ngũ cốc từ gạo lứt, đậu xanh, đậu đen và mè rang."),
        ("keo-dua", "Kẹo dừa {brand}", "{brand} coconut candy", "hộp 400 g", "400 g box", 400, 50,
         "Kẹo dừa nấu từ nước cốt dừa xiêm và mạch nha, béo ngậy."),
        ("hat-sen-say", "Hạt sen sấy {brand}", "{brand} dried lotus seeds", "túi 500 g",
         "500 g bag", 500, 150, "Hạt sen đã bỏ tim, sấy khô, hầm nhanh mềm."),
    ),
    "do-uong": _lines(
        ("ruou-nep", "Rượu nếp {brand}", "{brand} sticky-rice wine", "chai 500 ml",
         "500 ml bottle", 800, 110, "Rượu nếp nấu từ nếp than, ủ men lá, vị êm."),
        ("ruou-khom", "Rượu khóm {brand}", "{brand} pineapple wine", "chai 750 ml",
         "750 ml bottle", 1100, 150, "Rượu lên men từ khóm Cầu Đúc, thơm mùi trái chín."),
        ("ruou-mang-cau", "Rượu mãng cầu {brand}", "{brand} soursop wine", "chai 500 ml",
         "500 ml bottle", 800, 140, "Rượu mãng cầu xiêm lên men, chua ngọt, dễ uống."),
        ("nuoc-khom-ep", "Nước khóm ép {brand}", "{brand} pineapple juice", "lốc 6 chai 330 ml",
         "pack of 6 × 330 ml", 2200, 105, "Nước ép khóm nguyên chất, không thêm đường."),
        ("nuoc-cot-chanh", "Nước cốt chanh {brand}", "{brand} lime juice", "chai 500 ml",
         "500 ml bottle", 600, 55, "Nước cốt chanh không hạt ép lạnh, thanh trùng nhẹ."),
        ("siro-chanh-day", "Siro chanh dây {brand}", "{brand} passion fruit syrup",
         "chai 500 ml", "500 ml bottle", 650, 75, "Siro từ chanh dây chín, pha nước đá rất mát."),
    ),
    "tinh-dau": _lines(
        ("tinh-dau-sa", "Tinh dầu sả chanh {brand}", "{brand} lemongrass oil", "chai 50 ml",
         "50 ml bottle", 90, 120, "Tinh dầu sả chanh chưng cất từ lá sả tươi."),
        ("tinh-dau-tram", "Tinh dầu tràm {brand}", "{brand} cajeput oil", "chai 100 ml",
         "100 ml bottle", 150, 150, "Dầu tràm chưng cất từ lá tràm gió, ấm và thơm."),
        ("tinh-dau-buoi", "Tinh dầu bưởi {brand}", "{brand} pomelo peel oil", "chai 100 ml",
         "100 ml bottle", 150, 135, "Tinh dầu chiết từ vỏ bưởi, dùng ủ tóc và xông phòng."),
        ("xa-bong-sa", "Xà bông sả {brand}", "{brand} lemongrass soap", "hộp 3 bánh",
         "box of 3 bars", 300, 75, "Xà bông thủ công từ dầu dừa và tinh dầu sả."),
    ),
    "duoc-lieu": _lines(
        ("nam-linh-chi", "Nấm linh chi {brand}", "{brand} lingzhi mushroom", "hộp 500 g",
         "500 g box", 500, 550, "Nấm linh chi đỏ trồng trên mùn cưa, thái lát sấy khô."),
        ("tinh-bot-nghe", "Tinh bột nghệ {brand}", "{brand} turmeric starch", "hũ 500 g",
         "500 g jar", 550, 320, "Tinh bột nghệ vàng tách dầu, mịn và ít đắng."),
        ("cao-dinh-lang", "Cao đinh lăng {brand}", "{brand} polyscias extract", "hũ 100 g",
         "100 g jar", 150, 220, "Cao đặc nấu từ rễ và thân đinh lăng nhiều năm tuổi."),
        ("bot-rau-ma", "Bột rau má {brand}", "{brand} pennywort powder", "hộp 100 g", "100 g box",
         120, 110, "Rau má sấy lạnh, nghiền mịn, pha nước uống giải nhiệt."),
        ("kho-qua-rung", "Khổ qua rừng sấy {brand}", "{brand} dried wild bitter melon",
         "túi 200 g", "200 g bag", 200, 115, "Khổ qua rừng thái lát mỏng, sấy khô, hãm như trà."),
    ),
    "dan-luc-binh": _lines(
        ("gio-luc-binh", "Giỏ lục bình {brand}", "{brand} water hyacinth basket", "cái", "piece",
         600, 180, "Giỏ lục bình có quai, đan mắt cáo, dùng đựng đồ hoặc trang trí."),
        ("tui-xach-luc-binh", "Túi xách lục bình {brand}", "{brand} water hyacinth handbag",
         "cái", "piece", 400, 260, "Túi xách lục bình lót vải, quai mây, nhẹ và bền."),
        ("tham-luc-binh", "Thảm lục bình {brand}", "{brand} water hyacinth rug",
         "tấm 60 × 90 cm", "60 × 90 cm rug", 1500, 350, "Thảm lục bình bện thừng, êm chân."),
        ("hop-luc-binh", "Bộ hộp lục bình {brand}", "{brand} water hyacinth boxes", "bộ 3 cái",
         "set of 3", 1200, 300, "Ba hộp lục bình lồng vào nhau, có nắp đậy."),
        ("don-luc-binh", "Đôn lục bình {brand}", "{brand} water hyacinth pouffe", "cái", "piece",
         3000, 580, "Đôn ngồi khung gỗ, bọc lục bình đan tay."),
    ),
    "tre-truc-co-bang": _lines(
        ("ro-tre", "Rổ tre {brand}", "{brand} bamboo basket", "cái", "piece", 300, 65,
         "Rổ tre đan nan mỏng, vành cật tre chắc chắn."),
        ("khay-tre", "Khay tre đan {brand}", "{brand} woven bamboo trays", "bộ 2 cái",
         "set of 2", 700, 120, "Khay tre đan hình tròn, dùng bày bánh trái hoặc quà Tết."),
        ("gio-bang", "Giỏ cỏ bàng {brand}", "{brand} sedge bag", "cái", "piece", 300, 130,
         "Giỏ cỏ bàng dệt tay, màu mộc, quai da."),
        ("non-la", "Nón lá {brand}", "{brand} conical hat", "cái", "piece", 200, 50,
         "Nón lá chằm mười sáu vòng, lá buông phơi trắng."),
    ),
}
# fmt: on
