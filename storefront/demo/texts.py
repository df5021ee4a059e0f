"""Descriptions and stories for the demo, composed from fragments so no two read the same.

Each function picks its fragments with the `rng` it is given, so the seed stays
deterministic. The fragments are written for this demo; the places are real.
"""

import random

# Per leaf category: how it is made (QUALITY), how to use it (USAGE), where it comes from (LAND).
QUALITY = {
    "gao": (
        "Lúa được canh tác theo hướng an toàn, hạn chế phân thuốc hóa học và gặt đúng độ chín.",
        "Gạo được xay xát, tách màu và đóng gói ngay tại cơ sở nên giữ trọn mùi thơm.",
        "Cơm nấu mềm, dẻo vừa, để nguội vẫn không khô cứng.",
    ),
    "trai-cay": (
        "Trái được hái khi vừa chín tới, tuyển chọn kỹ và không dùng chất bảo quản.",
        "Vườn được chăm sóc theo quy trình VietGAP, có nhật ký canh tác đầy đủ.",
        "Mỗi đợt hàng đều được cắt thử để kiểm tra độ ngọt trước khi giao.",
    ),
    "thuy-hai-san": (
        "Cá được nuôi trong ao nước sạch và sơ chế ngay trong ngày để giữ độ tươi.",
        "Chế biến thủ công kết hợp thiết bị hiện đại, bảo đảm vệ sinh an toàn thực phẩm.",
        "Không dùng hàn the, phẩm màu hay chất bảo quản.",
    ),
    "rau-nam": (
        "Sản phẩm được thu hái vào sáng sớm và đóng gói ngay để giữ độ tươi giòn.",
        "Nhà trại thoáng mát, giá thể sạch, không dùng thuốc kích thích tăng trưởng.",
        "Từng mẻ thu hoạch đều được ghi ngày để khách dễ theo dõi.",
    ),
    "mat-ong": (
        "Mật được quay từ những thùng ong đặt giữa rừng tràm và vườn cây ăn trái, không pha đường.",
        "Mật có độ ẩm thấp, sánh đặc và thơm mùi hoa đặc trưng.",
        "Mỗi mẻ mật được lọc qua nhiều lớp và để lắng tự nhiên trước khi đóng chai.",
    ),
    "tra": (
        "Nguyên liệu được sấy lạnh để giữ màu và hương tự nhiên.",
        "Trà không chứa hương liệu tổng hợp, nước pha có màu đẹp và vị dịu.",
        "Từng mẻ trà được phối trộn theo công thức riêng của cơ sở.",
    ),
    "dac-san-che-bien": (
        "Sản phẩm làm từ nguyên liệu địa phương, theo công thức gia truyền.",
        "Quy trình chế biến và đóng gói khép kín, không dùng phẩm màu tổng hợp.",
        "Vị vừa phải, giữ được hương vị tự nhiên của nguyên liệu.",
    ),
    "do-uong": (
        "Nguyên liệu được chọn từ vùng trồng của địa phương và chế biến trong ngày.",
        "Sản phẩm được kiểm nghiệm định kỳ và đạt tiêu chuẩn an toàn thực phẩm.",
        "Hương vị đậm đà, hài hòa, không pha hương liệu tổng hợp.",
    ),
    "tinh-dau": (
        "Tinh dầu được chưng cất bằng hơi nước từ nguyên liệu tươi hái tại vườn.",
        "Sản phẩm nguyên chất, không pha cồn hay dầu nền.",
        "Mùi hương thanh mát, giúp căn phòng thư thái và dễ chịu.",
    ),
    "duoc-lieu": (
        "Dược liệu được trồng theo hướng hữu cơ, sơ chế và sấy ở nhiệt độ thấp.",
        "Mỗi lô sản phẩm đều có phiếu kiểm nghiệm chất lượng.",
        "Cách chế biến giữ lại tối đa các hoạt chất tự nhiên.",
    ),
    "dan-luc-binh": (
        "Cọng lục bình được phơi khô, xử lý chống mốc rồi đan hoàn toàn bằng tay.",
        "Mỗi sản phẩm cần từ một đến ba ngày công của thợ đan lành nghề.",
        "Sản phẩm bền, nhẹ và thân thiện với môi trường.",
    ),
    "tre-truc-co-bang": (
        "Tre, trúc và cỏ bàng được chọn kỹ, phơi khô và xử lý chống mối mọt.",
        "Từng đường đan đều tay, chắc chắn, mang nét mộc mạc của làng nghề.",
        "Mỗi chiếc làm bằng tay nên có đôi chút khác biệt về màu và vân đan.",
    ),
}

