"""The demo's heritage entries: places and traditions of the former Hậu Giang province.

Since 2025 the area is part of Thành phố Cần Thơ (92); the ward codes are the current
ones, as in producers_data. The stories are written for this demo in our own words; where
a detail was uncertain it was left out rather than guessed.
"""

from dataclasses import dataclass

from storefront.combos.models import HeritageKind
from storefront.demo.producers_data import NGA_BAY, PHUONG_BINH, THANH_XUAN, VI_THANH, VI_THUY
from storefront.text import slugify

HOA_LUU = 31338
LUONG_TAM = 31492
PHUNG_HIEP = 31420


@dataclass(frozen=True)
class HeritageSpec:
    key: str  # how combos_data refers to it
    name: str
    name_en: str
    kind: HeritageKind
    ward_code: int
    scene: str  # the picture drawn for it (demo.scenes)
    story: str  # Markdown
    story_en: str

    @property
    def slug(self) -> str:
        return slugify(self.name)


HERITAGE = (
    HeritageSpec(
        "cho-noi",
        "Chợ nổi Ngã Bảy",
        "Ngã Bảy floating market",
        HeritageKind.FLOATING_MARKET,
        NGA_BAY,
        "floating_market",
        """Chợ nổi Ngã Bảy, người xưa quen gọi là chợ nổi Phụng Hiệp, họp ngay nơi bảy dòng \
kênh rạch gặp nhau. Chợ hình thành vào khoảng năm 1915, sau khi những con kênh xáng quanh \
vùng được đào xong, và từ đó ghe xuồng khắp miệt Tây sông Hậu tìm về đây mua bán.

Chợ không có bảng hiệu. Mỗi ghe dựng một cây sào cao gọi là **cây bẹo**, treo lên đó thứ \
mình bán — trái khóm, trái bưởi, bó hành, củ khoai — để người mua nhìn từ xa là biết. Chợ \
đông nhất lúc trời vừa hửng sáng, khi tiếng máy ghe, tiếng mái chèo và tiếng gọi nhau hòa \
vào con nước.

Chợ nay không còn tấp nập như thời vàng son, nhưng vẫn là nét văn hóa thương hồ mà người \
Ngã Bảy gìn giữ. Quà mang về từ Ngã Bảy vì thế thường là trái cây, bánh mứt làm từ nông \
sản của chính những khu vườn ven kênh.""",
        """The Ngã Bảy floating market, long known as the Phụng Hiệp floating market, gathers \
where seven waterways meet. It took shape around 1915, once the dredged canals of the area \
were finished, and boats from all over the west bank of the Hậu river have come here to \
trade ever since.

There are no shop signs. Each boat raises a tall pole, the **cây bẹo**, and hangs on it \
what it sells — pineapples, pomelos, bunches of spring onions, sweet potatoes — so buyers \
can tell from afar. The market is busiest at first light, when engines, oars and voices mix \
over the water.

It is quieter than in its heyday, but it remains a living piece of the river traders' \
culture, and the gifts people bring home from Ngã Bảy are still fruit, sweets and preserves \
from the orchards along the canals.""",
    ),
    HeritageSpec(
        "le-hoi-khom",
        "Lễ hội Khóm Cầu Đúc",
        "Cầu Đúc pineapple festival",
        HeritageKind.FESTIVAL,
        HOA_LUU,
        "pineapple_festival",
        """Khóm Cầu Đúc là niềm tự hào của vùng đất Vị Thanh, nhất là các xã Hỏa Tiến, Hỏa \
Lựu ngày trước. Trên nền đất phèn tưởng khó trồng trọt, bà con lên liếp, đào mương, trồng \
khóm qua nhiều thế hệ, để có loại trái nhỏ, mắt sâu, thịt vàng, giòn và ngọt thanh.

Lễ hội Khóm Cầu Đúc là dịp tôn vinh trái khóm và những người trồng khóm. Khách đến được \
nếm khóm tươi, xem những sản phẩm làm từ khóm như khóm sấy, mứt, kẹo, bánh, rượu, và nghe \
nông dân kể chuyện mùa vụ.

Mỗi hộp quà có trái khóm Cầu Đúc mang theo một chút vị ngọt của vùng đất phèn được con \
người cần mẫn cải tạo.""",
        """The Cầu Đúc pineapple is the pride of the land around Vị Thanh, above all the former \
communes of Hỏa Tiến and Hỏa Lựu. On acid sulphate soil that seemed hard to farm, families \
raised beds and dug ditches, and over generations grew a small fruit with deep eyes and \
golden, crisp, gently sweet flesh.

The Cầu Đúc pineapple festival celebrates the fruit and the people who grow it. Visitors \
taste fresh pineapple, see what is made from it — dried pineapple, jam, sweets, cakes, \
wine — and hear the farmers talk about the season.

A gift box with a Cầu Đúc pineapple carries a little of the sweetness of a hard soil \
patiently made good.""",
    ),
    HeritageSpec(
        "lung-ngoc-hoang",
        "Khu bảo tồn thiên nhiên Lung Ngọc Hoàng",
        "Lung Ngọc Hoàng nature reserve",
        HeritageKind.LANDSCAPE,
        PHUONG_BINH,
        "cajuput_forest",
        """Trong cách nói Nam Bộ, “lung” là vùng đất trũng ngập nước. Lung Ngọc Hoàng, rộng \
khoảng 2.800 ha quanh xã Phương Bình, là một trong những vùng đất ngập nước tự nhiên hiếm \
hoi còn lại ở phía tây sông Hậu, được ví như “lá phổi xanh” của cả vùng.

Khu bảo tồn được thành lập năm 2002. Dưới tán rừng tràm là lung bàu, lau sậy và dây leo; \
trong nước có cá lóc, cá rô, cá thát lát; trên cao là đàn cò và nhiều loài chim nước về \
làm tổ, đông nhất vào mùa nước nổi.

Mật ong hoa tràm, tinh dầu tràm trong những hộp quà mang theo hương của rừng tràm miền Tây.""",
        """In the speech of the south, a “lung” is a low, flooded land. Lung Ngọc Hoàng, some \
2,800 hectares around Phương Bình, is one of the few natural wetlands left west of the Hậu \
river, and people call it the region's “green lung”.

The reserve was founded in 2002. Under the cajuput trees lie pools, reeds and creepers; \
snakehead, climbing perch and knifefish live in the water, and storks and many water birds \
nest above, most of all in the flood season.

Cajuput honey and cajuput oil in a gift box carry the scent of these forests.""",
    ),
    HeritageSpec(
        "chuong-thien",
        "Khu di tích Chiến thắng Chương Thiện",
        "Chương Thiện Victory memorial site",
        HeritageKind.HISTORIC_SITE,
        VI_THANH,
        "memorial",
        """Chương Thiện là tên một tỉnh trước năm 1975, có tỉnh lỵ ở Vị Thanh và bao gồm cả vùng \
Long Mỹ. Năm 1973, sau Hiệp định Paris, quân và dân Khu 9 đã bám trụ suốt nhiều tháng, đánh \
bại các cuộc hành quân lấn chiếm vùng giải phóng — chiến thắng còn được nhắc đến với tên \
gọi “chiến thắng 75 lượt tiểu đoàn địch”.

Di tích được xếp hạng di tích quốc gia đặc biệt, gồm khu tưởng niệm ở Vị Thanh và địa \
điểm lưu niệm ở xã Vĩnh Viễn. Ở Vị Thanh có cụm tượng đài, nhà trưng bày hiện vật và khu \
trưng bày ngoài trời, cách bờ kênh Xà No không xa.

Đây là nơi các thế hệ hôm nay tìm về để hiểu những năm tháng gian khó mà vùng đất này đã \
đi qua.""",
        """Chương Thiện was the name of a province before 1975, with its seat at Vị Thanh and the \
Long Mỹ area within it. In 1973, after the Paris Agreement, the soldiers and people of \
Military Region 9 held their ground for months and turned back the operations sent to \
retake the liberated zone — a victory still remembered as that over “75 enemy battalion \
sorties”.

The site is a special national monument, in two places: the memorial in Vị Thanh and a \
commemorative site in Vĩnh Viễn commune. In Vị Thanh stand a group of monuments, an \
exhibition hall and an open-air display, not far from the Xà No canal.

People come here today to understand the hard years this land went through.""",
    ),
    HeritageSpec(
        "tam-vu",
        "Khu di tích Chiến thắng Tầm Vu",
        "Tầm Vu Victory memorial site",
        HeritageKind.HISTORIC_SITE,
        THANH_XUAN,
        "monument",
        """Bên Quốc lộ 61, gần cầu Tầm Vu, là nơi ghi dấu bốn trận đánh của quân và dân miền \
Tây trong những năm đầu kháng chiến chống Pháp, từ năm 1946 đến năm 1948. Khu di tích được \
công nhận là di tích lịch sử cấp quốc gia năm 1991.

Câu chuyện được kể nhiều nhất là trận Tầm Vu lần thứ tư, tháng 4 năm 1948: quân ta thu \
được một khẩu pháo 105 ly, và bà con đã dùng đôi trâu kéo pháo về nơi an toàn. Hình ảnh \
đôi trâu kéo pháo nay được khắc trên bức phù điêu của khu di tích.

Giữa vùng ruộng vườn ven quốc lộ, khu di tích là điểm dừng chân để nghe lại chuyện xưa \
của đất và người nơi đây.""",
        """Beside National Road 61, near the Tầm Vu bridge, the site marks four battles fought \
in the west in the first years of the resistance against the French, from 1946 to 1948. It \
was recognised as a national historic site in 1991.

The story told most often is that of the fourth battle of Tầm Vu, in April 1948: the \
fighters captured a 105 mm gun, and villagers had a pair of buffaloes haul it to safety. \
The buffaloes pulling the gun are carved today in the site's relief.

Amid the fields and orchards along the road, it is a place to stop and hear the old \
stories of this land and its people.""",
    ),
    HeritageSpec(
        "kenh-xa-no",
        "Kênh xáng Xà No",
        "The Xà No canal",
        HeritageKind.LANDSCAPE,
        VI_THANH,
        "canal",
        """Kênh xáng Xà No được đào từ năm 1901 đến năm 1903 bằng những chiếc xáng múc chạy hơi \
nước, nối sông Cần Thơ với vùng Vị Thanh rồi đổ về sông Cái Lớn. Con kênh dài khoảng 40 km, \
mặt rộng chừng 60 mét, là một trong những công trình đường thủy lớn đầu tiên ở Nam Kỳ.

Kênh mở đường cho người đi khẩn hoang. Đất hai bên bờ thành ruộng lúa, chợ búa mọc lên, và \
Vị Thanh lớn dần thành đô thị bên dòng Xà No. Lúa gạo theo con kênh đi khắp nơi, nên người \
ta vẫn gọi nó là con đường lúa gạo của miền Tây sông Hậu.

Tên Xà No có nhiều cách giải thích; nhà văn Sơn Nam cho rằng nó bắt nguồn từ tiếng Khmer, \
chỉ loài cây điên điển. Ngày nay, bờ kè và công viên dọc kênh ở Vị Thanh là chỗ người dân \
dạo mát mỗi chiều.""",
        """The Xà No canal was dug from 1901 to 1903 by steam dredgers, linking the Cần Thơ river \
to the Vị Thanh area and on to the Cái Lớn river. About 40 km long and some 60 metres wide, \
it was one of the first great waterworks of Cochinchina.

The canal opened the way for settlers. The land on both banks became rice fields, markets \
sprang up, and Vị Thanh grew into a town on the Xà No. Rice travelled everywhere along it, \
which is why it is still called the rice road of the west bank of the Hậu.

The name has several explanations; the writer Sơn Nam traced it to a Khmer word for the \
sesbania tree. Today the embankment and parks along the canal in Vị Thanh are where people \
stroll in the evening.""",
    ),
    HeritageSpec(
        "den-tho-bac-ho",
        "Đền thờ Bác Hồ ở Lương Tâm",
        "Hồ Chí Minh memorial temple at Lương Tâm",
        HeritageKind.HISTORIC_SITE,
        LUONG_TAM,
        "temple",
        """Tháng 9 năm 1969, khi tin Chủ tịch Hồ Chí Minh qua đời về tới vùng căn cứ, Đảng bộ \
và nhân dân xã Lương Tâm đã lập bàn thờ Bác ngay giữa vùng kháng chiến, lúc chiến tranh còn \
ác liệt. Từ bàn thờ ấy, khu đền hôm nay được dựng lên bên ngã tư hai con kênh.

Khu di tích có đền thờ, nhà trưng bày hình ảnh và hiện vật về cuộc đời của Bác, cùng khu \
vườn cây xanh. Mỗi năm vào ngày 19 tháng 5 và ngày 2 tháng 9, bà con trong vùng và khách \
phương xa về đây dâng hương tưởng nhớ.

Đường về Lương Tâm đi qua những cánh đồng và vườn cây vùng Long Mỹ, nơi khách có thể dừng \
chân mua đặc sản của bà con địa phương.""",
        """In September 1969, when news of President Hồ Chí Minh's death reached the resistance \
base, the people of Lương Tâm set up an altar to him in the middle of the war zone, while the \
fighting was still fierce. From that altar grew the temple that stands today where two \
canals cross.

The site has the temple, an exhibition of photographs and objects from his life, and a \
garden. Every year on 19 May and 2 September, people from the area and visitors from afar \
come to offer incense.

The road to Lương Tâm runs through the fields and orchards of Long Mỹ, where travellers can \
stop to buy the local specialities.""",
    ),
    HeritageSpec(
        "nghe-dan-luc-binh",
        "Nghề đan lục bình",
        "Water hyacinth weaving",
        HeritageKind.CRAFT_VILLAGE,
        PHUNG_HIEP,
        "water_hyacinth",
        """Lục bình trôi khắp kênh rạch miền Tây, từng chỉ là loài cỏ dại làm nghẽn dòng. Người \
dân ven kênh vớt lục bình, phơi khô cọng, rồi bện, đan thành giỏ, túi, hộp, thảm — biến thứ \
cỏ trôi sông thành món đồ bền và đẹp.

Đan lục bình là nghề làm lúc nông nhàn, hợp với phụ nữ và người lớn tuổi: ngồi dưới hiên \
nhà cũng làm được, mỗi món là vài giờ đến vài ngày của đôi tay khéo léo. Nghề giúp nhiều \
gia đình có thêm thu nhập mà không phải rời quê.

Chiếc hộp, chiếc giỏ lục bình đựng quà vì thế cũng là một phần của món quà.""",
        """Water hyacinth drifts along every canal of the delta, once nothing but a weed that \
choked the waterways. Families on the banks gather it, dry the stems, then twist and weave \
them into baskets, bags, boxes and rugs — turning a drifting weed into something sturdy and \
beautiful.

Weaving fills the slack weeks between harvests and suits women and older people: it can be \
done on the veranda, and each piece takes skilled hands a few hours to a few days. It brings \
many families an income without leaving home.

So the hyacinth box or basket a gift comes in is part of the gift, too.""",
    ),
    HeritageSpec(
        "dong-lua-vi-thuy",
        "Đồng lúa Vị Thủy",
        "The rice fields of Vị Thủy",
        HeritageKind.LANDSCAPE,
        VI_THUY,
        "rice_fields",
        """Vị Thủy nằm giữa vùng đồng bằng phù sa, nơi những cánh đồng lúa nối nhau theo các con \
kênh. Những năm gần đây, nông dân nơi đây liên kết trong hợp tác xã, làm cánh đồng lớn theo \
hướng an toàn, giảm phân thuốc hóa học, rồi tự xay xát và đóng gói gạo của mình.

Gạo sạch Vị Thủy là một trong bảy sản phẩm OCOP của tỉnh Hậu Giang đủ điều kiện đăng ký dự \
thi sản phẩm OCOP 5 sao cấp Trung ương năm 2023 — niềm vui của những người làm ra hạt gạo.

Túi gạo mới là tấm lòng người Vị Thủy gửi đi: cơm dẻo, thơm, ăn với cá đồng kho tộ là nhớ \
mãi bữa cơm miền Tây.""",
        """Vị Thủy lies in the middle of the alluvial plain, where rice fields follow one another \
along the canals. In recent years its farmers have joined cooperatives, farming large fields \
the safe way with fewer chemicals, and milling and packing their own rice.

Vị Thủy clean rice was one of the seven OCOP products of Hậu Giang province eligible in 2023 \
to compete for five stars at the national level — a joy for the people who grow it.

A bag of new rice is the Vị Thủy farmers' greeting: soft, fragrant rice that, with \
clay-pot braised field fish, makes a western meal you long remember.""",
    ),
    HeritageSpec(
        "ca-that-lat",
        "Cá thát lát và món chả cá",
        "Knifefish and its fish cakes",
        HeritageKind.CUISINE,
        VI_THANH,
        "fish_cakes",
        """Cá thát lát — người miền Tây còn gọi là cá thác lác — là loài cá nước ngọt thân dẹt, \
thịt trắng, dai và ngọt. Ở Hậu Giang, cá được nuôi trong ao, trong mương vườn, và từ lâu đã \
có mặt trong nhiều món ăn quen thuộc của bữa cơm gia đình.

Món nổi tiếng nhất là chả cá thát lát: thịt cá nạo khỏi da, quết thật kỹ cho dẻo rồi nêm \
vừa ăn. Chả có thể chiên vàng, nấu canh khổ qua, hay vo viên nấu lẩu với rau đồng.

Nay nhiều cơ sở, hợp tác xã làm chả cá theo quy trình an toàn thực phẩm, đóng hộp và cấp \
đông, để món quà quê đi được xa hơn.""",
        """The knifefish — cá thát lát, or cá thác lác in the west — is a flat-bodied freshwater \
fish with white, firm, sweet flesh. In Hậu Giang it is raised in ponds and garden ditches, \
and has long been part of many everyday family dishes.

The best known is knifefish cake: the flesh is scraped from the skin, pounded until it turns \
springy and seasoned just so. The cakes are fried golden, cooked in bitter melon soup, or \
rolled into balls for a hot pot with field greens.

Many workshops and cooperatives now make them to food-safety standards, boxed and frozen, so \
this taste of home can travel further.""",
    ),
)