USAGE = {
    "gao": (
        "Thích hợp cho bữa cơm gia đình hằng ngày.",
        "Có thể nấu cơm, nấu cháo hoặc làm quà biếu.",
        "Chỉ cần vo nhẹ một lần trước khi nấu để giữ lại vi chất.",
    ),
    "trai-cay": (
        "Ngon nhất khi ăn tươi hoặc ép lấy nước.",
        "Là món quà quê được ưa chuộng trong dịp lễ Tết.",
        "Bảo quản nơi thoáng mát và dùng trong vòng một tuần.",
    ),
    "thuy-hai-san": (
        "Chiên, nướng hay kho tộ đều ngon, hợp với cơm trắng nóng.",
        "Bảo quản ngăn đông, rã đông trong ngăn mát trước khi chế biến.",
        "Món ngon đãi khách và làm quà cho người con xa quê.",
    ),
    "rau-nam": (
        "Dùng xào, nấu canh, nấu lẩu hay chiên giòn đều hợp.",
        "Bảo quản ngăn mát tủ lạnh và dùng trong vài ngày.",
        "Món chay thanh đạm, giàu đạm thực vật.",
    ),
    "mat-ong": (
        "Pha với nước ấm và chanh vào buổi sáng, hoặc dùng chấm bánh, ướp món nướng.",
        "Để nơi khô ráo, tránh ánh nắng; mật kết tinh khi trời lạnh là chuyện tự nhiên.",
        "Không dùng cho trẻ dưới một tuổi.",
    ),
    "tra": (
        "Hãm với nước sôi trong ba đến năm phút; uống nóng hoặc thêm đá đều ngon.",
        "Thích hợp dùng sau bữa ăn hoặc tiếp khách.",
        "Đậy kín sau khi mở bao để trà giữ hương.",
    ),
    "dac-san-che-bien": (
        "Món ăn vặt tiện lợi, cũng là quà biếu đậm chất miền Tây.",
        "Dùng ngay sau khi mở bao, hoặc bảo quản kín nơi khô mát.",
        "Hợp để bày mâm ngũ quả, đãi khách ngày Tết.",
    ),
    "do-uong": (
        "Ngon hơn khi uống lạnh.",
        "Lắc đều trước khi dùng; sau khi mở nắp nên bảo quản trong tủ lạnh.",
        "Đồ uống có cồn không dành cho người dưới 18 tuổi và người lái xe.",
    ),
    "tinh-dau": (
        "Nhỏ vài giọt vào máy xông hoặc chậu nước ấm để khuếch tán hương.",
        "Không thoa trực tiếp lên da khi chưa pha loãng; để xa tầm tay trẻ em.",
        "Dùng để xua muỗi, khử mùi phòng và thư giãn sau ngày dài.",
    ),
    "duoc-lieu": (
        "Dùng theo hướng dẫn trên bao bì; sản phẩm không phải là thuốc.",
        "Pha uống hằng ngày như một thức uống bồi bổ.",
        "Bảo quản nơi khô ráo, đậy kín sau khi dùng.",
    ),
    "dan-luc-binh": (
        "Dùng để đựng đồ, trang trí phòng khách hay làm quà lưu niệm.",
        "Lau bằng khăn khô, tránh để nơi ẩm ướt.",
        "Một món quà mang hồn sông nước cho du khách.",
    ),
    "tre-truc-co-bang": (
        "Dùng trong bếp, bày bánh trái hoặc trang trí quán xá.",
        "Phơi nắng nhẹ định kỳ để sản phẩm luôn khô ráo và bền màu.",
        "Món quà lưu niệm nhỏ gọn, dễ mang theo khi đi du lịch.",
    ),
}

LAND = {
    "gao": (
        "Những cánh đồng lúa ven kênh xáng Xà No cho hạt gạo thơm và mềm.",
        "Đất phù sa được nước lũ bồi đắp mỗi năm là vốn quý của người trồng lúa nơi đây.",
    ),
    "trai-cay": (
        "Đất phù sa ven sông Hậu và nguồn nước ngọt quanh năm giúp cây trái sai quả.",
        "Những liếp vườn lên cao giữa kênh rạch cho trái ngọt đậm đà.",
    ),
    "thuy-hai-san": (
        "Mạng lưới kênh rạch chằng chịt là nơi cá đồng sinh sôi theo con nước.",
        "Nghề làm khô, làm mắm là nếp sống của người dân miệt vườn sông nước.",
    ),
    "rau-nam": (
        "Rơm rạ sau mùa gặt được tận dụng làm giá thể, khép kín vòng sản xuất.",
        "Ruộng vườn quanh năm xanh tốt nhờ nguồn nước ngọt dồi dào.",
    ),
    "mat-ong": (
        "Rừng tràm và những vườn cây ăn trái trổ bông quanh năm là nguồn hoa cho đàn ong.",
        "Nghề nuôi ong lấy mật đã gắn bó với bà con vùng ven rừng tràm qua nhiều đời.",
    ),
    "tra": (
        "Vườn cây thuốc nam và cây ăn trái trong vùng cho nguồn nguyên liệu tươi.",
        "Thói quen uống trà thảo mộc giải nhiệt là nét quen thuộc của người miền Tây.",
    ),
    "dac-san-che-bien": (
        "Chế biến sâu giúp nông sản địa phương giữ được giá khi vào vụ thu hoạch rộ.",
        "Các công thức được người lớn trong nhà truyền lại và cải tiến theo khẩu vị mới.",
    ),
    "do-uong": (
        "Trái cây và nếp của vùng đất phù sa là nguồn nguyên liệu dồi dào cho đồ uống.",
        "Nghề ủ rượu, làm nước trái cây được các hộ dân gìn giữ và nâng lên thành thương hiệu.",
    ),
    "tinh-dau": (
        "Sả, tràm và bưởi mọc khắp ruộng vườn, trở thành nguồn tinh dầu thơm của vùng.",
        "Nồi chưng cất đầu tiên được dựng ngay cạnh vườn sả của gia đình.",
    ),
    "duoc-lieu": (
        "Vùng đất này có nhiều loại cây thuốc quý được ông bà dùng từ xưa.",
        "Mô hình trồng dược liệu giúp bà con chuyển đổi những thửa ruộng kém hiệu quả.",
    ),
    "dan-luc-binh": (
        "Lục bình trôi dày trên kênh rạch, từng bị xem là bỏ đi, nay thành nguồn thu nhập.",
        "Nghề đan lục bình tạo việc làm lúc nông nhàn cho phụ nữ trong ấp.",
    ),
    "tre-truc-co-bang": (
        "Những bụi tre quanh nhà và đồng cỏ bàng ven kênh là nguyên liệu sẵn có.",
        "Nghề đan đát được gìn giữ qua nhiều thế hệ trong các xóm ven sông.",
    ),
}

PACKING = (
    "Bao bì có tem truy xuất nguồn gốc; quét mã QR để xem vùng nguyên liệu và nơi sản xuất.",
    "Sản phẩm được đóng gói cẩn thận, thích hợp làm quà hoặc gửi đi xa.",
    "Thông tin chủ thể và giấy chứng nhận OCOP được in rõ trên bao bì.",
)

OPENINGS = (
    "Sản phẩm ra đời từ tâm huyết của {producer} ở {ward}.",
    "Ở {ward}, {noun} gắn bó với đời sống bà con từ nhiều thế hệ.",
    "Từ những ngày đầu, {producer} kiên trì với {noun} theo cách của người miền Tây.",
    "Người dân {ward} vẫn nói {noun} ngon nhất là khi làm từ nguyên liệu quê nhà.",
    "{producer} bắt đầu với {noun} khi muốn nông sản quê mình có đầu ra bền vững hơn.",
)

CLOSINGS = (
    "Năm {year}, sản phẩm được Hội đồng đánh giá OCOP tỉnh công nhận, "
    "thành niềm tự hào của bà con trong vùng.",
    "Sau khi đạt chuẩn OCOP năm {year}, sản phẩm có mặt ở nhiều hội chợ và cửa hàng đặc sản.",
    "Được công nhận OCOP năm {year}, sản phẩm tạo việc làm ổn định cho nhiều lao động địa phương.",
    "Chứng nhận OCOP năm {year} là động lực để chủ thể đầu tư bao bì và mở rộng vùng nguyên liệu.",
)

QUALITY_EN = {
    "gao": "Grown with few chemicals, milled and packed where it is harvested.",
    "trai-cay": "Picked just ripe and sorted by hand, with no preservatives.",
    "thuy-hai-san": "Prepared the day the fish is caught, without borax or colouring.",
    "rau-nam": "Harvested at dawn and packed at once to stay fresh.",
    "mat-ong": "Raw honey from hives among melaleuca forests and orchards, with no added sugar.",
    "tra": "Dried at low temperature to keep its colour and aroma; no artificial flavouring.",
    "dac-san-che-bien": "Made from local produce to a family recipe, without artificial colouring.",
    "do-uong": "Made from local fruit and rice the day they are harvested.",
    "tinh-dau": "Steam-distilled from fresh leaves and peel; pure, with no alcohol or carrier oil.",
    "duoc-lieu": "Grown organically and dried at low temperature; every batch is lab-tested.",
    "dan-luc-binh": "Dried water hyacinth stems, treated against mould and woven entirely by hand.",
    "tre-truc-co-bang": "Bamboo and sedge, sun-dried and woven by hand in riverside villages.",
}

LAND_EN = {
    "gao": "The paddies along the Xà No canal give a soft, fragrant rice.",
    "trai-cay": "Alluvial soil by the Hậu river and fresh water all year make the orchards thrive.",
    "thuy-hai-san": "The delta's web of canals is where field fish breed with the tides.",
    "rau-nam": "Straw left after the harvest becomes the bed the mushrooms grow on.",
    "mat-ong": "Melaleuca forests and orchards in bloom feed the bees almost all year.",
    "tra": "Herbal teas to cool down are a daily habit in the Mekong delta.",
    "dac-san-che-bien": "Processing lets local produce keep its value when the harvest peaks.",
    "do-uong": "Fruit and sticky rice from the delta's alluvial soil are its raw materials.",
    "tinh-dau": "Lemongrass, melaleuca and pomelo grow all around, ready for the still.",
    "duoc-lieu": "Medicinal plants once grown in every garden are now a crop of their own.",
    "dan-luc-binh": "Water hyacinth once clogged the canals; now weavers turn it into income.",
    "tre-truc-co-bang": "Bamboo groves and sedge fields by the canals supply the weavers.",
}

PACKING_EN = (
    "The label carries a QR code that traces it back to where it was made.",
    "Carefully packed, ready to give as a present or send far away.",
)

OPENINGS_EN = (
    "Made by {producer} in {ward}.",
    "From {producer}, a producer in {ward}.",
    "A product of {ward}, made by {producer}.",
)

CLOSINGS_EN = (
    "Recognised as an OCOP product by the provincial council in {year}.",
    "OCOP-certified since {year}, it now sells at fairs and speciality shops.",
    "Its OCOP certificate, awarded in {year}, helped the producer invest in better packaging.",
)

PRODUCER_OPENINGS = {
    "enterprise": (
        "{name} được thành lập năm {year} tại {ward}, chuyên thu mua và chế biến nông sản "
        "của địa phương.",
        "Thành lập năm {year}, {name} đầu tư nhà xưởng đạt chuẩn và liên kết với hàng trăm "
        "hộ nông dân.",
    ),
    "cooperative": (
        "{name} ra đời năm {year} với {members} thành viên là bà con trong ấp.",
        "Từ năm {year}, {members} thành viên của {name} cùng sản xuất theo một quy trình chung "
        "và chia sẻ đầu ra.",
    ),
    "household": (
        "Cơ sở nhỏ của gia đình {brand} ở {ward} bắt đầu từ năm {year}.",
        "Khởi đầu từ căn bếp gia đình năm {year}, {name} nay đã có xưởng sản xuất riêng.",
    ),
}

PRODUCER_TRADES = (
    "Sản phẩm chủ lực là {nouns}, làm từ nguyên liệu do chính bà con trong vùng cung cấp.",
    "Khách quen từ Vị Thanh, Ngã Bảy đến Cần Thơ vẫn tìm mua {nouns} mang tên {brand}.",
    "Bắt đầu từ {nouns}, chủ thể dần xây dựng thương hiệu {brand} và đạt chuẩn OCOP.",
)

PRODUCER_CLOSINGS = (
    "Chất lượng và sự trung thực với khách hàng luôn được đặt lên hàng đầu.",
    "Mục tiêu sắp tới là mở rộng vùng nguyên liệu và đưa sản phẩm vào các chuỗi siêu thị.",
    "Du khách có thể ghé thăm nơi sản xuất để tận mắt xem từng công đoạn.",
    "Chương trình OCOP của tỉnh đã hỗ trợ thiết kế bao bì và quảng bá sản phẩm.",
    "Mỗi năm, nơi đây tạo việc làm thời vụ cho hàng chục lao động địa phương.",
)


def noun(name: str) -> str:
    """A product name used inside a sentence: "Khóm Cầu Đúc" -> "khóm Cầu Đúc"."""
    return name[:1].lower() + name[1:]


def _sentences(*parts: str) -> str:
    return " ".join(parts)


def product_description(about: str, category: str, rng: random.Random) -> str:
    """What it is, how it is made, how to use it, and (often) how it is packed."""
    quality, usage = rng.choice(QUALITY[category]), rng.choice(USAGE[category])
    packing = (rng.choice(PACKING),) if rng.random() < 0.6 else ()
    return _sentences(about, quality, usage, *packing)


def product_story(
    *, product: str, producer: str, ward: str, category: str, year: int, rng: random.Random
) -> str:
    """Where it comes from, the land, and its OCOP recognition."""
    values = {"producer": producer, "ward": ward, "noun": noun(product), "year": year}
    return _sentences(
        rng.choice(OPENINGS).format(**values),
        rng.choice(LAND[category]),
        rng.choice(CLOSINGS).format(**values),
    )


def product_description_en(category: str, rng: random.Random) -> str:
    """A short English description: how it is made and packed."""
    return _sentences(QUALITY_EN[category], rng.choice(PACKING_EN))


def product_story_en(
    *, producer: str, ward: str, category: str, year: int, rng: random.Random
) -> str:
    values = {"producer": producer, "ward": ward, "year": year}
    return _sentences(
        rng.choice(OPENINGS_EN).format(**values),
        LAND_EN[category],
        rng.choice(CLOSINGS_EN).format(**values),
    )


def producer_story(
    *, name: str, kind: str, brand: str, ward: str, makes: list[str], rng: random.Random
) -> str:
    """Two to four sentences: its beginnings, what it makes, and what it cares about."""
    values = {
        "name": name,
        "brand": brand,
        "ward": ward,
        "year": rng.randint(2005, 2019),
        "members": rng.randint(9, 64),
        "nouns": " và ".join(noun(line) for line in makes[:2]),
    }
    closings = rng.sample(PRODUCER_CLOSINGS, rng.randint(0, 2))
    return _sentences(
        rng.choice(PRODUCER_OPENINGS[kind]).format(**values),
        rng.choice(PRODUCER_TRADES).format(**values),
        *closings,
    )
