"""Demo courses for seed_demo: four real courses, one per starting category, in Vietnamese with English translations."""  # noqa: E501

COURSES = [
    {
        "slug": "quan-tri-hop-tac-xa-luat-2023",
        "category": "management",
        "level": "beginner",
        "hours": 3,
        "title": {
            "vi": "Quản trị hợp tác xã theo Luật Hợp tác xã 2023",
            "en": "Governing a cooperative under the 2023 Law on Cooperatives",
        },
        "summary": {
            "vi": (
                "Cách tổ chức và điều hành hợp tác xã theo Luật Hợp tác xã số 17/2023/QH15 (hiệu "
                "lực từ 01/7/2024): thành viên, đại hội thành viên, bộ máy quản trị, kiểm soát và "
                "phân phối thu nhập. Giúp người quản lý điều hành minh bạch và giữ niềm tin của "
                "thành viên."
            ),
            "en": (
                "How a cooperative is organised and run under Law on Cooperatives No. 17/2023/QH15 "
                "(in force from 1 July 2024): members, the general meeting, management, "
                "supervision and income distribution. It helps managers run things openly and keep "
                "members' trust."
            ),
        },
        "outcomes": {
            "vi": [
                "Giải thích hợp tác xã là gì và các nguyên tắc hoạt động cốt lõi.",
                "Nêu được quyền và nghĩa vụ chính của thành viên chính thức.",
                (
                    "Phân biệt vai trò của đại hội thành viên, hội đồng quản trị, giám đốc và ban "
                    "kiểm soát."
                ),
                "Lập phương án phân phối thu nhập đơn giản và kế hoạch công khai thông tin.",
            ],
            "en": [
                "Explain what a cooperative is and its core principles.",
                "State the main rights and duties of an official member.",
                (
                    "Tell apart the roles of the general meeting, the management board, the "
                    "director and the supervisors."
                ),
                "Draft a simple income distribution plan and a plan for sharing information.",
            ],
        },
        "lessons": [
            {
                "slug": "hop-tac-xa-la-gi-va-nguyen-tac",
                "minutes": 25,
                "title": {
                    "vi": "Hợp tác xã là gì và các nguyên tắc hoạt động",
                    "en": "What a cooperative is and the principles it runs on",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Ở vùng vải thiều Lục Ngạn, nhiều hộ từng bán lẻ cho thương "
                                "lái, mỗi nhà một giá, ai cần tiền gấp thì bán rẻ. Khi cùng nhau "
                                "lập hợp tác xã, các hộ có thể mua phân bón theo giá sỉ, dùng "
                                "chung nhà sơ chế, đóng thùng theo một tiêu chuẩn và thương lượng "
                                "với người mua như một tổ chức. Hợp tác xã tồn tại để thành viên "
                                "mạnh hơn khi đứng cùng nhau, chứ không phải để vài người kiếm lời "
                                "trên lưng những người khác.</p>"
                            ),
                        ),
                        ("heading", "Hợp tác xã theo Luật Hợp tác xã 2023"),
                        (
                            "paragraph",
                            (
                                "<p>Luật Hợp tác xã số 17/2023/QH15 được Quốc hội thông qua ngày "
                                "20/6/2023 và có hiệu lực từ ngày 01/7/2024, thay thế Luật Hợp tác "
                                "xã năm 2012. Theo luật này, hợp tác xã là tổ chức có tư cách pháp "
                                "nhân, do <strong>ít nhất 5 thành viên chính thức</strong> tự "
                                "nguyện thành lập, hợp tác và tương trợ nhau trong sản xuất, kinh "
                                "doanh, tạo việc làm để đáp ứng nhu cầu chung của thành viên. Hợp "
                                "tác xã tự chủ, tự chịu trách nhiệm bằng tài sản của mình và được "
                                "quản lý một cách bình đẳng, dân chủ.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Hợp tác xã khác doanh nghiệp thông thường ở mấy điểm "
                                "chính:</p><ul><li>Mục tiêu trước hết là <strong>phục vụ nhu cầu "
                                "của thành viên</strong>, không phải làm giàu cho người góp nhiều "
                                "vốn nhất.</li><li>Thành viên vừa là chủ sở hữu vừa là khách hàng, "
                                "người sử dụng dịch vụ của hợp tác xã.</li><li>Quyền biểu quyết "
                                "không tính theo vốn góp.</li><li>Một phần tài sản hình thành từ "
                                "quỹ chung là tài sản không chia, dùng cho sự phát triển lâu dài "
                                "của hợp tác xã.</li></ul>"
                            ),
                        ),
                        ("heading", "Các nguyên tắc cốt lõi"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Tự nguyện và mở rộng kết nạp:</strong> người tán "
                                "thành điều lệ và đủ điều kiện đều có thể gia nhập, được ra khỏi "
                                "hợp tác xã theo điều lệ; không phân biệt giới tính, dân tộc, tôn "
                                "giáo hay địa vị xã hội.</li><li><strong>Dân chủ, bình "
                                "đẳng:</strong> mỗi thành viên chính thức có một phiếu biểu quyết, "
                                "dù góp nhiều hay ít vốn.</li><li><strong>Tự chủ, tự chịu trách "
                                "nhiệm:</strong> hợp tác xã tự quyết định kế hoạch sản xuất, kinh "
                                "doanh và chịu trách nhiệm về kết quả của mình.</li><li><strong>Vì "
                                "lợi ích thành viên:</strong> hợp tác xã ưu tiên cung cấp sản "
                                "phẩm, dịch vụ cho thành viên; thu nhập được phân phối chủ yếu "
                                "theo mức độ thành viên sử dụng sản phẩm, dịch vụ hoặc theo công "
                                "sức lao động đóng góp.</li><li><strong>Giáo dục, thông tin và hợp "
                                "tác vì cộng đồng:</strong> hợp tác xã đào tạo, cung cấp thông tin "
                                "cho thành viên và hợp tác với các tổ chức khác vì sự phát triển "
                                "của địa phương.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Một hợp tác xã chè ở Mộc Châu có 30 thành viên. Bà Lan góp "
                                    "50 triệu đồng, ông Páo góp 10 triệu đồng. Khi đại hội thành "
                                    "viên biểu quyết về giá thu mua chè búp tươi, bà Lan và ông "
                                    "Páo mỗi người vẫn chỉ có <strong>một phiếu</strong>. Góp "
                                    "nhiều vốn hơn không có nghĩa là có nhiều quyền quyết định "
                                    "hơn.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Hãy cảnh giác với hợp tác xã “hình thức”: lập ra chủ yếu "
                                    "để nhận hỗ trợ, mọi việc do vài người quyết định, thành viên "
                                    "không dùng dịch vụ và không được họp bàn. Cách làm đó trái "
                                    "với các nguyên tắc của luật và sớm muộn sẽ làm mất niềm tin "
                                    "của thành viên.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>In the Lục Ngạn lychee area, many households used to sell to "
                                "traders one by one, each at a different price, and whoever needed "
                                "cash quickly sold cheaply. By forming a cooperative together, "
                                "households can buy fertiliser at wholesale prices, share a "
                                "packing shed, pack to one standard and negotiate with buyers as "
                                "an organisation. A cooperative exists to make its members "
                                "stronger together, not to let a few people profit at the expense "
                                "of the others.</p>"
                            ),
                        ),
                        ("heading", "The cooperative under the 2023 Law on Cooperatives"),
                        (
                            "paragraph",
                            (
                                "<p>Law on Cooperatives No. 17/2023/QH15 was passed by the "
                                "National Assembly on 20 June 2023 and came into force on 1 July "
                                "2024, replacing the 2012 Law on Cooperatives. Under this law a "
                                "cooperative is a legal entity set up voluntarily by <strong>at "
                                "least 5 official members</strong>, who cooperate and help each "
                                "other in production, business and job creation to meet their "
                                "common needs. The cooperative is autonomous, answers for its "
                                "obligations with its own assets and is managed on an equal and "
                                "democratic basis.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>A cooperative differs from an ordinary company in a few key "
                                "ways:</p><ul><li>Its first aim is to <strong>serve its members' "
                                "needs</strong>, not to enrich whoever put in the most "
                                "capital.</li><li>Members are both owners and customers: they use "
                                "the cooperative's services.</li><li>Voting rights do not depend "
                                "on how much capital you contributed.</li><li>Part of the assets "
                                "built up from common funds is indivisible: it serves the "
                                "cooperative's long-term development and is not shared "
                                "out.</li></ul>"
                            ),
                        ),
                        ("heading", "The core principles"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Voluntary and open membership:</strong> anyone "
                                "who accepts the charter and meets its conditions may join, and "
                                "may leave as the charter provides; there is no discrimination by "
                                "gender, ethnicity, religion or social "
                                "status.</li><li><strong>Democratic and equal control:</strong> "
                                "each official member has one vote, however much or little capital "
                                "they contributed.</li><li><strong>Autonomy and "
                                "self-responsibility:</strong> the cooperative decides its own "
                                "production and business plans and answers for its "
                                "results.</li><li><strong>For the members' benefit:</strong> the "
                                "cooperative serves its members first; income is distributed "
                                "mainly according to how much each member uses its products and "
                                "services, or the work they contribute.</li><li><strong>Education, "
                                "information and cooperation for the community:</strong> the "
                                "cooperative trains and informs its members and works with other "
                                "organisations for the development of the locality.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>A tea cooperative in Mộc Châu has 30 members. Mrs Lan "
                                    "contributed 50 million VND and Mr Páo 10 million VND. When "
                                    "the general meeting votes on the buying price for fresh tea "
                                    "shoots, Mrs Lan and Mr Páo still have <strong>one vote "
                                    "each</strong>. Contributing more capital does not give more "
                                    "say.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Beware of “paper” cooperatives: set up mainly to receive "
                                    "support, with everything decided by a few people, while "
                                    "members neither use its services nor take part in meetings. "
                                    "This goes against the principles of the law and sooner or "
                                    "later destroys members' trust.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "thanh-vien-quyen-va-nghia-vu",
                "minutes": 20,
                "title": {
                    "vi": "Thành viên: quyền và nghĩa vụ",
                    "en": "Members: rights and duties",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Thành viên là người chủ và cũng là khách hàng của hợp tác xã. "
                                "Một hợp tác xã mạnh khi mỗi thành viên hiểu rõ mình được gì và "
                                "phải làm gì. Những điều này được ghi trong Luật Hợp tác xã 2023 "
                                "và cụ thể hóa trong <strong>điều lệ</strong> của từng hợp tác "
                                "xã.</p>"
                            ),
                        ),
                        ("heading", "Ai có thể trở thành thành viên"),
                        (
                            "paragraph",
                            (
                                "<p>Luật phân biệt <strong>thành viên chính thức</strong> và "
                                "<strong>thành viên liên kết</strong>. Thành viên chính thức góp "
                                "vốn và sử dụng sản phẩm, dịch vụ của hợp tác xã, hoặc góp vốn và "
                                "góp sức lao động, hoặc cả hai. Thành viên liên kết tham gia ở mức "
                                "hạn chế hơn, với quyền và nghĩa vụ do luật và điều lệ quy định. "
                                "Luật cũng giới hạn phần vốn góp tối đa của một thành viên để "
                                "không ai chi phối được hợp tác xã.</p><p>Điều kiện gia nhập cụ "
                                "thể, như mức vốn góp tối thiểu và cam kết sử dụng dịch vụ, nằm "
                                "trong điều lệ. Vì vậy mỗi thành viên mới cần được phát điều lệ và "
                                "được giải thích bằng lời dễ hiểu.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Quyền và nghĩa vụ chính của thành viên chính thức",
                                "header": ["Quyền", "Nghĩa vụ đi kèm"],
                                "rows": [
                                    [
                                        (
                                            "Được hợp tác xã cung cấp sản phẩm, dịch vụ theo thỏa "
                                            "thuận"
                                        ),
                                        "Sử dụng sản phẩm, dịch vụ theo mức đã cam kết",
                                    ],
                                    [
                                        "Dự đại hội thành viên và biểu quyết, mỗi người một phiếu",
                                        "Chấp hành điều lệ và nghị quyết đại hội",
                                    ],
                                    [
                                        "Được chia thu nhập theo mức độ sử dụng dịch vụ và vốn góp",
                                        "Góp đủ, đúng hạn số vốn đã cam kết",
                                    ],
                                    [
                                        "Được cung cấp thông tin về hoạt động và tài chính",
                                        "Cung cấp thông tin trung thực cho hợp tác xã",
                                    ],
                                    [
                                        "Ứng cử, đề cử vào bộ máy quản trị và kiểm soát",
                                        (
                                            "Chịu trách nhiệm về nghĩa vụ của hợp tác xã trong "
                                            "phạm vi vốn góp"
                                        ),
                                    ],
                                    [
                                        "Ra khỏi hợp tác xã và được trả lại vốn góp theo điều lệ",
                                        "Bồi thường thiệt hại do mình gây ra theo điều lệ",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Hợp tác xã cần giữ <strong>sổ đăng ký thành viên</strong> "
                                    "luôn cập nhật: họ tên, ngày gia nhập, số vốn đã góp, ngày "
                                    "góp, ngày ra khỏi hợp tác xã. Mỗi thành viên nên có giấy xác "
                                    "nhận vốn góp của mình. Khi có tranh chấp, đây là bằng chứng "
                                    "quan trọng nhất.</p>"
                                ),
                            },
                        ),
                        ("heading", "Khi thành viên không giữ cam kết"),
                        (
                            "paragraph",
                            (
                                "<p>Cam kết sử dụng dịch vụ là nền móng của hợp tác xã. Nếu hợp "
                                "tác xã đã ký hợp đồng bán hàng dựa trên sản lượng thành viên cam "
                                "kết, việc một vài người bán ra ngoài sẽ làm cả tập thể chịu "
                                "thiệt. Điều lệ nên ghi rõ hậu quả khi thành viên vi phạm cam kết, "
                                "từ nhắc nhở, không được hưởng một số quyền lợi, đến chấm dứt tư "
                                "cách thành viên theo trình tự điều lệ quy định.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Một hợp tác xã nhãn lồng ở Hưng Yên ký hợp đồng giao 20 "
                                    "tấn nhãn cho một công ty chế biến, dựa trên cam kết của 12 "
                                    "hộ. Đến vụ, thương lái trả cao hơn 2.000 đồng/kg nên 3 hộ bán "
                                    "ra ngoài tổng cộng 5 tấn. Hợp tác xã phải mua bù nhãn ở chợ "
                                    "với giá cao để giao đủ hàng, và mất uy tín với công ty. Từ vụ "
                                    "sau, đại hội thành viên sửa điều lệ, quy định rõ cách xử lý "
                                    "khi không giao đủ sản lượng đã cam kết.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Members are the owners and also the customers of the "
                                "cooperative. A cooperative is strong when every member knows "
                                "clearly what they get and what they must do. This is set out in "
                                "the 2023 Law on Cooperatives and made specific in each "
                                "cooperative's <strong>charter</strong>.</p>"
                            ),
                        ),
                        ("heading", "Who can become a member"),
                        (
                            "paragraph",
                            (
                                "<p>The law distinguishes <strong>official members</strong> from "
                                "<strong>associate members</strong>. Official members contribute "
                                "capital and use the cooperative's products and services, or "
                                "contribute capital and labour, or both. Associate members take "
                                "part to a more limited extent, with rights and duties set by the "
                                "law and the charter. The law also caps how much capital one "
                                "member may hold, so that no one can control the "
                                "cooperative.</p><p>The specific conditions for joining, such as "
                                "the minimum capital contribution and the commitment to use "
                                "services, are in the charter. So every new member should be given "
                                "the charter and have it explained in plain words.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Main rights and duties of an official member",
                                "header": ["Right", "Matching duty"],
                                "rows": [
                                    [
                                        "Receive the cooperative's products and services as agreed",
                                        "Use products and services at the level committed",
                                    ],
                                    [
                                        "Attend the general meeting and vote, one member one vote",
                                        (
                                            "Abide by the charter and the general meeting's "
                                            "resolutions"
                                        ),
                                    ],
                                    [
                                        "Share in income according to use of services and capital",
                                        "Pay in the committed capital in full and on time",
                                    ],
                                    [
                                        "Be informed about activities and finances",
                                        "Give the cooperative truthful information",
                                    ],
                                    [
                                        (
                                            "Stand for and nominate to the management and "
                                            "supervisory bodies"
                                        ),
                                        (
                                            "Bear the cooperative's obligations up to the capital "
                                            "contributed"
                                        ),
                                    ],
                                    [
                                        "Leave and get capital back as the charter provides",
                                        "Make good any damage they cause, as the charter provides",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>The cooperative must keep its <strong>register of "
                                    "members</strong> up to date: names, date of joining, capital "
                                    "contributed and when, date of leaving. Each member should "
                                    "hold a certificate of their capital contribution. In a "
                                    "dispute this is the most important evidence.</p>"
                                ),
                            },
                        ),
                        ("heading", "When a member breaks a commitment"),
                        (
                            "paragraph",
                            (
                                "<p>The commitment to use services is the foundation of a "
                                "cooperative. If the cooperative has signed a sales contract based "
                                "on the volume members committed, a few people selling elsewhere "
                                "will hurt everyone. The charter should state clearly what happens "
                                "when a member breaks a commitment: from a reminder, to losing "
                                "some benefits, to ending membership by the procedure the charter "
                                "sets.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>A longan cooperative in Hưng Yên signed a contract to "
                                    "deliver 20 tonnes of longan to a processing company, based on "
                                    "commitments from 12 households. At harvest a trader offered "
                                    "2,000 VND/kg more, so 3 households sold a total of 5 tonnes "
                                    "elsewhere. The cooperative had to buy longan at the market at "
                                    "a high price to deliver in full, and lost credibility with "
                                    "the company. Before the next season the general meeting "
                                    "amended the charter to spell out what happens when a member "
                                    "fails to deliver the committed volume.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "dai-hoi-thanh-vien-va-bo-may-quan-tri",
                "minutes": 25,
                "title": {
                    "vi": "Đại hội thành viên, hội đồng quản trị, giám đốc và ban kiểm soát",
                    "en": (
                        "The general meeting, the management board, the director and the "
                        "supervisors"
                    ),
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Bộ máy của hợp tác xã có ba vai trò tách biệt: <strong>thành "
                                "viên quyết định</strong> (qua đại hội thành viên), <strong>người "
                                "quản lý điều hành</strong> (hội đồng quản trị, giám đốc) và "
                                "<strong>người kiểm soát giám sát</strong> (ban kiểm soát hoặc "
                                "kiểm soát viên). Khi ba vai trò này lẫn lộn, quyền lực dồn vào "
                                "một người.</p>"
                            ),
                        ),
                        ("heading", "Hai mô hình tổ chức quản trị"),
                        (
                            "table",
                            {
                                "caption": "Hai mô hình tổ chức quản trị theo Luật Hợp tác xã 2023",
                                "header": ["Mô hình", "Gồm", "Áp dụng"],
                                "rows": [
                                    [
                                        "Đầy đủ",
                                        (
                                            "Đại hội thành viên, hội đồng quản trị, giám đốc, ban "
                                            "kiểm soát; chủ tịch hội đồng quản trị có thể kiêm "
                                            "giám đốc"
                                        ),
                                        "Bắt buộc với hợp tác xã quy mô nhỏ, vừa, lớn",
                                    ],
                                    [
                                        "Rút gọn",
                                        "Đại hội thành viên, giám đốc, kiểm soát viên",
                                        (
                                            "Hợp tác xã quy mô siêu nhỏ có thể chọn mô hình này "
                                            "hoặc mô hình đầy đủ"
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Quy mô được xác định theo số thành viên chính thức cùng với "
                                "doanh thu hoặc tổng nguồn vốn; hãy hỏi Liên minh Hợp tác xã tỉnh "
                                "nếu chưa chắc. Khi hợp tác xã theo mô hình rút gọn lớn lên, đại "
                                "hội gần nhất phải quyết định chuyển sang mô hình đầy đủ.</p>"
                            ),
                        ),
                        ("heading", "Đại hội thành viên: nơi quyết định cao nhất"),
                        (
                            "paragraph",
                            (
                                "<p>Đại hội thành viên gồm các thành viên chính thức, họp thường "
                                "niên mỗi năm một lần và có thể họp bất thường khi cần. Những việc "
                                "lớn do đại hội quyết định, chẳng hạn:</p><ul><li>định hướng phát "
                                "triển, kế hoạch sản xuất, kinh doanh;</li><li>sửa đổi, bổ sung "
                                "điều lệ;</li><li>thông qua báo cáo tài chính năm và báo cáo của "
                                "bộ máy quản lý, kiểm soát;</li><li>phương án phân phối thu nhập, "
                                "xử lý lỗ, tỷ lệ trích lập quỹ;</li><li>bầu, bãi nhiệm thành viên "
                                "hội đồng quản trị, ban kiểm soát hoặc kiểm soát "
                                "viên;</li><li>tăng, giảm vốn điều lệ, đầu tư hoặc bán tài sản có "
                                "giá trị lớn, tổ chức lại, giải thể hợp tác xã.</li></ul><p>Luật "
                                "và điều lệ quy định số thành viên tối thiểu phải có mặt để đại "
                                "hội hợp lệ và tỷ lệ biểu quyết cần thiết; các vấn đề hệ trọng như "
                                "sửa điều lệ hay giải thể đòi hỏi tỷ lệ tán thành cao hơn.</p>"
                            ),
                        ),
                        ("heading", "Hội đồng quản trị và giám đốc"),
                        (
                            "paragraph",
                            (
                                "<p><strong>Hội đồng quản trị</strong> do đại hội bầu ra, thay mặt "
                                "thành viên quản trị hợp tác xã giữa hai kỳ đại hội: chuẩn bị kế "
                                "hoạch và các phương án trình đại hội, quyết định những việc điều "
                                "lệ giao, giám sát giám đốc và triệu tập đại hội. <strong>Giám "
                                "đốc</strong> điều hành công việc hằng ngày: tổ chức sản xuất, ký "
                                "hợp đồng trong phạm vi được giao, quản lý lao động, lập báo "
                                "cáo.</p><p><strong>Ban kiểm soát</strong> (hoặc <strong>kiểm soát "
                                "viên</strong> ở mô hình rút gọn) do đại hội bầu, hoạt động độc "
                                "lập và báo cáo trước đại hội. Họ kiểm tra việc chấp hành pháp "
                                "luật, điều lệ và nghị quyết; kiểm tra sổ sách, báo cáo tài chính, "
                                "việc dùng tài sản và quỹ; tiếp nhận và xem xét kiến nghị của "
                                "thành viên. Người kiểm soát không được đồng thời giữ chức vụ quản "
                                "lý mà mình kiểm soát.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p><strong>Chuẩn bị đại hội:</strong> gửi giấy mời và tài "
                                    "liệu trước ngày họp theo thời hạn điều lệ quy định; lập danh "
                                    "sách điểm danh; cử thư ký ghi biên bản; ghi rõ kết quả biểu "
                                    "quyết từng nội dung; công bố nghị quyết cho mọi thành viên "
                                    "sau đại hội.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>A cooperative's structure has three separate roles: "
                                "<strong>members decide</strong> (through the general meeting), "
                                "<strong>managers run the business</strong> (the management board "
                                "and the director) and <strong>supervisors check</strong> (the "
                                "supervisory board or a supervisor). When these roles are mixed "
                                "up, power ends up with one person.</p>"
                            ),
                        ),
                        ("heading", "Two governance models"),
                        (
                            "table",
                            {
                                "caption": (
                                    "The two governance models under the 2023 Law on Cooperatives"
                                ),
                                "header": ["Model", "Consists of", "Who uses it"],
                                "rows": [
                                    [
                                        "Full",
                                        (
                                            "General meeting, management board, director, "
                                            "supervisory board; the board chair may also be the "
                                            "director"
                                        ),
                                        "Required for small, medium and large cooperatives",
                                    ],
                                    [
                                        "Simplified",
                                        "General meeting, director, supervisor",
                                        "Micro cooperatives may choose this or the full model",
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Size is set by the number of official members together with "
                                "revenue or total capital; ask the provincial Cooperative Alliance "
                                "if you are unsure. When a cooperative on the simplified model "
                                "grows, the next general meeting must decide to move to the full "
                                "model.</p>"
                            ),
                        ),
                        ("heading", "The general meeting: the highest decision-making body"),
                        (
                            "paragraph",
                            (
                                "<p>The general meeting is made up of the official members. It "
                                "meets once a year and may hold extraordinary meetings when "
                                "needed. It decides the big matters, for "
                                "example:</p><ul><li>development direction and the production and "
                                "business plan;</li><li>amendments to the "
                                "charter;</li><li>approving the annual financial report and the "
                                "reports of the management and supervisory bodies;</li><li>the "
                                "plan for distributing income, dealing with losses and allocating "
                                "to funds;</li><li>electing and dismissing members of the "
                                "management board and the supervisory board or the "
                                "supervisor;</li><li>increasing or reducing charter capital, "
                                "investing in or selling major assets, reorganising or dissolving "
                                "the cooperative.</li></ul><p>The law and the charter set the "
                                "minimum attendance for a valid meeting and the share of votes "
                                "needed; serious matters such as amending the charter or "
                                "dissolution need a higher majority.</p>"
                            ),
                        ),
                        ("heading", "The management board and the director"),
                        (
                            "paragraph",
                            (
                                "<p>The <strong>management board</strong> is elected by the "
                                "general meeting and governs the cooperative on the members' "
                                "behalf between meetings: it prepares plans and proposals for the "
                                "meeting, decides the matters the charter gives it, oversees the "
                                "director and convenes the general meeting. The "
                                "<strong>director</strong> runs day-to-day work: organising "
                                "production, signing contracts within delegated limits, managing "
                                "staff and preparing reports.</p><p>The <strong>supervisory "
                                "board</strong> (or a single <strong>supervisor</strong> in the "
                                "simplified model) is elected by the general meeting, works "
                                "independently and reports to the meeting. It checks compliance "
                                "with the law, the charter and resolutions; checks the books, the "
                                "financial reports and the use of assets and funds; and receives "
                                "and looks into members' complaints. A supervisor may not at the "
                                "same time hold a management post that they are meant to check.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p><strong>Preparing the general meeting:</strong> send "
                                    "invitations and documents ahead of the meeting within the "
                                    "time the charter sets; keep an attendance list; appoint a "
                                    "secretary to take minutes; record the vote on each item; and "
                                    "publish the resolutions to all members afterwards.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "phan-phoi-thu-nhap-va-minh-bach",
                "minutes": 25,
                "title": {
                    "vi": "Phân phối thu nhập và minh bạch với thành viên",
                    "en": "Distributing income and being transparent with members",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Tiền của hợp tác xã là tiền của các thành viên. Niềm tin chỉ "
                                "bền khi thành viên hiểu thu nhập được chia thế nào và thấy được "
                                "sổ sách khi cần. Bài này hướng dẫn cách lập phương án phân phối "
                                "và công khai thông tin.</p>"
                            ),
                        ),
                        ("heading", "Phân phối thu nhập cuối năm"),
                        (
                            "paragraph",
                            (
                                "<p>Sau khi hoàn thành nghĩa vụ thuế và các nghĩa vụ tài chính, "
                                "thu nhập của hợp tác xã được xử lý theo thứ "
                                "tự:</p><ol><li><strong>Trích lập quỹ:</strong> quỹ chung không "
                                "chia và các quỹ khác, theo tỷ lệ đại hội thành viên quyết định, "
                                "không thấp hơn mức luật yêu cầu.</li><li><strong>Phân phối cho "
                                "thành viên:</strong> chủ yếu theo mức độ sử dụng sản phẩm, dịch "
                                "vụ (hoặc theo công sức lao động ở hợp tác xã tạo việc làm); phần "
                                "còn lại chia theo vốn góp.</li></ol><p>Tỷ lệ cụ thể phải đúng "
                                "luật, điều lệ và được đại hội thông qua. Nếu chưa rõ mức tối "
                                "thiểu hiện hành, hãy hỏi Liên minh Hợp tác xã tỉnh hoặc kế "
                                "toán.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Ví dụ phương án phân phối của một hợp tác xã nhãn (tỷ lệ chỉ "
                                    "để minh họa)"
                                ),
                                "header": ["Khoản mục", "Cách tính", "Số tiền (đồng)"],
                                "rows": [
                                    [
                                        "Thu nhập sau thuế cả năm",
                                        "Theo báo cáo tài chính",
                                        "200.000.000",
                                    ],
                                    [
                                        "Trích quỹ chung không chia",
                                        "20% × 200.000.000",
                                        "40.000.000",
                                    ],
                                    [
                                        "Trích quỹ khen thưởng, phúc lợi",
                                        "5% × 200.000.000",
                                        "10.000.000",
                                    ],
                                    [
                                        "Còn lại để chia cho thành viên",
                                        "200.000.000 − 40.000.000 − 10.000.000",
                                        "150.000.000",
                                    ],
                                    [
                                        "Chia theo mức độ sử dụng dịch vụ",
                                        "70% × 150.000.000",
                                        "105.000.000",
                                    ],
                                    ["Chia theo vốn góp", "30% × 150.000.000", "45.000.000"],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Cả năm, thành viên bán qua hợp tác xã tổng cộng 300 tấn "
                                    "nhãn; ông Hùng bán 12 tấn, tức 4%. Phần chia theo dịch vụ của "
                                    "ông là 4% × 105.000.000 = 4.200.000 đồng. Tổng vốn góp của "
                                    "hợp tác xã là 500.000.000 đồng; ông Hùng góp 20.000.000 đồng, "
                                    "cũng là 4%, nên phần chia theo vốn là 4% × 45.000.000 = "
                                    "1.800.000 đồng. Ông Hùng nhận tổng cộng <strong>6.000.000 "
                                    "đồng</strong>.</p>"
                                ),
                            },
                        ),
                        ("heading", "Minh bạch: thành viên có quyền được biết"),
                        (
                            "paragraph",
                            (
                                "<p>Những thông tin nên công khai cho thành viên:</p><ul><li>điều "
                                "lệ, nghị quyết đại hội và các quy chế nội bộ;</li><li>báo cáo tài "
                                "chính năm và phương án phân phối thu nhập;</li><li>vốn góp và "
                                "phần được chia của từng thành viên;</li><li>các hợp đồng lớn, "
                                "khoản vay, khoản hỗ trợ của Nhà nước và cách sử "
                                "dụng.</li></ul><p>Cách công khai phù hợp ở nông thôn: bảng tin "
                                "tại trụ sở, nhóm Zalo của hợp tác xã, đọc trong các buổi họp "
                                "thôn, tổ, và để sổ sách tại văn phòng cho thành viên xem khi yêu "
                                "cầu.</p>"
                            ),
                        ),
                        ("heading", "Hồ sơ, sổ sách cần lưu giữ"),
                        (
                            "paragraph",
                            (
                                "<p>Sổ đăng ký thành viên; biên bản và nghị quyết đại hội, các "
                                "cuộc họp hội đồng quản trị; sổ kế toán, chứng từ thu chi; hợp "
                                "đồng mua bán; báo cáo của ban kiểm soát. Lưu giữ theo thời hạn "
                                "pháp luật kế toán và điều lệ quy định, ở nơi khô ráo, có bản sao "
                                "điện tử cho những giấy tờ quan trọng.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Dấu hiệu niềm tin đang mất: họp không có biên bản; chi "
                                    "tiêu không có chứng từ; thành viên không biết mình được chia "
                                    "bao nhiêu và vì sao; một người vừa giữ tiền, vừa ghi sổ, vừa "
                                    "quyết định. Cách khắc phục: ban kiểm soát kiểm tra định kỳ và "
                                    "báo cáo công khai, hợp tác xã công bố thu chi ít nhất mỗi "
                                    "quý.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>The cooperative's money belongs to its members. Trust lasts "
                                "only when members understand how income is shared and can see the "
                                "books when they need to. This lesson shows how to prepare a "
                                "distribution plan and share information openly.</p>"
                            ),
                        ),
                        ("heading", "Year-end distribution of income"),
                        (
                            "paragraph",
                            (
                                "<p>After taxes and other financial obligations have been met, the "
                                "cooperative's income is handled in this "
                                "order:</p><ol><li><strong>Allocation to funds:</strong> the "
                                "indivisible common fund and other funds, at rates decided by the "
                                "general meeting and no lower than the law "
                                "requires.</li><li><strong>Distribution to members:</strong> "
                                "mainly according to how much each member used the products and "
                                "services (or the work they contributed, in a job-creating "
                                "cooperative); the rest according to capital "
                                "contributed.</li></ol><p>The exact rates must follow the law and "
                                "the charter and be approved by the general meeting. If you are "
                                "unsure of the current minimums, ask the provincial Cooperative "
                                "Alliance or your accountant.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Example distribution plan of a longan cooperative (rates for "
                                    "illustration only)"
                                ),
                                "header": ["Item", "Calculation", "Amount (VND)"],
                                "rows": [
                                    [
                                        "Income after tax for the year",
                                        "From the financial report",
                                        "200,000,000",
                                    ],
                                    [
                                        "To the indivisible common fund",
                                        "20% × 200,000,000",
                                        "40,000,000",
                                    ],
                                    [
                                        "To the bonus and welfare fund",
                                        "5% × 200,000,000",
                                        "10,000,000",
                                    ],
                                    [
                                        "Left to distribute to members",
                                        "200,000,000 − 40,000,000 − 10,000,000",
                                        "150,000,000",
                                    ],
                                    ["By use of services", "70% × 150,000,000", "105,000,000"],
                                    ["By capital contributed", "30% × 150,000,000", "45,000,000"],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Over the year, members sold a total of 300 tonnes of "
                                    "longan through the cooperative; Mr Hùng sold 12 tonnes, or "
                                    "4%. His share by use of services is 4% × 105,000,000 = "
                                    "4,200,000 VND. Total member capital is 500,000,000 VND; Mr "
                                    "Hùng contributed 20,000,000 VND, also 4%, so his share by "
                                    "capital is 4% × 45,000,000 = 1,800,000 VND. Mr Hùng receives "
                                    "<strong>6,000,000 VND</strong> in total.</p>"
                                ),
                            },
                        ),
                        ("heading", "Transparency: members have a right to know"),
                        (
                            "paragraph",
                            (
                                "<p>Information to share openly with members:</p><ul><li>the "
                                "charter, general meeting resolutions and internal "
                                "rules;</li><li>the annual financial report and the income "
                                "distribution plan;</li><li>each member's capital and share of "
                                "distributions;</li><li>major contracts, loans, state support "
                                "received and how it was used.</li></ul><p>Ways that work in rural "
                                "areas: a notice board at the office, the cooperative's Zalo "
                                "group, reading it out at village or group meetings, and keeping "
                                "the books at the office for members to inspect on request.</p>"
                            ),
                        ),
                        ("heading", "Records to keep"),
                        (
                            "paragraph",
                            (
                                "<p>The register of members; minutes and resolutions of general "
                                "meetings and board meetings; accounting books and vouchers; sales "
                                "and purchase contracts; the supervisors' reports. Keep them for "
                                "as long as accounting law and the charter require, in a dry "
                                "place, with electronic copies of the important ones.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Signs that trust is slipping: meetings without minutes; "
                                    "spending without vouchers; members who do not know what they "
                                    "receive or why; one person who holds the cash, keeps the "
                                    "books and makes the decisions. The fix: the supervisors check "
                                    "regularly and report openly, and the cooperative publishes "
                                    "its income and spending at least every quarter.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
        ],
        "quiz": {
            "slug": "kiem-tra-quan-tri-hop-tac-xa",
            "title": {
                "vi": "Bài kiểm tra: Quản trị hợp tác xã",
                "en": "Quiz: Governing a cooperative",
            },
            "intro": {
                "vi": (
                    "Bảy câu hỏi về nguyên tắc, thành viên, bộ máy quản trị và phân phối thu nhập. "
                    "Cần đạt 70% để hoàn thành khóa học."
                ),
                "en": (
                    "Seven questions on principles, members, governance bodies and income "
                    "distribution. You need 70% to complete the course."
                ),
            },
            "pass_mark": 70,
            "attempt_limit": 3,
            "shuffle": True,
            "questions": [
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Trong đại hội thành viên, bà Lan góp 50 triệu đồng và ông Páo góp 10 "
                            "triệu đồng. Mỗi người có bao nhiêu phiếu biểu quyết?"
                        ),
                        "en": (
                            "At the general meeting, Mrs Lan contributed 50 million VND and Mr Páo "
                            "10 million VND. How many votes does each have?"
                        ),
                    },
                    "options": [
                        {
                            "text": {"vi": "Mỗi người một phiếu", "en": "One vote each"},
                            "correct": True,
                            "feedback": {
                                "vi": (
                                    "Đúng. Mỗi thành viên chính thức có một phiếu, không phụ thuộc "
                                    "vốn góp."
                                ),
                                "en": (
                                    "Correct. Each official member has one vote, regardless of "
                                    "capital."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Bà Lan 5 phiếu, ông Páo 1 phiếu",
                                "en": "Mrs Lan 5 votes, Mr Páo 1 vote",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Hợp tác xã không biểu quyết theo vốn như công ty "
                                    "cổ phần."
                                ),
                                "en": (
                                    "Not right. A cooperative does not vote by capital like a "
                                    "joint-stock company."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Do hội đồng quản trị quyết định",
                                "en": "The management board decides",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Nguyên tắc một thành viên một phiếu do luật quy "
                                    "định."
                                ),
                                "en": "Not right. One member, one vote is set by the law.",
                            },
                        },
                    ],
                },
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Những việc nào thuộc thẩm quyền của đại hội thành viên?",
                        "en": "Which matters are decided by the general meeting?",
                    },
                    "options": [
                        {
                            "text": {"vi": "Sửa đổi điều lệ", "en": "Amending the charter"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Chỉ đại hội mới được sửa điều lệ.",
                                "en": "Correct. Only the general meeting can amend the charter.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Thông qua phương án phân phối thu nhập",
                                "en": "Approving the income distribution plan",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Phân phối thu nhập do đại hội quyết định.",
                                "en": (
                                    "Correct. Income distribution is decided by the general "
                                    "meeting."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Bầu ban kiểm soát hoặc kiểm soát viên",
                                "en": "Electing the supervisory board or supervisor",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": (
                                    "Đúng. Người kiểm soát do đại hội bầu và báo cáo trước đại hội."
                                ),
                                "en": (
                                    "Correct. Supervisors are elected by and report to the general "
                                    "meeting."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Chọn loại thùng carton cho đơn hàng tuần này",
                                "en": "Choosing the carton type for this week's order",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Không phải. Đây là việc điều hành hằng ngày của giám đốc.",
                                "en": "No. That is day-to-day management for the director.",
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": "Luật Hợp tác xã số 17/2023/QH15 có hiệu lực từ ngày 01/7/2024.",
                        "en": (
                            "Law on Cooperatives No. 17/2023/QH15 came into force on 1 July 2024."
                        ),
                    },
                    "answer": True,
                    "feedback": {
                        "vi": (
                            "Đúng. Luật được thông qua ngày 20/6/2023 và có hiệu lực từ ngày "
                            "01/7/2024."
                        ),
                        "en": (
                            "True. It was passed on 20 June 2023 and came into force on 1 July "
                            "2024."
                        ),
                    },
                },
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Ai có nhiệm vụ kiểm tra việc hội đồng quản trị và giám đốc chấp hành "
                            "pháp luật, điều lệ và nghị quyết đại hội?"
                        ),
                        "en": (
                            "Who checks that the management board and the director comply with the "
                            "law, the charter and general meeting resolutions?"
                        ),
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Ban kiểm soát hoặc kiểm soát viên",
                                "en": "The supervisory board or supervisor",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Đây là nhiệm vụ chính của người kiểm soát.",
                                "en": "Correct. This is the supervisors' main job.",
                            },
                        },
                        {
                            "text": {"vi": "Thủ quỹ", "en": "The cashier"},
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Thủ quỹ giữ tiền mặt, không giám sát bộ máy quản "
                                    "lý."
                                ),
                                "en": (
                                    "Not right. The cashier holds the cash and does not oversee "
                                    "management."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Thương lái mua nhiều hàng nhất",
                                "en": "The trader who buys the most",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Người mua không có vai trò trong quản trị hợp tác "
                                    "xã."
                                ),
                                "en": (
                                    "Not right. Buyers have no role in governing the cooperative."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Chính giám đốc tự kiểm tra",
                                "en": "The director checks themself",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Người kiểm soát phải độc lập với người bị kiểm "
                                    "soát."
                                ),
                                "en": (
                                    "Not right. Supervisors must be independent of those they "
                                    "check."
                                ),
                            },
                        },
                    ],
                },
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Hợp tác xã nên công khai những thông tin nào cho thành viên?",
                        "en": "Which information should the cooperative share with members?",
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Báo cáo tài chính năm",
                                "en": "The annual financial report",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Thành viên có quyền biết tình hình tài chính.",
                                "en": (
                                    "Correct. Members have a right to know the financial position."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Phương án phân phối thu nhập",
                                "en": "The income distribution plan",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Thành viên cần biết vì sao mình được chia như vậy.",
                                "en": (
                                    "Correct. Members need to know why they receive what they do."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Các khoản hỗ trợ của Nhà nước và cách sử dụng",
                                "en": "State support received and how it was used",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Đây là tài sản chung, cần được công khai.",
                                "en": "Correct. This is a common asset and should be disclosed.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Mật khẩu tài khoản ngân hàng của hợp tác xã",
                                "en": "The password of the cooperative's bank account",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Không. Mật khẩu phải được bảo mật; minh bạch là công khai số "
                                    "liệu, không phải công khai quyền truy cập."
                                ),
                                "en": (
                                    "No. Passwords must stay secret; transparency means sharing "
                                    "figures, not access."
                                ),
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": (
                            "Thu nhập chia cho thành viên hợp tác xã chủ yếu dựa trên số vốn mỗi "
                            "người góp."
                        ),
                        "en": (
                            "Income distributed to cooperative members is based mainly on how much "
                            "capital each contributed."
                        ),
                    },
                    "answer": False,
                    "feedback": {
                        "vi": (
                            "Sai. Thu nhập được chia chủ yếu theo mức độ sử dụng sản phẩm, dịch vụ "
                            "hoặc công sức lao động; vốn góp chỉ là phần nhỏ hơn."
                        ),
                        "en": (
                            "False. Income is shared mainly by use of products and services or "
                            "work contributed; capital accounts for the smaller part."
                        ),
                    },
                },
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Hợp tác xã dành 105.000.000 đồng để chia theo mức độ sử dụng dịch vụ. "
                            "Thành viên bán qua hợp tác xã 300 tấn nhãn, trong đó chị Mai bán 15 "
                            "tấn. Chị Mai được chia bao nhiêu từ phần này?"
                        ),
                        "en": (
                            "The cooperative sets aside 105,000,000 VND to share by use of "
                            "services. Members sold 300 tonnes of longan through it, of which Ms "
                            "Mai sold 15 tonnes. How much does Ms Mai get from this part?"
                        ),
                    },
                    "options": [
                        {
                            "text": {"vi": "5.250.000 đồng", "en": "5,250,000 VND"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. 15/300 = 5%; 5% × 105.000.000 = 5.250.000 đồng.",
                                "en": "Correct. 15/300 = 5%; 5% × 105,000,000 = 5,250,000 VND.",
                            },
                        },
                        {
                            "text": {"vi": "7.500.000 đồng", "en": "7,500,000 VND"},
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Đó là 5% của 150.000.000, tức cả phần chia theo "
                                    "vốn."
                                ),
                                "en": (
                                    "Not right. That is 5% of 150,000,000, which includes the "
                                    "capital part."
                                ),
                            },
                        },
                        {
                            "text": {"vi": "4.200.000 đồng", "en": "4,200,000 VND"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Đó là phần của ông Hùng với 12 tấn (4%).",
                                "en": "Not right. That is Mr Hùng's share for 12 tonnes (4%).",
                            },
                        },
                        {
                            "text": {"vi": "2.250.000 đồng", "en": "2,250,000 VND"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Đó là 5% của phần chia theo vốn góp.",
                                "en": "Not right. That is 5% of the part shared by capital.",
                            },
                        },
                    ],
                },
            ],
        },
    },
    {
        "slug": "ke-toan-co-ban-cho-hop-tac-xa",
        "category": "accounting",
        "level": "beginner",
        "hours": 4,
        "title": {
            "vi": "Kế toán cơ bản cho hợp tác xã nhỏ",
            "en": "Basic bookkeeping for a small cooperative",
        },
        "summary": {
            "vi": (
                "Tách bạch tiền hợp tác xã với tiền cá nhân, ghi sổ quỹ và sổ ngân hàng có chứng "
                "từ, tính giá thành trên mỗi kg và lập báo cáo tháng dễ hiểu cho thành viên, với "
                "ví dụ số liệu thực tế từ một hợp tác xã vải thiều."
            ),
            "en": (
                "Keep the cooperative's money apart from your own, keep a cash book and a bank "
                "book backed by vouchers, work out the cost per kg and write a clear monthly "
                "report for members, with worked figures from a lychee cooperative."
            ),
        },
        "outcomes": {
            "vi": [
                "Giải thích vì sao phải tách tiền hợp tác xã khỏi tiền cá nhân người quản lý.",
                "Lập phiếu thu, phiếu chi và ghi sổ quỹ tiền mặt, sổ tiền gửi ngân hàng.",
                "Tính giá thành trên mỗi kg sản phẩm và giá bán tối thiểu.",
                "Lập báo cáo thu chi hằng tháng gửi thành viên và kiểm tra số liệu khớp nhau.",
            ],
            "en": [
                "Explain why the cooperative's money must be kept apart from the manager's.",
                "Write receipt and payment vouchers and keep a cash book and a bank book.",
                "Work out the cost per kg of produce and a minimum selling price.",
                (
                    "Prepare a monthly receipts and payments report for members and check that it "
                    "reconciles."
                ),
            ],
        },
        "lessons": [
            {
                "slug": "tach-bach-tien-hop-tac-xa-va-tien-ca-nhan",
                "minutes": 20,
                "title": {
                    "vi": "Tách bạch tiền của hợp tác xã và tiền cá nhân",
                    "en": "Keeping the cooperative's money apart from your own",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Anh Thắng là giám đốc một hợp tác xã vải thiều ở Lục Ngạn. "
                                "Tiền thương lái trả, anh cất chung trong ví; tiền phân bón, anh "
                                "chuyển từ tài khoản riêng; có hôm vợ anh lấy tạm tiền hàng đi "
                                "chợ. Cuối vụ, không ai nói được hợp tác xã lãi hay lỗ, và dù anh "
                                "Thắng không lấy một đồng nào, thành viên vẫn bắt đầu nghi ngờ.</p>"
                            ),
                        ),
                        ("heading", "Vì sao phải tách bạch"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Hợp tác xã là một pháp nhân riêng; tài sản của hợp tác xã "
                                "thuộc về tập thể thành viên, không thuộc về người quản "
                                "lý.</li><li>Chỉ khi tách bạch mới biết chính xác hợp tác xã lãi "
                                "hay lỗ, và chia thu nhập đúng.</li><li>Sổ sách rõ ràng bảo vệ "
                                "chính người quản lý trước những nghi ngờ.</li><li>Cơ quan thuế, "
                                "ngân hàng khi xét cho vay, và đối tác lớn khi ký hợp đồng đều yêu "
                                "cầu sổ sách, chứng từ của hợp tác xã.</li></ul>"
                            ),
                        ),
                        ("heading", "Năm quy tắc đơn giản"),
                        (
                            "paragraph",
                            (
                                "<ol><li>Mở <strong>tài khoản ngân hàng đứng tên hợp tác "
                                "xã</strong>; các khoản thu, chi lớn đi qua tài khoản này, không "
                                "dùng tài khoản cá nhân.</li><li><strong>Người giữ tiền và người "
                                "ghi sổ là hai người khác nhau.</strong> Hai người kiểm tra chéo "
                                "nhau; pháp luật kế toán cũng không cho thủ quỹ làm kế toán trong "
                                "cùng đơn vị, trừ một số trường hợp đặc biệt.</li><li>Mọi khoản "
                                "thu, chi đều có <strong>chứng từ</strong>: phiếu thu, phiếu chi, "
                                "hóa đơn, hợp đồng, bảng chấm công.</li><li>Không cho vay, mượn "
                                "tạm tiền của hợp tác xã vào việc riêng, kể cả “mượn vài "
                                "hôm”.</li><li>Chỉ giữ lượng tiền mặt cần cho chi tiêu hằng ngày, "
                                "phần còn lại nộp vào ngân hàng; kiểm đếm quỹ định kỳ và đối chiếu "
                                "với sổ.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Nếu người quản lý đã lỡ bỏ tiền riêng ra trả cho hợp tác "
                                    "xã, ví dụ 2.400.000 đồng tiền thùng xốp, hãy lập <strong>giấy "
                                    "đề nghị thanh toán</strong> kèm hóa đơn để hợp tác xã hoàn "
                                    "lại bằng phiếu chi, và ghi sổ đầy đủ. Đừng “trừ miệng” vào "
                                    "tiền hàng lần sau: không ai kiểm tra lại được.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Hãy ưu tiên chuyển khoản khi trả tiền cho nhà cung cấp. "
                                    "Với các khoản mua có giá trị lớn, pháp luật thuế thường yêu "
                                    "cầu thanh toán không dùng tiền mặt thì mới được khấu trừ, "
                                    "tính vào chi phí. Hỏi kế toán hoặc cơ quan thuế về ngưỡng "
                                    "hiện hành.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Hợp tác xã phải áp dụng chế độ kế toán dành cho hợp tác xã do "
                                "Bộ Tài chính ban hành. Khóa học này dạy phần nền tảng: ghi chép "
                                "hằng ngày và báo cáo cho thành viên. Báo cáo tài chính năm và "
                                "quyết toán thuế cần người có chuyên môn kế toán, hoặc thuê dịch "
                                "vụ kế toán.</p>"
                            ),
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Mr Thắng is the director of a lychee cooperative in Lục Ngạn. "
                                "He keeps the cash traders pay him in his own wallet; he pays for "
                                "fertiliser from his personal account; one day his wife borrowed "
                                "some of the sales money for the market. At the end of the season "
                                "nobody can say whether the cooperative made a profit or a loss, "
                                "and although Mr Thắng has not taken a single dong, members start "
                                "to be suspicious.</p>"
                            ),
                        ),
                        ("heading", "Why keep them apart"),
                        (
                            "paragraph",
                            (
                                "<ul><li>The cooperative is a separate legal entity; its assets "
                                "belong to the members together, not to the manager.</li><li>Only "
                                "when the money is kept apart can you know exactly whether the "
                                "cooperative made a profit, and share income "
                                "correctly.</li><li>Clear books protect the manager from "
                                "suspicion.</li><li>The tax office, banks considering a loan, and "
                                "large partners signing contracts all ask for the cooperative's "
                                "books and vouchers.</li></ul>"
                            ),
                        ),
                        ("heading", "Five simple rules"),
                        (
                            "paragraph",
                            (
                                "<ol><li>Open a <strong>bank account in the cooperative's "
                                "name</strong>; large receipts and payments go through it, never "
                                "through a personal account.</li><li><strong>The person who holds "
                                "the cash and the person who keeps the books are two different "
                                "people.</strong> They check each other; accounting law also bars "
                                "the cashier from acting as the accountant in the same unit, apart "
                                "from a few special cases.</li><li>Every receipt and payment has a "
                                "<strong>voucher</strong>: receipt voucher, payment voucher, "
                                "invoice, contract, timesheet.</li><li>Never lend or “borrow for a "
                                "few days” the cooperative's money for private use.</li><li>Keep "
                                "only the cash needed for daily spending and deposit the rest in "
                                "the bank; count the cash regularly and compare it with the "
                                "book.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>If a manager has paid for something of the cooperative's "
                                    "out of their own pocket, say 2,400,000 VND for foam boxes, "
                                    "make a <strong>payment request</strong> with the invoice so "
                                    "the cooperative repays them with a payment voucher, and "
                                    "record it in full. Do not just “knock it off” the next sale "
                                    "by word of mouth: nobody could ever check it.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Pay suppliers by bank transfer whenever you can. For large "
                                    "purchases, tax rules usually require non-cash payment before "
                                    "the cost can be deducted. Ask your accountant or the tax "
                                    "office for the current threshold.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Cooperatives must follow the accounting regime for "
                                "cooperatives issued by the Ministry of Finance. This course "
                                "teaches the foundation: day-to-day records and reports to "
                                "members. The annual financial statements and tax finalisation "
                                "need a qualified accountant or an accounting service.</p>"
                            ),
                        ),
                    ],
                },
            },
            {
                "slug": "chung-tu-so-quy-va-so-tien-gui-ngan-hang",
                "minutes": 30,
                "title": {
                    "vi": "Chứng từ, sổ quỹ tiền mặt và sổ tiền gửi ngân hàng",
                    "en": "Vouchers, the cash book and the bank book",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Nguyên tắc vàng của kế toán: <strong>không có chứng từ thì "
                                "không ghi sổ</strong>. Chứng từ cho biết tiền vào, ra vì việc gì, "
                                "ai nộp, ai nhận, ai duyệt.</p>"
                            ),
                        ),
                        ("heading", "Phiếu thu và phiếu chi"),
                        (
                            "paragraph",
                            (
                                "<p>Mỗi phiếu thu, phiếu chi cần có:</p><ul><li>số phiếu đánh liên "
                                "tục (PT01, PT02… và PC01, PC02…) và ngày lập;</li><li>họ tên, địa "
                                "chỉ người nộp hoặc người nhận tiền;</li><li>lý do thu, chi rõ "
                                "ràng;</li><li>số tiền bằng số và bằng chữ;</li><li>chữ ký của "
                                "người lập phiếu, người nộp hoặc nhận tiền, thủ quỹ, kế toán, và "
                                "giám đốc duyệt với phiếu chi.</li></ul><p>Đính kèm chứng từ gốc "
                                "như hóa đơn, hợp đồng, bảng chấm công. Phiếu viết hỏng không xé "
                                "bỏ mà gạch chéo, ghi “Hủy” và lưu lại để số phiếu không bị đứt "
                                "quãng.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Trả tiền công thu hái cho người làm thời vụ thường không "
                                    "có hóa đơn. Hãy lập <strong>bảng chấm công</strong> và "
                                    "<strong>danh sách ký nhận tiền</strong> ghi rõ họ tên, số "
                                    "ngày công, đơn giá, số tiền và chữ ký từng người, rồi kèm vào "
                                    "phiếu chi.</p>"
                                ),
                            },
                        ),
                        ("heading", "Sổ quỹ tiền mặt"),
                        (
                            "paragraph",
                            (
                                "<p>Sổ quỹ ghi theo thứ tự thời gian mọi phiếu thu, phiếu chi tiền "
                                "mặt. Sau mỗi dòng tính số tồn: <strong>tồn cuối = tồn đầu + thu − "
                                "chi</strong>. Cuối ngày hoặc cuối tuần, thủ quỹ đếm tiền thực tế, "
                                "kế toán đối chiếu với sổ; chênh lệch phải tìm ra nguyên nhân "
                                "ngay.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Sổ quỹ tiền mặt tháng 6 của hợp tác xã vải thiều (đơn vị: "
                                    "đồng)"
                                ),
                                "header": ["Ngày", "Số phiếu", "Nội dung", "Thu", "Chi", "Tồn quỹ"],
                                "rows": [
                                    ["01/06", "", "Tồn quỹ đầu tháng", "", "", "12.500.000"],
                                    [
                                        "03/06",
                                        "PT01",
                                        "Bán 400 kg vải loại 1 × 22.000 đ",
                                        "8.800.000",
                                        "",
                                        "21.300.000",
                                    ],
                                    [
                                        "05/06",
                                        "PC01",
                                        "Mua thùng xốp đóng hàng",
                                        "",
                                        "2.400.000",
                                        "18.900.000",
                                    ],
                                    [
                                        "08/06",
                                        "PC02",
                                        "Công thu hái: 6 công × 300.000 đ",
                                        "",
                                        "1.800.000",
                                        "17.100.000",
                                    ],
                                    [
                                        "12/06",
                                        "PT02",
                                        "Thu phí dịch vụ sơ chế của thành viên",
                                        "3.600.000",
                                        "",
                                        "20.700.000",
                                    ],
                                    [
                                        "15/06",
                                        "PC03",
                                        "Nộp tiền mặt vào tài khoản hợp tác xã",
                                        "",
                                        "15.000.000",
                                        "5.700.000",
                                    ],
                                    [
                                        "20/06",
                                        "PT03",
                                        "Bán 150 kg vải loại 2 × 16.000 đ",
                                        "2.400.000",
                                        "",
                                        "8.100.000",
                                    ],
                                    [
                                        "30/06",
                                        "",
                                        "Cộng tháng / tồn cuối tháng",
                                        "14.800.000",
                                        "19.200.000",
                                        "8.100.000",
                                    ],
                                ],
                            },
                        ),
                        ("heading", "Sổ tiền gửi ngân hàng"),
                        (
                            "table",
                            {
                                "caption": "Sổ tiền gửi ngân hàng tháng 6 (đơn vị: đồng)",
                                "header": [
                                    "Ngày",
                                    "Chứng từ",
                                    "Nội dung",
                                    "Gửi vào",
                                    "Rút ra",
                                    "Số dư",
                                ],
                                "rows": [
                                    ["01/06", "", "Số dư đầu tháng", "", "", "45.000.000"],
                                    [
                                        "15/06",
                                        "PC03",
                                        "Nộp tiền mặt từ quỹ",
                                        "15.000.000",
                                        "",
                                        "60.000.000",
                                    ],
                                    [
                                        "18/06",
                                        "Giấy báo có",
                                        "Công ty chuyển tiền 2.000 kg vải × 20.000 đ",
                                        "40.000.000",
                                        "",
                                        "100.000.000",
                                    ],
                                    [
                                        "22/06",
                                        "Ủy nhiệm chi",
                                        "Trả tiền phân bón cho đại lý",
                                        "",
                                        "28.000.000",
                                        "72.000.000",
                                    ],
                                    [
                                        "30/06",
                                        "Giấy báo nợ",
                                        "Phí ngân hàng",
                                        "",
                                        "22.000",
                                        "71.978.000",
                                    ],
                                    [
                                        "30/06",
                                        "",
                                        "Cộng tháng / số dư cuối tháng",
                                        "55.000.000",
                                        "28.022.000",
                                        "71.978.000",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Khoản 15.000.000 đồng ngày 15/6 xuất hiện ở cả hai sổ: là "
                                    "khoản chi trong sổ quỹ và khoản gửi vào trong sổ ngân hàng. "
                                    "Đây chỉ là <strong>chuyển tiền nội bộ</strong>, không phải "
                                    "thu nhập hay chi phí của hợp tác xã. Cuối tháng, so số dư "
                                    "71.978.000 đồng với sao kê của ngân hàng; nếu lệch, kiểm tra "
                                    "các khoản phí hoặc tiền về chưa ghi sổ.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>The golden rule of bookkeeping: <strong>no voucher, no "
                                "entry</strong>. A voucher shows what the money came in or went "
                                "out for, who paid, who received it and who approved it.</p>"
                            ),
                        ),
                        ("heading", "Receipt and payment vouchers"),
                        (
                            "paragraph",
                            (
                                "<p>Every receipt and payment voucher needs:</p><ul><li>a running "
                                "number (PT01, PT02… for receipts, PC01, PC02… for payments) and a "
                                "date;</li><li>the name and address of the person paying or "
                                "receiving;</li><li>a clear reason;</li><li>the amount in figures "
                                "and in words;</li><li>signatures of the preparer, the payer or "
                                "recipient, the cashier, the accountant, and the director's "
                                "approval for payments.</li></ul><p>Attach the source documents "
                                "such as invoices, contracts and timesheets. Do not tear up a "
                                "spoiled voucher: cross it out, write “Cancelled” and keep it, so "
                                "the numbering has no gaps.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Seasonal pickers' wages usually come without an invoice. "
                                    "Prepare a <strong>timesheet</strong> and a <strong>signed pay "
                                    "list</strong> showing each person's name, days worked, daily "
                                    "rate, amount and signature, and attach them to the payment "
                                    "voucher.</p>"
                                ),
                            },
                        ),
                        ("heading", "The cash book"),
                        (
                            "paragraph",
                            (
                                "<p>The cash book records every cash receipt and payment voucher "
                                "in date order. After each line, work out the balance: "
                                "<strong>closing = opening + receipts − payments</strong>. At the "
                                "end of each day or week the cashier counts the actual cash and "
                                "the accountant compares it with the book; any difference must be "
                                "explained at once.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "June cash book of the lychee cooperative (VND)",
                                "header": [
                                    "Date",
                                    "Voucher",
                                    "Description",
                                    "Receipts",
                                    "Payments",
                                    "Balance",
                                ],
                                "rows": [
                                    ["01/06", "", "Opening balance", "", "", "12,500,000"],
                                    [
                                        "03/06",
                                        "PT01",
                                        "Sold 400 kg grade 1 lychee × 22,000",
                                        "8,800,000",
                                        "",
                                        "21,300,000",
                                    ],
                                    [
                                        "05/06",
                                        "PC01",
                                        "Bought foam packing boxes",
                                        "",
                                        "2,400,000",
                                        "18,900,000",
                                    ],
                                    [
                                        "08/06",
                                        "PC02",
                                        "Picking wages: 6 days × 300,000",
                                        "",
                                        "1,800,000",
                                        "17,100,000",
                                    ],
                                    [
                                        "12/06",
                                        "PT02",
                                        "Packing-service fees from members",
                                        "3,600,000",
                                        "",
                                        "20,700,000",
                                    ],
                                    [
                                        "15/06",
                                        "PC03",
                                        "Cash deposited into the cooperative's account",
                                        "",
                                        "15,000,000",
                                        "5,700,000",
                                    ],
                                    [
                                        "20/06",
                                        "PT03",
                                        "Sold 150 kg grade 2 lychee × 16,000",
                                        "2,400,000",
                                        "",
                                        "8,100,000",
                                    ],
                                    [
                                        "30/06",
                                        "",
                                        "Month totals / closing balance",
                                        "14,800,000",
                                        "19,200,000",
                                        "8,100,000",
                                    ],
                                ],
                            },
                        ),
                        ("heading", "The bank book"),
                        (
                            "table",
                            {
                                "caption": "June bank book (VND)",
                                "header": [
                                    "Date",
                                    "Document",
                                    "Description",
                                    "In",
                                    "Out",
                                    "Balance",
                                ],
                                "rows": [
                                    ["01/06", "", "Opening balance", "", "", "45,000,000"],
                                    [
                                        "15/06",
                                        "PC03",
                                        "Cash deposited from the till",
                                        "15,000,000",
                                        "",
                                        "60,000,000",
                                    ],
                                    [
                                        "18/06",
                                        "Credit advice",
                                        "Company paid for 2,000 kg lychee × 20,000",
                                        "40,000,000",
                                        "",
                                        "100,000,000",
                                    ],
                                    [
                                        "22/06",
                                        "Transfer order",
                                        "Paid the fertiliser dealer",
                                        "",
                                        "28,000,000",
                                        "72,000,000",
                                    ],
                                    [
                                        "30/06",
                                        "Debit advice",
                                        "Bank charges",
                                        "",
                                        "22,000",
                                        "71,978,000",
                                    ],
                                    [
                                        "30/06",
                                        "",
                                        "Month totals / closing balance",
                                        "55,000,000",
                                        "28,022,000",
                                        "71,978,000",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>The 15,000,000 VND on 15 June appears in both books: as a "
                                    "payment in the cash book and as money in the bank book. It is "
                                    "only an <strong>internal transfer</strong>, neither income "
                                    "nor an expense of the cooperative. At month end, compare the "
                                    "balance of 71,978,000 VND with the bank statement; if they "
                                    "differ, look for charges or incoming payments not yet "
                                    "recorded.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "gia-thanh-tren-moi-kg-va-dinh-gia",
                "minutes": 30,
                "title": {
                    "vi": "Tính giá thành trên mỗi kg và định giá bán",
                    "en": "Cost of production per kg and setting a price",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Nhiều hợp tác xã định giá theo giá thương lái trả. Nhưng nếu "
                                "không biết mỗi kg vải làm ra tốn bao nhiêu, bạn không biết mình "
                                "đang lãi hay đang bán lỗ. <strong>Giá thành</strong> là tổng chi "
                                "phí để làm ra sản phẩm, chia cho sản lượng thu được.</p>"
                            ),
                        ),
                        ("heading", "Các khoản tạo nên giá thành"),
                        (
                            "paragraph",
                            (
                                "<ul><li><strong>Vật tư:</strong> phân bón, thuốc bảo vệ thực vật, "
                                "túi bọc quả.</li><li><strong>Nhân công:</strong> cắt tỉa, tưới, "
                                "phun, thu hái. Tính cả công của chính gia đình theo giá thuê "
                                "ngoài; bỏ qua khoản này thì giá thành thấp giả "
                                "tạo.</li><li><strong>Chi phí chung:</strong> điện, nước tưới, "
                                "thuê đất, lãi vay.</li><li><strong>Khấu hao:</strong> phần giá "
                                "trị máy móc, dụng cụ hao mòn trong năm. Ví dụ máy bơm 10.000.000 "
                                "đồng dùng được 5 năm thì mỗi năm tính 2.000.000 đồng.</li></ul>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Chi phí một vụ của 1 ha vải thiều (ví dụ)",
                                "header": ["Khoản mục", "Số tiền (đồng)", "Ghi chú"],
                                "rows": [
                                    ["Phân bón hữu cơ và vô cơ", "18.000.000", ""],
                                    [
                                        "Thuốc bảo vệ thực vật",
                                        "9.000.000",
                                        "Chỉ dùng thuốc được phép",
                                    ],
                                    ["Công chăm sóc", "24.000.000", "80 công × 300.000 đ"],
                                    ["Công thu hái", "6.000.000", "20 công × 300.000 đ"],
                                    ["Điện, nước tưới", "3.000.000", ""],
                                    [
                                        "Khấu hao máy bơm, bình phun",
                                        "2.000.000",
                                        "10 triệu ÷ 5 năm",
                                    ],
                                    ["Thuê đất, chi phí khác", "4.000.000", ""],
                                    ["Tổng chi phí", "66.000.000", ""],
                                    ["Sản lượng", "6.000 kg", ""],
                                    ["Giá thành mỗi kg", "11.000", "66.000.000 ÷ 6.000"],
                                ],
                            },
                        ),
                        ("heading", "Từ giá thành đến giá bán"),
                        (
                            "table",
                            {
                                "caption": (
                                    "Giá bán tối thiểu khi hợp tác xã tự đóng gói và giao hàng "
                                    "(đồng/kg)"
                                ),
                                "header": ["Khoản", "Đồng/kg"],
                                "rows": [
                                    ["Giá thành tại vườn", "11.000"],
                                    ["Sơ chế, đóng gói (thùng, đá, nhân công)", "2.500"],
                                    ["Vận chuyển đến điểm giao", "1.500"],
                                    ["Dự phòng hao hụt, quả hỏng", "1.000"],
                                    ["Chi phí đến tay người mua", "16.000"],
                                    ["Lãi mục tiêu 15%", "2.400"],
                                    ["Giá bán tối thiểu đề xuất", "18.400"],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Thương lái trả 14.000 đồng/kg tại vườn. So với giá thành "
                                    "11.000 đồng/kg, hợp tác xã lãi 14.000 − 11.000 = 3.000 "
                                    "đồng/kg. Nếu tự đóng gói và giao, chi phí thêm 2.500 + 1.500 "
                                    "+ 1.000 = 5.000 đồng/kg, nên giá giao phải <strong>cao hơn "
                                    "19.000 đồng/kg</strong> mới có lợi hơn bán tại vườn. Biết giá "
                                    "thành giúp bạn so sánh các lựa chọn thay vì đoán.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Giá thành thay đổi theo sản lượng. Năm mất mùa chỉ thu "
                                    "4.000 kg trên cùng 1 ha thì giá thành là 66.000.000 ÷ 4.000 = "
                                    "16.500 đồng/kg. Hãy tính lại giá thành mỗi vụ, đừng dùng mãi "
                                    "con số năm trước.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Many cooperatives set prices by whatever traders pay. But if "
                                "you do not know what each kilo of lychee costs to produce, you "
                                "cannot tell whether you are making money or selling at a loss. "
                                "<strong>Cost of production</strong> is the total cost of "
                                "producing the crop divided by the quantity harvested.</p>"
                            ),
                        ),
                        ("heading", "What goes into the cost"),
                        (
                            "paragraph",
                            (
                                "<ul><li><strong>Inputs:</strong> fertiliser, pesticides, fruit "
                                "bags.</li><li><strong>Labour:</strong> pruning, watering, "
                                "spraying, picking. Count the family's own work at the rate you "
                                "would pay hired labour; leave it out and the cost looks falsely "
                                "low.</li><li><strong>Overheads:</strong> electricity, irrigation "
                                "water, land rent, "
                                "interest.</li><li><strong>Depreciation:</strong> the part of "
                                "machines and tools worn out during the year. For example a "
                                "10,000,000 VND pump that lasts 5 years costs 2,000,000 VND a "
                                "year.</li></ul>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Costs for one season on 1 ha of lychee (example)",
                                "header": ["Item", "Amount (VND)", "Note"],
                                "rows": [
                                    ["Organic and mineral fertiliser", "18,000,000", ""],
                                    ["Pesticides", "9,000,000", "Approved products only"],
                                    ["Crop care labour", "24,000,000", "80 days × 300,000"],
                                    ["Picking labour", "6,000,000", "20 days × 300,000"],
                                    ["Electricity, irrigation", "3,000,000", ""],
                                    [
                                        "Depreciation of pump, sprayer",
                                        "2,000,000",
                                        "10 million ÷ 5 years",
                                    ],
                                    ["Land rent, other costs", "4,000,000", ""],
                                    ["Total cost", "66,000,000", ""],
                                    ["Harvest", "6,000 kg", ""],
                                    ["Cost per kg", "11,000", "66,000,000 ÷ 6,000"],
                                ],
                            },
                        ),
                        ("heading", "From cost to selling price"),
                        (
                            "table",
                            {
                                "caption": (
                                    "Minimum price when the cooperative packs and delivers (VND/kg)"
                                ),
                                "header": ["Item", "VND/kg"],
                                "rows": [
                                    ["Cost at the orchard", "11,000"],
                                    ["Packing (boxes, ice, labour)", "2,500"],
                                    ["Transport to the delivery point", "1,500"],
                                    ["Allowance for loss and spoilage", "1,000"],
                                    ["Cost delivered to the buyer", "16,000"],
                                    ["Target margin 15%", "2,400"],
                                    ["Suggested minimum price", "18,400"],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>A trader offers 14,000 VND/kg at the orchard. Against a "
                                    "cost of 11,000 VND/kg, the cooperative makes 14,000 − 11,000 "
                                    "= 3,000 VND/kg. Packing and delivering itself adds 2,500 + "
                                    "1,500 + 1,000 = 5,000 VND/kg, so a delivered price must be "
                                    "<strong>above 19,000 VND/kg</strong> to beat selling at the "
                                    "orchard. Knowing your cost lets you compare options instead "
                                    "of guessing.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Cost per kg changes with the harvest. In a poor year with "
                                    "only 4,000 kg from the same hectare, the cost is 66,000,000 ÷ "
                                    "4,000 = 16,500 VND/kg. Recalculate the cost every season; do "
                                    "not keep using last year's figure.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "bao-cao-thang-cho-thanh-vien",
                "minutes": 25,
                "title": {
                    "vi": "Báo cáo tháng đơn giản gửi thành viên",
                    "en": "A simple monthly report to members",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Báo cáo tháng giúp thành viên biết tiền của họ đang được dùng "
                                "thế nào. Báo cáo tốt chỉ cần một trang, đọc trong năm phút, và "
                                "mọi con số đều lấy từ sổ quỹ, sổ ngân hàng đã đối chiếu.</p>"
                            ),
                        ),
                        ("heading", "Báo cáo gồm những gì"),
                        (
                            "paragraph",
                            (
                                "<ol><li>Tổng thu trong tháng, chia theo nguồn.</li><li>Tổng chi "
                                "trong tháng, chia theo khoản.</li><li>Chênh lệch thu "
                                "chi.</li><li>Tiền mặt và tiền gửi ngân hàng cuối tháng, khớp với "
                                "sổ.</li><li>Công nợ: ai còn nợ hợp tác xã, hợp tác xã còn nợ "
                                "ai.</li><li>Việc quan trọng tháng tới.</li></ol>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Báo cáo thu chi tháng 6 gửi thành viên (đơn vị: đồng)",
                                "header": ["Chỉ tiêu", "Số tiền"],
                                "rows": [
                                    ["Tiền mặt và tiền gửi đầu tháng", "57.500.000"],
                                    [
                                        "Thu bán vải (8.800.000 + 2.400.000 + 40.000.000)",
                                        "51.200.000",
                                    ],
                                    ["Thu phí dịch vụ sơ chế", "3.600.000"],
                                    ["Tổng thu", "54.800.000"],
                                    ["Chi mua thùng xốp", "2.400.000"],
                                    ["Chi công thu hái", "1.800.000"],
                                    ["Chi phân bón", "28.000.000"],
                                    ["Phí ngân hàng", "22.000"],
                                    ["Tổng chi", "32.222.000"],
                                    ["Chênh lệch thu chi trong tháng", "22.578.000"],
                                    ["Tiền mặt cuối tháng", "8.100.000"],
                                    ["Tiền gửi ngân hàng cuối tháng", "71.978.000"],
                                    ["Tổng tiền cuối tháng", "80.078.000"],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Hãy tự kiểm tra trước khi gửi: tiền đầu tháng 57.500.000 + "
                                "chênh lệch 22.578.000 = 80.078.000 đồng, đúng bằng tiền mặt "
                                "8.100.000 cộng tiền gửi 71.978.000. Khoản 15.000.000 đồng nộp "
                                "tiền mặt vào ngân hàng không xuất hiện trong thu, chi vì đó chỉ "
                                "là chuyển tiền nội bộ. Nếu các con số không khớp, phải tìm ra "
                                "nguyên nhân rồi mới gửi báo cáo.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p><strong>Phần công nợ:</strong> “Một thương lái còn nợ "
                                    "6.000.000 đồng tiền hàng giao ngày 25/6, hẹn trả trước ngày "
                                    "10/7.” Khoản này chưa cộng vào tổng thu vì hợp tác xã chưa "
                                    "nhận được tiền, nhưng phải báo để thành viên biết và để theo "
                                    "dõi thu hồi.</p>"
                                ),
                            },
                        ),
                        ("heading", "Trình bày sao cho thành viên hiểu"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Dùng lời thường, tránh thuật ngữ; làm tròn đến nghìn đồng "
                                "nếu cần.</li><li>So sánh với tháng trước hoặc với kế "
                                "hoạch.</li><li>Giải thích ngắn những khoản bất thường, ví dụ "
                                "khoản phân bón 28 triệu đồng là tiền mua cho cả vụ.</li><li>Dán ở "
                                "bảng tin, gửi vào nhóm Zalo, đọc trong buổi họp; ban kiểm soát ký "
                                "xác nhận.</li><li>Sẵn sàng cho thành viên xem sổ và chứng từ khi "
                                "có yêu cầu.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Báo cáo tháng là báo cáo thu chi theo tiền, dùng để minh "
                                    "bạch với thành viên. Nó không thay thế báo cáo tài chính năm "
                                    "theo chế độ kế toán và hồ sơ quyết toán thuế; những báo cáo "
                                    "đó vẫn phải được lập đúng hạn.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>A monthly report lets members see how their money is being "
                                "used. A good report fits on one page, takes five minutes to read, "
                                "and every figure comes from the reconciled cash and bank "
                                "books.</p>"
                            ),
                        ),
                        ("heading", "What goes in the report"),
                        (
                            "paragraph",
                            (
                                "<ol><li>Total receipts for the month, by source.</li><li>Total "
                                "payments for the month, by item.</li><li>The difference between "
                                "receipts and payments.</li><li>Cash and bank balances at month "
                                "end, matching the books.</li><li>Debts: who owes the cooperative, "
                                "and whom the cooperative owes.</li><li>Important matters for next "
                                "month.</li></ol>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "June receipts and payments report to members (VND)",
                                "header": ["Item", "Amount"],
                                "rows": [
                                    ["Cash and bank at start of month", "57,500,000"],
                                    [
                                        "Lychee sales (8,800,000 + 2,400,000 + 40,000,000)",
                                        "51,200,000",
                                    ],
                                    ["Packing-service fees", "3,600,000"],
                                    ["Total receipts", "54,800,000"],
                                    ["Foam boxes", "2,400,000"],
                                    ["Picking wages", "1,800,000"],
                                    ["Fertiliser", "28,000,000"],
                                    ["Bank charges", "22,000"],
                                    ["Total payments", "32,222,000"],
                                    ["Receipts less payments", "22,578,000"],
                                    ["Cash at end of month", "8,100,000"],
                                    ["Bank balance at end of month", "71,978,000"],
                                    ["Total money at end of month", "80,078,000"],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Check it before sending: money at the start 57,500,000 + the "
                                "difference 22,578,000 = 80,078,000 VND, exactly the cash of "
                                "8,100,000 plus the bank balance of 71,978,000. The 15,000,000 VND "
                                "of cash paid into the bank is not in receipts or payments because "
                                "it is only an internal transfer. If the figures do not agree, "
                                "find out why before you send the report.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p><strong>Debts section:</strong> “A trader still owes "
                                    "6,000,000 VND for goods delivered on 25 June and has promised "
                                    "to pay by 10 July.” This is not in total receipts because the "
                                    "cooperative has not received the money yet, but it must be "
                                    "reported so members know and someone follows it up.</p>"
                                ),
                            },
                        ),
                        ("heading", "Making it easy for members to understand"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Use everyday words, avoid jargon; round to the nearest "
                                "thousand if needed.</li><li>Compare with last month or with the "
                                "plan.</li><li>Briefly explain anything unusual, for example that "
                                "the 28 million VND of fertiliser was bought for the whole "
                                "season.</li><li>Post it on the notice board, share it in the Zalo "
                                "group, read it at a meeting; have the supervisors sign "
                                "it.</li><li>Be ready to show members the books and vouchers when "
                                "they ask.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>The monthly report is a cash report for transparency with "
                                    "members. It does not replace the annual financial statements "
                                    "required by the accounting regime or the tax return; those "
                                    "must still be prepared on time.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
        ],
        "quiz": {
            "slug": "kiem-tra-ke-toan-co-ban",
            "title": {
                "vi": "Bài kiểm tra: Kế toán cơ bản cho hợp tác xã",
                "en": "Quiz: Basic bookkeeping for a cooperative",
            },
            "intro": {
                "vi": (
                    "Bảy câu hỏi, có câu cần tính toán. Hãy chuẩn bị giấy bút hoặc máy tính. Cần "
                    "đạt 70% để hoàn thành khóa học."
                ),
                "en": (
                    "Seven questions, some with calculations. Have a pen and paper or a calculator "
                    "ready. You need 70% to complete the course."
                ),
            },
            "pass_mark": 70,
            "attempt_limit": 3,
            "shuffle": True,
            "questions": [
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Quỹ tiền mặt đầu tháng có 5.000.000 đồng; trong tháng thu 12.000.000 "
                            "đồng và chi 9.500.000 đồng. Tồn quỹ cuối tháng là bao nhiêu?"
                        ),
                        "en": (
                            "The cash book opens the month at 5,000,000 VND; during the month "
                            "receipts are 12,000,000 VND and payments 9,500,000 VND. What is the "
                            "closing balance?"
                        ),
                    },
                    "options": [
                        {
                            "text": {"vi": "7.500.000 đồng", "en": "7,500,000 VND"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. 5.000.000 + 12.000.000 − 9.500.000 = 7.500.000.",
                                "en": "Correct. 5,000,000 + 12,000,000 − 9,500,000 = 7,500,000.",
                            },
                        },
                        {
                            "text": {"vi": "2.500.000 đồng", "en": "2,500,000 VND"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Bạn đã quên cộng tồn quỹ đầu tháng.",
                                "en": "Not right. You forgot to add the opening balance.",
                            },
                        },
                        {
                            "text": {"vi": "26.500.000 đồng", "en": "26,500,000 VND"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Khoản chi phải trừ đi, không cộng vào.",
                                "en": "Not right. Payments are subtracted, not added.",
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": (
                            "Để tiết kiệm, thủ quỹ giữ tiền mặt có thể kiêm luôn việc ghi sổ kế "
                            "toán."
                        ),
                        "en": (
                            "To save money, the cashier who holds the cash can also keep the "
                            "accounting books."
                        ),
                    },
                    "answer": False,
                    "feedback": {
                        "vi": (
                            "Sai. Người giữ tiền và người ghi sổ phải là hai người khác nhau để "
                            "kiểm tra chéo; pháp luật kế toán cũng hạn chế việc kiêm nhiệm này."
                        ),
                        "en": (
                            "False. The person holding cash and the person keeping the books must "
                            "be different so they check each other; accounting law also restricts "
                            "combining these roles."
                        ),
                    },
                },
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Một phiếu chi hợp lệ cần có những gì?",
                        "en": "What does a valid payment voucher need?",
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Số phiếu đánh liên tục và ngày lập",
                                "en": "A running number and a date",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Số liên tục giúp phát hiện phiếu bị thiếu.",
                                "en": "Correct. Running numbers reveal missing vouchers.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Số tiền bằng số và bằng chữ",
                                "en": "The amount in figures and in words",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Ghi bằng chữ giúp tránh sửa số.",
                                "en": "Correct. Writing it in words prevents altered figures.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Chữ ký người nhận tiền và người duyệt chi",
                                "en": "Signatures of the recipient and the approver",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Chữ ký cho biết ai nhận và ai chịu trách nhiệm duyệt.",
                                "en": "Correct. Signatures show who received and who approved.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Chỉ cần tin nhắn Zalo của giám đốc",
                                "en": "Just a Zalo message from the director",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Không. Tin nhắn không thay được phiếu chi có đủ chữ ký và "
                                    "chứng từ gốc."
                                ),
                                "en": (
                                    "No. A message cannot replace a signed voucher with source "
                                    "documents."
                                ),
                            },
                        },
                    ],
                },
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Một vụ chè tốn tổng chi phí 48.000.000 đồng và thu được 4.000 kg chè "
                            "búp tươi. Giá thành mỗi kg là bao nhiêu?"
                        ),
                        "en": (
                            "A tea season costs 48,000,000 VND in total and yields 4,000 kg of "
                            "fresh shoots. What is the cost per kg?"
                        ),
                    },
                    "options": [
                        {
                            "text": {"vi": "12.000 đồng", "en": "12,000 VND"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. 48.000.000 ÷ 4.000 = 12.000 đồng/kg.",
                                "en": "Correct. 48,000,000 ÷ 4,000 = 12,000 VND/kg.",
                            },
                        },
                        {
                            "text": {"vi": "1.200 đồng", "en": "1,200 VND"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Kiểm tra lại số chữ số 0 khi chia.",
                                "en": "Not right. Check the zeros when dividing.",
                            },
                        },
                        {
                            "text": {"vi": "120.000 đồng", "en": "120,000 VND"},
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Kết quả này lớn gấp 10 lần; kiểm tra lại phép chia."
                                ),
                                "en": "Not right. This is ten times too large; check the division.",
                            },
                        },
                    ],
                },
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Khoản nào phải tính vào giá thành vải thiều?",
                        "en": "Which items belong in the cost of producing lychee?",
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Phân bón và thuốc bảo vệ thực vật",
                                "en": "Fertiliser and pesticides",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Đây là chi phí vật tư trực tiếp.",
                                "en": "Correct. These are direct inputs.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Công lao động của chính gia đình, tính theo giá thuê ngoài",
                                "en": "The family's own labour, valued at the hired rate",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Bỏ qua công gia đình làm giá thành thấp giả tạo.",
                                "en": (
                                    "Correct. Leaving out family labour makes the cost look "
                                    "falsely low."
                                ),
                            },
                        },
                        {
                            "text": {"vi": "Khấu hao máy bơm", "en": "Depreciation of the pump"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Máy bơm hao mòn mỗi năm, phần hao mòn là chi phí.",
                                "en": "Correct. The pump wears out each year; that wear is a cost.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Tiền người quản lý mua xe máy cho gia đình",
                                "en": "A motorbike the manager bought for the family",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Không. Đây là chi tiêu cá nhân, không liên quan đến sản xuất."
                                ),
                                "en": "No. That is private spending, unrelated to production.",
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": (
                            "Khi hợp tác xã nộp 15.000.000 đồng tiền mặt vào tài khoản ngân hàng "
                            "của chính hợp tác xã, đó là một khoản thu nhập."
                        ),
                        "en": (
                            "When the cooperative pays 15,000,000 VND of cash into its own bank "
                            "account, that is income."
                        ),
                    },
                    "answer": False,
                    "feedback": {
                        "vi": (
                            "Sai. Đây là chuyển tiền nội bộ: tiền mặt giảm, tiền gửi tăng, tổng "
                            "tiền không đổi."
                        ),
                        "en": (
                            "False. It is an internal transfer: cash goes down, the bank balance "
                            "goes up, and the total is unchanged."
                        ),
                    },
                },
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Thương lái còn nợ hợp tác xã 6.000.000 đồng tiền hàng. Trong báo cáo "
                            "thu chi tháng, khoản này nên ghi thế nào?"
                        ),
                        "en": (
                            "A trader still owes the cooperative 6,000,000 VND for goods. How "
                            "should this appear in the monthly cash report?"
                        ),
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Ghi ở phần công nợ phải thu, không cộng vào tổng thu",
                                "en": "In the debts section, not in total receipts",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": (
                                    "Đúng. Tiền chưa về thì chưa phải là khoản thu, nhưng phải "
                                    "theo dõi."
                                ),
                                "en": (
                                    "Correct. Money not yet received is not a receipt, but it must "
                                    "be tracked."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Cộng vào tổng thu của tháng",
                                "en": "Add it to the month's receipts",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Như vậy tiền cuối tháng trên báo cáo sẽ không khớp "
                                    "với sổ quỹ."
                                ),
                                "en": (
                                    "Not right. The month-end money would then not match the books."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Không cần ghi vì thương lái sẽ trả",
                                "en": "Leave it out; the trader will pay",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Khoản nợ phải được báo cáo để thành viên biết và "
                                    "theo dõi thu hồi."
                                ),
                                "en": (
                                    "Not right. Debts must be reported so members know and someone "
                                    "follows up."
                                ),
                            },
                        },
                    ],
                },
            ],
        },
    },
    {
        "slug": "ban-san-pham-ocop-truc-tuyen",
        "category": "digital-marketing",
        "level": "beginner",
        "hours": 3,
        "title": {"vi": "Bán sản phẩm OCOP trên mạng", "en": "Selling OCOP products online"},
        "summary": {
            "vi": (
                "Đưa sản phẩm OCOP của hợp tác xã lên mạng từng bước: hiểu giá trị của sao OCOP "
                "với người mua, chụp ảnh bằng điện thoại, viết trang sản phẩm đầy đủ, bán qua mạng "
                "xã hội, sàn thương mại điện tử và chăm sóc khách hàng."
            ),
            "en": (
                "Take your cooperative's OCOP products online step by step: what OCOP stars mean "
                "to buyers, phone photography, a complete product page, selling on social media "
                "and marketplaces, and looking after customers."
            ),
        },
        "outcomes": {
            "vi": [
                "Giải thích ý nghĩa của hạng sao OCOP và dùng đúng trong quảng bá.",
                "Chụp bộ ảnh sản phẩm rõ, thật, hấp dẫn bằng điện thoại.",
                "Viết trang sản phẩm có đủ thông tin người mua cần.",
                "Chọn kênh bán phù hợp và lập kế hoạch đăng bài đơn giản.",
                "Trả lời khách hàng và xử lý đánh giá xấu một cách chuyên nghiệp.",
            ],
            "en": [
                "Explain what OCOP star ratings mean and use them correctly in promotion.",
                "Take a clear, honest and appealing set of product photos with a phone.",
                "Write a product page with all the information buyers need.",
                "Choose suitable sales channels and make a simple posting plan.",
                "Answer customers and handle bad reviews professionally.",
            ],
        },
        "lessons": [
            {
                "slug": "ocop-co-y-nghia-gi-voi-nguoi-mua",
                "minutes": 20,
                "title": {
                    "vi": "Sao OCOP có ý nghĩa gì với người mua",
                    "en": "What OCOP stars mean to buyers",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Người mua trên mạng không cầm được sản phẩm, không nếm được "
                                "chè, không ngửi được xoài. Họ quyết định dựa trên những "
                                "<strong>dấu hiệu đáng tin</strong>: ảnh thật, thông tin rõ ràng, "
                                "đánh giá của người mua trước và các chứng nhận. Hạng sao OCOP "
                                "(Chương trình Mỗi xã một sản phẩm) là một trong những dấu hiệu mà "
                                "người tiêu dùng Việt Nam ngày càng quen thuộc.</p>"
                            ),
                        ),
                        ("heading", "Sản phẩm được chấm điểm thế nào"),
                        (
                            "paragraph",
                            (
                                "<p>Theo Bộ tiêu chí OCOP ban hành kèm Quyết định 148/QĐ-TTg năm "
                                "2023, mỗi sản phẩm được chấm tối đa <strong>100 điểm</strong>, "
                                "gồm ba phần:</p><ul><li><strong>Phần A – Sản phẩm và sức mạnh "
                                "cộng đồng:</strong> cách tổ chức sản xuất, phát triển sản phẩm, "
                                "sự tham gia của cộng đồng.</li><li><strong>Phần B – Khả năng tiếp "
                                "thị:</strong> kênh bán hàng, quảng bá, câu chuyện sản "
                                "phẩm.</li><li><strong>Phần C – Chất lượng sản phẩm:</strong> cảm "
                                "quan, dinh dưỡng, tính độc đáo, tiêu chuẩn sản phẩm, khả năng "
                                "xuất khẩu.</li></ul><p>Bộ tiêu chí có thể được sửa đổi; hãy hỏi "
                                "cơ quan phụ trách OCOP của tỉnh về phiên bản đang áp dụng.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Các hạng sao OCOP",
                                "header": ["Hạng", "Điểm", "Ý nghĩa"],
                                "rows": [
                                    ["1 sao", "Dưới 30", "Mới tham gia, chưa được công nhận"],
                                    ["2 sao", "30–49", "Chưa đạt, cần hoàn thiện thêm"],
                                    ["3 sao", "50–69", "Đạt chuẩn, được công nhận"],
                                    [
                                        "4 sao",
                                        "70–89",
                                        "Đạt chuẩn cao, được công nhận, có thể phấn đấu lên 5 sao",
                                    ],
                                    [
                                        "5 sao",
                                        "90–100",
                                        (
                                            "Sản phẩm cấp quốc gia, do hội đồng cấp trung ương "
                                            "đánh giá"
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Với người mua, sản phẩm từ <strong>3 sao trở lên</strong> cho "
                                "thấy chất lượng đã được hội đồng đánh giá, có nguồn gốc rõ và chủ "
                                "thể sản xuất chịu trách nhiệm. Sản phẩm 4–5 sao dễ vào siêu thị, "
                                "cửa hàng đặc sản và làm quà biếu. Nhưng sao OCOP không tự bán "
                                "hàng: người mua trên mạng vẫn so ảnh, giá, phí giao hàng và đánh "
                                "giá.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Chỉ ghi hạng sao và dùng biểu trưng OCOP cho <strong>đúng "
                                    "sản phẩm</strong>, đúng hạng đã được công nhận và khi giấy "
                                    "chứng nhận còn hiệu lực. Ghi sao cho sản phẩm chưa được công "
                                    "nhận, hoặc ghi cao hơn hạng thật, là thông tin sai lệch và có "
                                    "thể bị xử phạt. Khi thay đổi bao bì hay công thức, hãy hỏi cơ "
                                    "quan phụ trách OCOP.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Giả sử chè xanh của một hợp tác xã ở Mộc Châu được công "
                                    "nhận OCOP 4 sao. Trên trang bán hàng, hợp tác xã ghi: “Sản "
                                    "phẩm OCOP 4 sao, công nhận năm 2024”, kèm ảnh giấy chứng nhận "
                                    "và ảnh đồi chè. Các sản phẩm khác chưa được đánh giá của hợp "
                                    "tác xã thì không gắn sao.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Lưu ý: phần B (khả năng tiếp thị) cũng được chấm điểm. Xây "
                                "dựng kênh bán trực tuyến, câu chuyện sản phẩm và phản hồi của "
                                "khách hàng, như các bài sau hướng dẫn, vừa giúp bán hàng vừa giúp "
                                "khi sản phẩm được đánh giá lại.</p>"
                            ),
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Online buyers cannot hold the product, taste the tea or smell "
                                "the mango. They decide on <strong>signals of trust</strong>: real "
                                "photos, clear information, reviews from earlier buyers and "
                                "certifications. The OCOP star rating (the One Commune One Product "
                                "programme) is one of the signals Vietnamese consumers "
                                "increasingly recognise.</p>"
                            ),
                        ),
                        ("heading", "How products are scored"),
                        (
                            "paragraph",
                            (
                                "<p>Under the OCOP criteria issued with Decision 148/QĐ-TTg of "
                                "2023, each product is scored out of <strong>100 points</strong> "
                                "in three parts:</p><ul><li><strong>Part A – Product and community "
                                "strength:</strong> how production is organised, product "
                                "development, community involvement.</li><li><strong>Part B – "
                                "Marketing capability:</strong> sales channels, promotion, the "
                                "product's story.</li><li><strong>Part C – Product "
                                "quality:</strong> sensory qualities, nutrition, distinctiveness, "
                                "product standards, export potential.</li></ul><p>The criteria can "
                                "be revised; ask your province's OCOP office which version "
                                "applies.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "OCOP star ratings",
                                "header": ["Rating", "Score", "Meaning"],
                                "rows": [
                                    ["1 star", "Below 30", "Starting out, not certified"],
                                    ["2 stars", "30–49", "Not yet up to standard, needs work"],
                                    ["3 stars", "50–69", "Meets the standard, certified"],
                                    [
                                        "4 stars",
                                        "70–89",
                                        "High standard, certified, may aim for 5 stars",
                                    ],
                                    [
                                        "5 stars",
                                        "90–100",
                                        "National-level product, assessed by the central council",
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>To a buyer, a product with <strong>3 stars or more</strong> "
                                "shows that its quality has been assessed by a council, its origin "
                                "is clear and a named producer stands behind it. 4- and 5-star "
                                "products get into supermarkets and specialty shops more easily "
                                "and sell well as gifts. But stars do not sell by themselves: "
                                "online buyers still compare photos, prices, delivery fees and "
                                "reviews.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Show star ratings and the OCOP logo only for <strong>the "
                                    "exact product</strong>, at the rating it was awarded, while "
                                    "the certificate is valid. Claiming stars for an uncertified "
                                    "product, or more stars than awarded, is misleading and can be "
                                    "penalised. If you change the packaging or recipe, check with "
                                    "the OCOP office.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Suppose a Mộc Châu cooperative's green tea is certified "
                                    "OCOP 4 stars. On its product page the cooperative writes: "
                                    "“OCOP 4-star product, certified in 2024”, with a photo of the "
                                    "certificate and of the tea hills. Its other, unassessed "
                                    "products carry no stars.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Note that Part B (marketing capability) is scored too. "
                                "Building online sales channels, a product story and customer "
                                "feedback, as the next lessons show, helps you sell and also helps "
                                "when the product is reassessed.</p>"
                            ),
                        ),
                    ],
                },
            },
            {
                "slug": "chup-anh-san-pham-bang-dien-thoai",
                "minutes": 20,
                "title": {
                    "vi": "Chụp ảnh sản phẩm bằng điện thoại",
                    "en": "Product photos with a phone",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Trên mạng, ảnh là “lần nếm thử đầu tiên”. Không cần máy ảnh "
                                "đắt tiền: một chiếc điện thoại thông thường, ánh sáng tự nhiên và "
                                "chút chuẩn bị là đủ để có ảnh rõ, thật và hấp dẫn.</p>"
                            ),
                        ),
                        ("heading", "Chuẩn bị"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Lau sạch ống kính điện thoại bằng khăn mềm.</li><li>Chụp "
                                "gần cửa sổ hoặc ngoài hiên có bóng râm; tránh nắng gắt buổi trưa "
                                "và đèn vàng.</li><li>Dùng nền đơn giản: tờ giấy trắng lớn, mặt "
                                "bàn gỗ, tấm lá chuối.</li><li>Chọn sản phẩm đẹp nhưng đúng với "
                                "hàng khách sẽ nhận.</li></ul>"
                            ),
                        ),
                        ("heading", "Bộ ảnh tối thiểu cho mỗi sản phẩm"),
                        (
                            "table",
                            {
                                "caption": "Sáu ảnh nên có",
                                "header": ["Ảnh", "Nội dung", "Mục đích"],
                                "rows": [
                                    [
                                        "1. Ảnh chính",
                                        "Sản phẩm chính diện trên nền trơn",
                                        "Nhận ra ngay trong danh sách",
                                    ],
                                    [
                                        "2. Nhãn cận cảnh",
                                        "Tên, khối lượng, hạn dùng, biểu trưng OCOP",
                                        "Chứng minh thông tin",
                                    ],
                                    [
                                        "3. Bên trong",
                                        "Xoài bổ đôi, chè khô và nước chè đã pha",
                                        "Cho thấy chất lượng thật",
                                    ],
                                    [
                                        "4. Kích thước",
                                        "Sản phẩm cầm trên tay hoặc đặt trên cân",
                                        "Tránh hiểu lầm về kích cỡ",
                                    ],
                                    [
                                        "5. Nơi sản xuất",
                                        "Vườn xoài, đồi chè, người trồng",
                                        "Kể câu chuyện, tạo tin tưởng",
                                    ],
                                    [
                                        "6. Đóng gói giao hàng",
                                        "Thùng, vật liệu chèn lót",
                                        "Người mua yên tâm hàng không dập",
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li>Tiến lại gần thay vì phóng to bằng ngón tay, vì phóng to "
                                "làm ảnh mờ.</li><li>Chạm vào sản phẩm trên màn hình để lấy nét; "
                                "giữ máy chắc hoặc tựa vào vật cứng.</li><li>Thử nhiều góc: ngang "
                                "tầm sản phẩm, chéo từ trên xuống, và thẳng từ trên xuống cho ảnh "
                                "bày biện.</li><li>Chụp ảnh vuông cho sàn thương mại điện tử; "
                                "chỉnh sáng nhẹ nhưng không dùng bộ lọc làm sai màu.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Một hợp tác xã xoài ở Đồng Tháp chụp: một quả xoài trên lá "
                                    "chuối ở hiên nhà lúc 8 giờ sáng; một quả bổ đôi thấy thịt "
                                    "vàng; một quả đặt trên cân để thấy trọng lượng; thùng 5 kg đã "
                                    "chèn giấy; và ảnh thành viên đang bao trái trong vườn. Bộ ảnh "
                                    "này trả lời hầu hết câu hỏi của khách trước khi họ nhắn "
                                    "tin.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Không lấy ảnh của người khác trên mạng và không chỉnh ảnh "
                                    "đẹp hơn hàng thật. Khách nhận hàng khác ảnh sẽ thất vọng, trả "
                                    "hàng và để lại đánh giá xấu; dùng ảnh của người khác còn có "
                                    "thể vi phạm quyền tác giả.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Online, the photo is the “first taste”. You do not need an "
                                "expensive camera: an ordinary phone, daylight and a little "
                                "preparation are enough for clear, honest, appealing pictures.</p>"
                            ),
                        ),
                        ("heading", "Getting ready"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Wipe the phone's lens with a soft cloth.</li><li>Shoot "
                                "near a window or on a shaded veranda; avoid harsh midday sun and "
                                "yellow indoor lights.</li><li>Use a plain background: a large "
                                "sheet of white paper, a wooden table, a banana leaf.</li><li>Pick "
                                "good-looking items, but the same as what customers will "
                                "receive.</li></ul>"
                            ),
                        ),
                        ("heading", "The minimum photo set for each product"),
                        (
                            "table",
                            {
                                "caption": "Six photos to have",
                                "header": ["Photo", "What it shows", "Why"],
                                "rows": [
                                    [
                                        "1. Main photo",
                                        "The product, front on, plain background",
                                        "Easy to spot in a list",
                                    ],
                                    [
                                        "2. Label close-up",
                                        "Name, weight, expiry date, OCOP logo",
                                        "Proves the information",
                                    ],
                                    [
                                        "3. Inside",
                                        "A mango cut open, dry tea and brewed tea",
                                        "Shows real quality",
                                    ],
                                    [
                                        "4. Size",
                                        "Held in a hand or on a scale",
                                        "Avoids misunderstandings about size",
                                    ],
                                    [
                                        "5. Where it is made",
                                        "The orchard, tea hills, the growers",
                                        "Tells the story, builds trust",
                                    ],
                                    [
                                        "6. Shipping pack",
                                        "The box and padding",
                                        "Reassures that goods arrive intact",
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li>Move closer instead of pinch-zooming, which makes photos "
                                "blurry.</li><li>Tap the product on the screen to focus; hold the "
                                "phone steady or rest it on something firm.</li><li>Try several "
                                "angles: level with the product, diagonally from above, and "
                                "straight down for flat-lay shots.</li><li>Use square photos for "
                                "marketplaces; brighten a little but never use filters that change "
                                "the colours.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>A mango cooperative in Đồng Tháp shoots: one mango on a "
                                    "banana leaf on the veranda at 8 a.m.; one cut in half to show "
                                    "the yellow flesh; one on a scale to show its weight; a 5 kg "
                                    "box packed with paper; and a member bagging fruit in the "
                                    "orchard. These photos answer most customer questions before "
                                    "anyone sends a message.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Never take other people's photos from the internet or edit "
                                    "photos to look better than the real goods. Customers who "
                                    "receive something unlike the photo will be disappointed, "
                                    "return it and leave a bad review; using others' photos can "
                                    "also infringe copyright.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "viet-trang-san-pham",
                "minutes": 25,
                "title": {
                    "vi": "Viết trang sản phẩm đầy đủ",
                    "en": "Writing a complete product page",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Trang sản phẩm tốt trả lời câu hỏi của khách <strong>trước khi "
                                "họ hỏi</strong>. Mỗi câu hỏi khách phải nhắn tin là một cơ hội họ "
                                "bỏ đi mua chỗ khác.</p>"
                            ),
                        ),
                        ("heading", "Sáu phần của một trang sản phẩm"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Tên sản phẩm:</strong> loại, đặc điểm, nơi sản "
                                "xuất, quy cách. Ví dụ: “Long nhãn Hưng Yên sấy khô, túi 500 "
                                "g”.</li><li><strong>Nguồn gốc:</strong> tên hợp tác xã, xã, tỉnh; "
                                "vùng trồng; mùa vụ.</li><li><strong>Chứng nhận:</strong> hạng sao "
                                "OCOP và năm công nhận, VietGAP, hồ sơ tự công bố sản phẩm… Chỉ "
                                "ghi những gì thực sự có và còn hiệu lực.</li><li><strong>Câu "
                                "chuyện:</strong> ba đến năm câu về người trồng, vùng đất, cách "
                                "làm ra sản phẩm.</li><li><strong>Giá và quy cách:</strong> giá rõ "
                                "ràng, khối lượng, phí giao hàng, ưu đãi nếu "
                                "có.</li><li><strong>Cách đặt hàng và giao nhận:</strong> kênh "
                                "đặt, thời gian giao, cách bảo quản, chính sách đổi trả.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p><strong>Long nhãn Hưng Yên sấy khô – túi 500 g.</strong> "
                                    "Làm từ nhãn lồng của các hộ thành viên hợp tác xã, thu hái "
                                    "vào mùa hè, bóc vỏ, tách hạt bằng tay rồi sấy khô. Cùi dày, "
                                    "màu nâu cánh gián, vị ngọt tự nhiên, không thêm đường. Sản "
                                    "phẩm OCOP 3 sao (ghi đúng năm công nhận). Hạn dùng in trên "
                                    "bao bì; bảo quản nơi khô mát, đóng kín túi sau khi mở. Đặt "
                                    "qua tin nhắn trang hoặc gian hàng trên sàn; giao toàn quốc "
                                    "trong 2–4 ngày; đổi hàng nếu túi bị rách hoặc sản phẩm ẩm mốc "
                                    "khi nhận.</p>"
                                ),
                            },
                        ),
                        ("heading", "Viết sao cho người mua tin"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Thay lời khen chung chung (“ngon nhất”, “số một”) bằng sự "
                                "thật cụ thể: giống, vùng trồng, mùa vụ, cách chế biến, hạn "
                                "dùng.</li><li>Thông tin trên trang phải khớp với nhãn sản phẩm và "
                                "hồ sơ công bố.</li><li>Viết câu ngắn, chia đoạn, để người đọc "
                                "trên điện thoại dễ theo dõi.</li><li>Cập nhật ngay khi giá, quy "
                                "cách hay tình trạng còn hàng thay đổi.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Không quảng cáo thực phẩm như thuốc: không viết sản phẩm "
                                    "“chữa” tiểu đường, huyết áp hay bất kỳ bệnh nào. Pháp luật "
                                    "cấm quảng cáo thực phẩm gây hiểu nhầm là có tác dụng chữa "
                                    "bệnh, và các sàn sẽ gỡ những trang như vậy.</p>"
                                ),
                            },
                        ),
                        (
                            "table",
                            {
                                "caption": "Bảng kiểm trước khi đăng",
                                "header": ["Mục", "Ví dụ đạt yêu cầu"],
                                "rows": [
                                    ["Tên có quy cách", "Chè xanh Mộc Châu, hộp 200 g"],
                                    ["Giá rõ ràng", "Giá một hộp, ghi rõ đã hay chưa gồm phí giao"],
                                    [
                                        "Hạn dùng, bảo quản",
                                        "Theo đúng nhãn; nơi khô mát, tránh ánh nắng",
                                    ],
                                    [
                                        "Chứng nhận",
                                        "OCOP 4 sao, năm công nhận, ảnh giấy chứng nhận",
                                    ],
                                    [
                                        "Giao nhận, đổi trả",
                                        "Thời gian giao, cho kiểm hàng, điều kiện đổi",
                                    ],
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>A good product page answers customers' questions "
                                "<strong>before they ask</strong>. Every question a customer has "
                                "to message about is a chance for them to go and buy elsewhere.</p>"
                            ),
                        ),
                        ("heading", "The six parts of a product page"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Product name:</strong> type, feature, origin, "
                                "pack size. For example: “Hưng Yên dried longan flesh, 500 g "
                                "bag”.</li><li><strong>Origin:</strong> the cooperative's name, "
                                "commune and province; growing area; "
                                "season.</li><li><strong>Certifications:</strong> OCOP rating and "
                                "year, VietGAP, the product self-declaration file… List only what "
                                "you really have and is still "
                                "valid.</li><li><strong>Story:</strong> three to five sentences "
                                "about the growers, the land and how the product is "
                                "made.</li><li><strong>Price and pack:</strong> a clear price, "
                                "weight, delivery fee, any offer.</li><li><strong>Ordering and "
                                "delivery:</strong> how to order, delivery time, storage, returns "
                                "policy.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p><strong>Hưng Yên dried longan flesh – 500 g bag.</strong> "
                                    "Made from longan grown by the cooperative's member "
                                    "households, picked in summer, peeled and stoned by hand, then "
                                    "dried. Thick, amber-brown flesh, naturally sweet, no added "
                                    "sugar. OCOP 3-star product (state the actual year certified). "
                                    "Use-by date printed on the pack; keep somewhere cool and dry "
                                    "and reseal after opening. Order by page message or from our "
                                    "marketplace shop; delivery nationwide in 2–4 days; "
                                    "replacement if the bag is torn or the product damp or mouldy "
                                    "on arrival.</p>"
                                ),
                            },
                        ),
                        ("heading", "Writing so buyers trust you"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Replace vague praise (“the best”, “number one”) with "
                                "concrete facts: variety, growing area, season, processing, shelf "
                                "life.</li><li>What the page says must match the product label and "
                                "the declaration file.</li><li>Write short sentences and "
                                "paragraphs that are easy to follow on a phone.</li><li>Update the "
                                "page as soon as price, pack size or stock changes.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Do not advertise food as medicine: never write that a "
                                    "product “cures” diabetes, blood pressure or any illness. The "
                                    "law forbids food advertising that suggests it treats disease, "
                                    "and marketplaces will remove such listings.</p>"
                                ),
                            },
                        ),
                        (
                            "table",
                            {
                                "caption": "Checklist before publishing",
                                "header": ["Item", "Example that passes"],
                                "rows": [
                                    ["Name with pack size", "Mộc Châu green tea, 200 g box"],
                                    [
                                        "Clear price",
                                        "Price per box, saying whether delivery is included",
                                    ],
                                    [
                                        "Shelf life, storage",
                                        "As on the label; cool, dry place, out of sunlight",
                                    ],
                                    [
                                        "Certification",
                                        "OCOP 4 stars, year certified, photo of certificate",
                                    ],
                                    [
                                        "Delivery, returns",
                                        "Delivery time, inspection on receipt, exchange terms",
                                    ],
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "mang-xa-hoi-san-va-cham-soc-khach-hang",
                "minutes": 25,
                "title": {
                    "vi": "Mạng xã hội, sàn thương mại điện tử và chăm sóc khách hàng",
                    "en": "Social media, marketplaces and customer care",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Hợp tác xã nhỏ không cần có mặt ở mọi nơi. Hãy chọn một hoặc "
                                "hai kênh phù hợp và làm thật tốt, có người phụ trách rõ ràng và "
                                "trả lời khách đều đặn.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "So sánh các kênh bán",
                                "header": ["Kênh", "Điểm mạnh", "Cần lưu ý"],
                                "rows": [
                                    [
                                        "Facebook, Zalo",
                                        "Khách quen, khách trong vùng; chốt đơn qua tin nhắn",
                                        "Phải trả lời nhanh; tự lo giao hàng và thu tiền",
                                    ],
                                    [
                                        "Video ngắn, phát trực tiếp",
                                        "Tiếp cận nhanh người mua trẻ; cho thấy vườn, xưởng thật",
                                        "Cần đăng đều đặn; chuẩn bị trước nội dung",
                                    ],
                                    [
                                        "Sàn thương mại điện tử (Shopee, Lazada, TikTok Shop…)",
                                        (
                                            "Nhiều khách; thanh toán và vận chuyển có sẵn; đánh "
                                            "giá công khai"
                                        ),
                                        "Phí sàn, cạnh tranh giá; đóng gói phải chuẩn",
                                    ],
                                    [
                                        "Sàn, cổng hỗ trợ nông sản và OCOP",
                                        "Được địa phương, bưu điện hỗ trợ; uy tín với khách",
                                        "Lượng khách có thể ít hơn",
                                    ],
                                ],
                            },
                        ),
                        ("heading", "Đăng nội dung gì"),
                        (
                            "paragraph",
                            (
                                "<p>Một kế hoạch đơn giản là ba bài mỗi tuần:</p><ul><li>một bài "
                                "về vườn, đồi chè, con người: công việc thật của mùa "
                                "vụ;</li><li>một bài hữu ích: cách pha chè, cách chọn và bảo quản "
                                "xoài;</li><li>một bài bán hàng: sản phẩm, giá, ảnh khách nhận "
                                "hàng, lời cảm ơn khách.</li></ul><p>Vào mùa vụ, hãy báo trước "
                                "ngày thu hoạch và phát trực tiếp cảnh thu hái, đóng gói để khách "
                                "thấy hàng đi thẳng từ vườn.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Một hợp tác xã chè ở Mộc Châu có thể phát trực tiếp 30 "
                                    "phút từ xưởng: giới thiệu các loại chè, pha thử, trả lời câu "
                                    "hỏi về cách bảo quản và nhận đơn ngay trong buổi. Một người "
                                    "dẫn, một người trả lời bình luận và ghi đơn, như vậy không ai "
                                    "bị bỏ sót.</p>"
                                ),
                            },
                        ),
                        ("heading", "Trả lời khách hàng và đánh giá"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Trả lời tin nhắn trong ngày, càng sớm càng tốt; chuẩn bị "
                                "sẵn câu trả lời cho câu hỏi thường gặp (giá, phí giao, hạn "
                                "dùng).</li><li>Xưng hô lịch sự, cảm ơn khách đã hỏi và đã "
                                "mua.</li><li>Với đánh giá xấu: cảm ơn, xin lỗi về trải nghiệm, "
                                "hỏi thêm thông tin hoặc ảnh, đưa ra cách giải quyết cụ thể (đổi "
                                "hàng, hoàn tiền), rồi tiếp tục trao đổi qua tin nhắn "
                                "riêng.</li><li>Không tranh cãi, không đổ lỗi cho khách. Ghi lại "
                                "lỗi để sửa khâu đóng gói, giao hàng.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Mẫu trả lời đánh giá “xoài bị dập”: “Hợp tác xã cảm ơn anh "
                                    "đã phản hồi và rất tiếc vì xoài đến tay anh bị dập. Anh vui "
                                    "lòng nhắn ảnh thùng hàng để chúng tôi gửi bù hoặc hoàn tiền "
                                    "trong hôm nay. Chúng tôi đã tăng thêm lớp chèn lót cho các "
                                    "đơn sau.”</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Không mua đánh giá, không nhờ người quen viết đánh giá ảo: "
                                    "các sàn phát hiện và phạt gian hàng, còn khách mất niềm tin. "
                                    "Bảo vệ thông tin cá nhân của khách như số điện thoại, địa "
                                    "chỉ; không đăng ảnh đơn hàng còn lộ những thông tin này.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>A small cooperative does not need to be everywhere. Choose one "
                                "or two channels that fit, do them well, give someone clear "
                                "responsibility and answer customers reliably.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Comparing sales channels",
                                "header": ["Channel", "Strengths", "Watch out for"],
                                "rows": [
                                    [
                                        "Facebook, Zalo",
                                        "Regular and local customers; orders closed by message",
                                        "Must reply quickly; you handle delivery and payment",
                                    ],
                                    [
                                        "Short video, livestream",
                                        (
                                            "Reaches younger buyers fast; shows the real farm and "
                                            "workshop"
                                        ),
                                        "Needs regular posting and preparation",
                                    ],
                                    [
                                        "Marketplaces (Shopee, Lazada, TikTok Shop…)",
                                        (
                                            "Many buyers; built-in payment and shipping; public "
                                            "reviews"
                                        ),
                                        "Fees and price competition; packing must be consistent",
                                    ],
                                    [
                                        "Farm-produce and OCOP portals",
                                        "Backed by local authorities or the post office; trusted",
                                        "May bring fewer buyers",
                                    ],
                                ],
                            },
                        ),
                        ("heading", "What to post"),
                        (
                            "paragraph",
                            (
                                "<p>A simple plan is three posts a week:</p><ul><li>one about the "
                                "orchard, tea hills and people: the real work of the "
                                "season;</li><li>one useful post: how to brew tea, how to choose "
                                "and store mangoes;</li><li>one sales post: the product, the "
                                "price, photos from customers, a thank-you.</li></ul><p>In season, "
                                "announce the harvest date ahead of time and livestream picking "
                                "and packing so customers see goods going straight from the "
                                "orchard.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>A Mộc Châu tea cooperative can livestream for 30 minutes "
                                    "from its workshop: introducing its teas, brewing a cup, "
                                    "answering questions about storage and taking orders during "
                                    "the session. One person presents while another answers "
                                    "comments and writes down orders, so nobody is missed.</p>"
                                ),
                            },
                        ),
                        ("heading", "Answering customers and reviews"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Reply to messages the same day, the sooner the better; "
                                "keep ready answers for common questions (price, delivery fee, "
                                "shelf life).</li><li>Be polite and thank customers for asking and "
                                "for buying.</li><li>For a bad review: thank them, apologise for "
                                "the experience, ask for details or photos, offer a concrete fix "
                                "(replacement, refund), then continue by private "
                                "message.</li><li>Never argue or blame the customer. Note the "
                                "problem so you can fix packing or delivery.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>A sample reply to a “bruised mangoes” review: “Thank you "
                                    "for letting us know, and we are very sorry your mangoes "
                                    "arrived bruised. Please message us a photo of the box and we "
                                    "will send a replacement or refund you today. We have added "
                                    "extra padding for future orders.”</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Do not buy reviews or ask friends to write fake ones: "
                                    "marketplaces detect this and penalise the shop, and customers "
                                    "lose trust. Protect customers' personal data such as phone "
                                    "numbers and addresses; never post photos of orders that show "
                                    "them.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
        ],
        "quiz": {
            "slug": "kiem-tra-ban-ocop-truc-tuyen",
            "title": {
                "vi": "Bài kiểm tra: Bán sản phẩm OCOP trên mạng",
                "en": "Quiz: Selling OCOP products online",
            },
            "intro": {
                "vi": (
                    "Bảy câu hỏi về sao OCOP, ảnh sản phẩm, trang sản phẩm và chăm sóc khách hàng. "
                    "Cần đạt 70% để hoàn thành khóa học."
                ),
                "en": (
                    "Seven questions on OCOP stars, product photos, product pages and customer "
                    "care. You need 70% to complete the course."
                ),
            },
            "pass_mark": 70,
            "attempt_limit": 3,
            "shuffle": True,
            "questions": [
                {
                    "type": "single",
                    "text": {
                        "vi": "Sản phẩm OCOP đạt bao nhiêu điểm thì được xếp hạng 4 sao?",
                        "en": "What score earns an OCOP product 4 stars?",
                    },
                    "options": [
                        {
                            "text": {"vi": "Từ 70 đến 89 điểm", "en": "70 to 89 points"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. 4 sao tương ứng 70–89 điểm.",
                                "en": "Correct. 4 stars means 70–89 points.",
                            },
                        },
                        {
                            "text": {"vi": "Từ 50 đến 69 điểm", "en": "50 to 69 points"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Đó là khoảng điểm của hạng 3 sao.",
                                "en": "Not right. That is the range for 3 stars.",
                            },
                        },
                        {
                            "text": {"vi": "Từ 90 đến 100 điểm", "en": "90 to 100 points"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Đó là hạng 5 sao, cấp quốc gia.",
                                "en": "Not right. That is 5 stars, the national level.",
                            },
                        },
                        {
                            "text": {"vi": "Từ 30 đến 49 điểm", "en": "30 to 49 points"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Đó là hạng 2 sao, chưa được công nhận.",
                                "en": "Not right. That is 2 stars, which is not certified.",
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": (
                            "Bộ tiêu chí OCOP chấm sản phẩm trên thang 100 điểm, chia làm ba phần."
                        ),
                        "en": (
                            "The OCOP criteria score a product out of 100 points, in three parts."
                        ),
                    },
                    "answer": True,
                    "feedback": {
                        "vi": (
                            "Đúng. Ba phần là: sản phẩm và sức mạnh cộng đồng, khả năng tiếp thị, "
                            "chất lượng sản phẩm."
                        ),
                        "en": (
                            "True. The three parts are product and community strength, marketing "
                            "capability, and product quality."
                        ),
                    },
                },
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Trang sản phẩm nên có những thông tin nào?",
                        "en": "Which information belongs on a product page?",
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Nguồn gốc: hợp tác xã, nơi trồng, mùa vụ",
                                "en": "Origin: the cooperative, growing area, season",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Nguồn gốc rõ ràng tạo niềm tin.",
                                "en": "Correct. Clear origin builds trust.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Giá, quy cách và phí giao hàng",
                                "en": "Price, pack size and delivery fee",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Khách cần biết tổng số tiền phải trả.",
                                "en": "Correct. Customers need to know the total they will pay.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Cách đặt hàng, thời gian giao và chính sách đổi trả",
                                "en": "How to order, delivery time and returns policy",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Những thông tin này giảm bớt tin nhắn hỏi lại.",
                                "en": "Correct. This saves customers having to ask.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Câu “chữa khỏi bệnh tiểu đường” để tăng sức hút",
                                "en": "The claim “cures diabetes” to attract buyers",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Không. Pháp luật cấm quảng cáo thực phẩm có tác dụng chữa "
                                    "bệnh."
                                ),
                                "en": "No. The law forbids advertising food as a cure for disease.",
                            },
                        },
                    ],
                },
                {
                    "type": "single",
                    "text": {
                        "vi": "Ảnh chính của sản phẩm trên sàn nên là ảnh nào?",
                        "en": "What should a product's main marketplace photo be?",
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Sản phẩm thật, chính diện, trên nền trơn, đủ sáng",
                                "en": "The real product, front on, on a plain background, well lit",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Ảnh rõ, thật giúp khách nhận ra sản phẩm ngay.",
                                "en": (
                                    "Correct. A clear, honest photo lets buyers recognise the "
                                    "product at once."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Ảnh đẹp tìm được trên mạng",
                                "en": "A nice photo found online",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Ảnh không phải hàng thật làm khách thất vọng và có "
                                    "thể vi phạm quyền tác giả."
                                ),
                                "en": (
                                    "Not right. A photo of other goods disappoints customers and "
                                    "may infringe copyright."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Ảnh phủ kín chữ khuyến mãi",
                                "en": "A photo covered in sale text",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Chữ che mất sản phẩm, khách không thấy rõ hàng.",
                                "en": "Not right. The text hides the product.",
                            },
                        },
                    ],
                },
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Khách để lại đánh giá 1 sao vì xoài bị dập. Hợp tác xã nên làm gì?",
                        "en": (
                            "A customer leaves a 1-star review because the mangoes were bruised. "
                            "What should the cooperative do?"
                        ),
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Cảm ơn, xin lỗi và đề nghị khách gửi ảnh",
                                "en": "Thank them, apologise and ask for a photo",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": (
                                    "Đúng. Thái độ cầu thị giúp giữ khách và cả người đọc đánh giá."
                                ),
                                "en": (
                                    "Correct. A helpful tone keeps the customer and reassures "
                                    "other readers."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Đề nghị gửi bù hoặc hoàn tiền",
                                "en": "Offer a replacement or a refund",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": (
                                    "Đúng. Giải pháp cụ thể cho thấy hợp tác xã chịu trách nhiệm."
                                ),
                                "en": (
                                    "Correct. A concrete fix shows the cooperative takes "
                                    "responsibility."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Xem lại khâu đóng gói cho các đơn sau",
                                "en": "Review packing for future orders",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Sửa nguyên nhân để lỗi không lặp lại.",
                                "en": "Correct. Fix the cause so it does not happen again.",
                            },
                        },
                        {
                            "text": {
                                "vi": (
                                    "Nhờ người quen viết đánh giá 5 sao để đẩy đánh giá xấu xuống"
                                ),
                                "en": "Ask friends to write 5-star reviews to push it down",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Không. Đánh giá ảo bị sàn phạt và làm mất niềm tin.",
                                "en": "No. Fake reviews get penalised and destroy trust.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Trả lời rằng lỗi do khách nhận hàng chậm",
                                "en": "Reply that it was the customer's fault for collecting late",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Không. Đổ lỗi cho khách làm tình hình tệ hơn.",
                                "en": "No. Blaming the customer makes things worse.",
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": (
                            "Khi một sản phẩm của hợp tác xã đạt OCOP 3 sao, hợp tác xã được gắn "
                            "biểu trưng 3 sao lên tất cả sản phẩm của mình."
                        ),
                        "en": (
                            "Once one of the cooperative's products gets OCOP 3 stars, it may put "
                            "the 3-star logo on all its products."
                        ),
                    },
                    "answer": False,
                    "feedback": {
                        "vi": (
                            "Sai. Hạng sao chỉ dùng cho đúng sản phẩm đã được công nhận, khi giấy "
                            "chứng nhận còn hiệu lực."
                        ),
                        "en": (
                            "False. A rating applies only to the product that was certified, while "
                            "the certificate is valid."
                        ),
                    },
                },
                {
                    "type": "single",
                    "text": {
                        "vi": "Sản phẩm OCOP 5 sao được đánh giá ở cấp nào?",
                        "en": "At what level are OCOP 5-star products assessed?",
                    },
                    "options": [
                        {
                            "text": {"vi": "Hội đồng cấp trung ương", "en": "The central council"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. 5 sao là sản phẩm cấp quốc gia.",
                                "en": "Correct. 5 stars is the national level.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Chính hợp tác xã tự đánh giá",
                                "en": "The cooperative assesses itself",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Hạng sao do hội đồng đánh giá, không tự xếp.",
                                "en": (
                                    "Not right. Ratings are given by a council, not self-assigned."
                                ),
                            },
                        },
                        {
                            "text": {"vi": "Sàn thương mại điện tử", "en": "The marketplace"},
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Sàn không có quyền xếp hạng OCOP.",
                                "en": "Not right. Marketplaces cannot award OCOP ratings.",
                            },
                        },
                    ],
                },
            ],
        },
    },
    {
        "slug": "xuat-khau-vai-nhan-thuong-mai-dien-tu-xuyen-bien-gioi",
        "category": "cross-border-ecommerce",
        "level": "intermediate",
        "hours": 4,
        "title": {
            "vi": "Chuẩn bị vải thiều, nhãn xuất khẩu qua thương mại điện tử xuyên biên giới",
            "en": "Preparing lychee and longan for export through cross-border e-commerce",
        },
        "summary": {
            "vi": (
                "Những việc hợp tác xã cần làm để đưa vải thiều, nhãn ra nước ngoài qua kênh "
                "thương mại điện tử: đáp ứng yêu cầu thị trường, thu hoạch và giữ chuỗi lạnh, đóng "
                "gói và ghi nhãn, đăng bán, vận chuyển và thanh toán an toàn."
            ),
            "en": (
                "What a cooperative must do to sell lychee and longan abroad through e-commerce: "
                "meet market requirements, harvest well and keep the cool chain, pack and label, "
                "list the product, ship it and get paid safely."
            ),
        },
        "outcomes": {
            "vi": [
                (
                    "Nêu các yêu cầu chính của thị trường nhập khẩu: mã số vùng trồng, mã số cơ sở "
                    "đóng gói, truy xuất, dư lượng tối đa, kiểm dịch thực vật và chiếu xạ."
                ),
                "Tổ chức thu hoạch đúng độ chín, xử lý sau thu hoạch và giữ chuỗi lạnh.",
                "Chọn bao bì và ghi nhãn thùng đáp ứng yêu cầu thị trường.",
                (
                    "Đăng sản phẩm trên nền tảng xuyên biên giới, chọn cách vận chuyển và thanh "
                    "toán an toàn."
                ),
            ],
            "en": [
                (
                    "State the main import requirements: growing-area and packing-house codes, "
                    "traceability, maximum residue limits, phytosanitary certificates and "
                    "irradiation."
                ),
                "Organise picking at the right ripeness, post-harvest handling and the cool chain.",
                "Choose packaging and carton labels that meet market requirements.",
                (
                    "List products on a cross-border platform and choose safe logistics and "
                    "payment methods."
                ),
            ],
        },
        "lessons": [
            {
                "slug": "yeu-cau-cua-thi-truong-nhap-khau",
                "minutes": 30,
                "title": {
                    "vi": "Yêu cầu của thị trường nhập khẩu",
                    "en": "What importing markets require",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Vải thiều Lục Ngạn, nhãn Hưng Yên đã vào nhiều thị trường khó "
                                "tính, nhưng lô nào cũng phải vượt hàng rào kỹ thuật. Bán qua "
                                "thương mại điện tử xuyên biên giới <strong>không giúp tránh "
                                "được</strong> những yêu cầu này: đơn hàng đặt qua mạng vẫn là "
                                "hàng nhập khẩu, phải đáp ứng quy định kiểm dịch thực vật và an "
                                "toàn thực phẩm của nước mua.</p>"
                            ),
                        ),
                        ("heading", "Mã số vùng trồng và mã số cơ sở đóng gói"),
                        (
                            "paragraph",
                            (
                                "<p><strong>Mã số vùng trồng</strong> định danh một vùng sản xuất "
                                "cụ thể: diện tích, các hộ tham gia, quy trình canh tác, nhật ký "
                                "ghi chép. <strong>Mã số cơ sở đóng gói</strong> cấp cho nơi sơ "
                                "chế, phân loại, đóng gói đạt yêu cầu vệ sinh và truy xuất nguồn "
                                "gốc. Nhiều thị trường chỉ nhận quả tươi từ vùng trồng và cơ sở "
                                "đóng gói có mã số đã được nước nhập khẩu chấp nhận.</p><p>Mã số "
                                "được cơ quan bảo vệ thực vật hướng dẫn, cấp và giám sát; mã có "
                                "thể bị tạm dừng nếu phát hiện vi phạm như dư lượng vượt mức hay "
                                "sinh vật gây hại. Hãy liên hệ cơ quan chuyên ngành trồng trọt và "
                                "bảo vệ thực vật của tỉnh từ trước mùa vụ.</p>"
                            ),
                        ),
                        ("heading", "Truy xuất nguồn gốc và dư lượng thuốc bảo vệ thực vật"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Mỗi hộ ghi <strong>nhật ký canh tác</strong>: ngày phun, "
                                "tên thuốc, liều lượng, thời gian cách ly.</li><li>Chỉ dùng thuốc "
                                "được phép ở Việt Nam <strong>và</strong> ở thị trường nhập khẩu; "
                                "có hoạt chất được dùng trong nước nhưng bị cấm hoặc có giới hạn "
                                "rất thấp ở nước khác.</li><li>Tuân thủ <strong>thời gian cách "
                                "ly</strong> ghi trên nhãn thuốc trước khi thu hoạch.</li><li>Mỗi "
                                "thị trường có mức dư lượng tối đa (MRL) riêng; lấy mẫu kiểm "
                                "nghiệm tại phòng thí nghiệm được công nhận trước khi thu "
                                "hoạch.</li></ul>"
                            ),
                        ),
                        ("heading", "Kiểm dịch thực vật và xử lý trước khi xuất"),
                        (
                            "paragraph",
                            (
                                "<p>Mỗi lô quả tươi xuất khẩu cần <strong>giấy chứng nhận kiểm "
                                "dịch thực vật</strong> do cơ quan kiểm dịch thực vật Việt Nam "
                                "cấp, xác nhận lô hàng đáp ứng yêu cầu của nước nhập khẩu. Một số "
                                "thị trường còn yêu cầu xử lý để diệt côn trùng: Hoa Kỳ yêu cầu "
                                "<strong>chiếu xạ</strong> vải, nhãn tươi từ Việt Nam, Úc cũng yêu "
                                "cầu chiếu xạ với vải tươi; Nhật Bản yêu cầu xử lý kiểm dịch tại "
                                "cơ sở được hai bên công nhận. Chi phí xử lý phải được tính vào "
                                "giá.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Tóm tắt yêu cầu thường gặp với vải, nhãn tươi (kiểm tra lại "
                                    "quy định trước mỗi vụ)"
                                ),
                                "header": ["Thị trường", "Yêu cầu chính"],
                                "rows": [
                                    [
                                        "Trung Quốc",
                                        (
                                            "Vùng trồng, cơ sở đóng gói có mã số được phía Trung "
                                            "Quốc chấp nhận; thông tin mã số trên bao bì; giấy "
                                            "kiểm dịch thực vật"
                                        ),
                                    ],
                                    [
                                        "Hoa Kỳ",
                                        (
                                            "Vườn được đăng ký và giám sát; chiếu xạ; giấy kiểm "
                                            "dịch thực vật"
                                        ),
                                    ],
                                    [
                                        "Úc",
                                        (
                                            "Vùng trồng có mã số; chiếu xạ đối với vải; giấy kiểm "
                                            "dịch thực vật"
                                        ),
                                    ],
                                    [
                                        "Nhật Bản",
                                        (
                                            "Vùng trồng có mã số; xử lý kiểm dịch tại cơ sở được "
                                            "công nhận, có giám sát"
                                        ),
                                    ],
                                    [
                                        "Liên minh châu Âu",
                                        "Giấy kiểm dịch thực vật; dư lượng theo MRL của EU",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Hầu hết các nước không cho gửi quả tươi qua bưu kiện mà "
                                    "không có thủ tục kiểm dịch. Quả tươi nên bán theo lô cho nhà "
                                    "nhập khẩu; gửi gói nhỏ cho người tiêu dùng hợp hơn với long "
                                    "nhãn, vải sấy, nhưng vẫn phải đúng quy định nhập khẩu thực "
                                    "phẩm của nước đến.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Lục Ngạn lychee and Hưng Yên longan have reached many "
                                "demanding markets, but every shipment must clear technical "
                                "barriers. Selling through cross-border e-commerce <strong>does "
                                "not get around</strong> these requirements: an order placed "
                                "online is still an import and must meet the buying country's "
                                "plant-health and food-safety rules.</p>"
                            ),
                        ),
                        ("heading", "Growing-area codes and packing-house codes"),
                        (
                            "paragraph",
                            (
                                "<p>A <strong>growing-area code</strong> identifies a specific "
                                "production area: its size, the households in it, how the crop is "
                                "grown and the records kept. A <strong>packing-house code</strong> "
                                "is granted to a facility that sorts, grades and packs to hygiene "
                                "and traceability requirements. Many markets accept fresh fruit "
                                "only from growing areas and packing houses whose codes the "
                                "importing country has accepted.</p><p>Codes are guided, granted "
                                "and monitored by the plant protection authorities; a code can be "
                                "suspended if a violation is found, such as excess residues or "
                                "pests. Contact your province's crop production and plant "
                                "protection office well before the season.</p>"
                            ),
                        ),
                        ("heading", "Traceability and pesticide residues"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Every household keeps a <strong>farm diary</strong>: "
                                "spray dates, product names, doses, pre-harvest "
                                "intervals.</li><li>Use only pesticides approved in Vietnam "
                                "<strong>and</strong> in the importing market; some active "
                                "ingredients allowed at home are banned or have very low limits "
                                "elsewhere.</li><li>Respect the <strong>pre-harvest "
                                "interval</strong> on the pesticide label before "
                                "picking.</li><li>Each market sets its own maximum residue limits "
                                "(MRLs); have samples tested at an accredited laboratory before "
                                "harvest.</li></ul>"
                            ),
                        ),
                        ("heading", "Phytosanitary certification and treatment"),
                        (
                            "paragraph",
                            (
                                "<p>Every shipment of fresh fruit for export needs a "
                                "<strong>phytosanitary certificate</strong> issued by Vietnam's "
                                "plant quarantine authority, confirming that it meets the "
                                "importing country's requirements. Some markets also require a "
                                "treatment to kill insects: the United States requires "
                                "<strong>irradiation</strong> of fresh lychee and longan from "
                                "Vietnam, and Australia also requires irradiation of fresh lychee; "
                                "Japan requires a quarantine treatment at a facility approved by "
                                "both sides. The cost of treatment must be built into the "
                                "price.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Common requirements for fresh lychee and longan (check "
                                    "current rules each season)"
                                ),
                                "header": ["Market", "Main requirements"],
                                "rows": [
                                    [
                                        "China",
                                        (
                                            "Growing areas and packing houses with codes accepted "
                                            "by China; codes shown on packages; phytosanitary "
                                            "certificate"
                                        ),
                                    ],
                                    [
                                        "United States",
                                        (
                                            "Registered, monitored orchards; irradiation; "
                                            "phytosanitary certificate"
                                        ),
                                    ],
                                    [
                                        "Australia",
                                        (
                                            "Coded growing areas; irradiation for lychee; "
                                            "phytosanitary certificate"
                                        ),
                                    ],
                                    [
                                        "Japan",
                                        (
                                            "Coded growing areas; supervised quarantine treatment "
                                            "at an approved facility"
                                        ),
                                    ],
                                    [
                                        "European Union",
                                        "Phytosanitary certificate; residues within EU MRLs",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Most countries do not allow fresh fruit to be sent by "
                                    "parcel without quarantine procedures. Sell fresh fruit in "
                                    "lots to an importer; small parcels to consumers suit dried "
                                    "longan or dried lychee better, but must still meet the "
                                    "destination's food import rules.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "thu-hoach-va-xu-ly-sau-thu-hoach",
                "minutes": 25,
                "title": {
                    "vi": "Thu hoạch và xử lý sau thu hoạch",
                    "en": "Harvest and post-harvest handling",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Vải và nhãn <strong>không chín thêm sau khi hái</strong>: quả "
                                "hái non sẽ mãi chua, không ngọt lên. Vỏ vải lại mất nước rất "
                                "nhanh; để ở nhiệt độ thường chỉ một, hai ngày là vỏ chuyển nâu, "
                                "mất giá. Vì vậy chất lượng xuất khẩu được quyết định trong vài "
                                "giờ từ lúc hái đến lúc vào kho lạnh.</p>"
                            ),
                        ),
                        ("heading", "Thu hoạch đúng độ chín"),
                        (
                            "paragraph",
                            (
                                "<ul><li><strong>Vải thiều:</strong> vỏ đỏ đều, gai vỏ dãn ra và "
                                "phẳng hơn, cùi đạt độ ngọt đặc "
                                "trưng.</li><li><strong>Nhãn:</strong> vỏ mỏng, nhẵn, có màu vàng "
                                "nâu đặc trưng của giống, cùi dày và ngọt, hạt chuyển "
                                "đen.</li><li>Nếm thử và đo độ ngọt (độ Brix) bằng khúc xạ kế theo "
                                "tiêu chuẩn người mua đưa ra.</li><li>Thị trường xa có thể yêu cầu "
                                "hái sớm hơn một chút, nhưng tuyệt đối không hái non.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p><strong>Cách hái:</strong> hái vào sáng sớm khi trời mát và "
                                "quả đã khô sương, không hái khi mưa; dùng kéo cắt cả chùm, để "
                                "cuống theo yêu cầu của người mua; xếp nhẹ vào sọt có lót, đặt "
                                "trong bóng râm, không để trực tiếp xuống đất; chuyển về cơ sở "
                                "đóng gói càng sớm càng tốt.</p>"
                            ),
                        ),
                        ("heading", "Sơ chế và chuỗi lạnh"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Phân loại:</strong> loại bỏ quả nứt, sâu, dập, "
                                "thâm; chia theo kích cỡ và hạng.</li><li><strong>Làm mát "
                                "nhanh:</strong> hạ nhiệt độ quả ngay sau khi về cơ sở, trước khi "
                                "đóng gói.</li><li><strong>Bảo quản lạnh:</strong> vải, nhãn "
                                "thường được giữ ở nhiệt độ thấp, chỉ vài độ trên 0°C, và độ ẩm "
                                "cao; làm theo thông số của cơ sở đóng gói và nhà nhập "
                                "khẩu.</li><li><strong>Giữ lạnh liên tục:</strong> từ kho lạnh lên "
                                "xe lạnh, container hoặc máy bay; tránh để nhiệt độ lên xuống vì "
                                "hơi nước đọng trên quả gây thối.</li><li><strong>Ghi nhiệt "
                                "độ:</strong> dùng nhiệt kế tự ghi theo lô; đó là bằng chứng khi "
                                "có khiếu nại.</li></ol>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Một ngày thu hoạch mẫu",
                                "header": ["Thời điểm", "Việc cần làm", "Người phụ trách"],
                                "rows": [
                                    [
                                        "Sáng sớm",
                                        "Hái quả khô ráo, để trong bóng râm",
                                        "Hộ thành viên",
                                    ],
                                    [
                                        "Trước trưa",
                                        "Chở về cơ sở đóng gói có mã số, ghi mã lô",
                                        "Tổ vận chuyển của hợp tác xã",
                                    ],
                                    [
                                        "Buổi chiều",
                                        "Phân loại, làm mát, đóng gói, dán nhãn",
                                        "Cơ sở đóng gói",
                                    ],
                                    [
                                        "Buổi tối",
                                        "Xếp lên xe lạnh, ghi nhiệt độ, bàn giao chứng từ",
                                        "Hợp tác xã và đơn vị vận chuyển",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Một hộ ở Lục Ngạn hái vải lúc gần trưa rồi để ngoài nắng "
                                    "hơn hai giờ chờ xe. Đến cơ sở đóng gói, nhiều quả đã thâm vỏ "
                                    "và bị loại, hộ mất một phần đáng kể sản lượng loại 1. Vụ sau, "
                                    "hợp tác xã lập lịch hái theo ca sáng và bố trí xe đón tại "
                                    "vườn, tỷ lệ loại bỏ giảm rõ rệt.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Không tự ý dùng hóa chất để giữ màu vỏ hay kéo dài thời "
                                    "gian bảo quản. Chỉ dùng phương pháp được thị trường nhập khẩu "
                                    "chấp nhận và nhà nhập khẩu đồng ý bằng văn bản; nhiều hóa "
                                    "chất để lại dư lượng khiến cả lô bị trả về.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Lychee and longan <strong>do not ripen further after "
                                "picking</strong>: fruit picked unripe stays sour and never "
                                "sweetens. Lychee skin also loses water very quickly; at room "
                                "temperature it turns brown within a day or two and loses value. "
                                "So export quality is decided in the few hours between picking and "
                                "the cold store.</p>"
                            ),
                        ),
                        ("heading", "Picking at the right ripeness"),
                        (
                            "paragraph",
                            (
                                "<ul><li><strong>Thiều lychee:</strong> skin evenly red, the "
                                "skin's protuberances spread and flatten, flesh at its typical "
                                "sweetness.</li><li><strong>Longan:</strong> thin, smooth skin "
                                "with the variety's typical yellow-brown colour, thick sweet "
                                "flesh, seed turned black.</li><li>Taste and measure sweetness "
                                "(Brix) with a refractometer against the buyer's "
                                "specification.</li><li>Distant markets may ask for slightly "
                                "earlier picking, but never pick unripe.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p><strong>How to pick:</strong> pick early in the morning while "
                                "it is cool and once the dew has dried, never in rain; cut whole "
                                "bunches with secateurs, leaving stems as the buyer specifies; lay "
                                "fruit gently in lined baskets, keep them in the shade and never "
                                "on the bare ground; get them to the packing house as soon as "
                                "possible.</p>"
                            ),
                        ),
                        ("heading", "Packing and the cool chain"),
                        (
                            "paragraph",
                            (
                                "<ol><li><strong>Sorting:</strong> remove cracked, wormy, bruised "
                                "or discoloured fruit; grade by size and "
                                "class.</li><li><strong>Pre-cooling:</strong> bring fruit "
                                "temperature down as soon as it arrives, before "
                                "packing.</li><li><strong>Cold storage:</strong> lychee and longan "
                                "are usually kept cold, just a few degrees above 0°C, at high "
                                "humidity; follow the packing house's and importer's "
                                "specification.</li><li><strong>Unbroken cooling:</strong> from "
                                "cold store to refrigerated truck, container or aircraft; avoid "
                                "temperature swings, because condensation on the fruit causes "
                                "rot.</li><li><strong>Temperature records:</strong> use a data "
                                "logger with each lot; it is your evidence if there is a "
                                "claim.</li></ol>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "A model harvest day",
                                "header": ["Time", "Task", "Who"],
                                "rows": [
                                    [
                                        "Early morning",
                                        "Pick dry fruit, keep it in the shade",
                                        "Member household",
                                    ],
                                    [
                                        "Before noon",
                                        "Take to the coded packing house, record lot codes",
                                        "Cooperative transport team",
                                    ],
                                    ["Afternoon", "Sort, pre-cool, pack, label", "Packing house"],
                                    [
                                        "Evening",
                                        (
                                            "Load the reefer truck, log temperature, hand over "
                                            "documents"
                                        ),
                                        "Cooperative and carrier",
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>A household in Lục Ngạn picked lychee near midday and left "
                                    "it in the sun for over two hours waiting for a truck. At the "
                                    "packing house many fruits had browned and were rejected, "
                                    "costing the household a good share of its grade 1 crop. The "
                                    "next season the cooperative scheduled picking in morning "
                                    "shifts and sent trucks to the orchards, and rejections fell "
                                    "sharply.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Never use chemicals on your own initiative to keep skin "
                                    "colour or extend storage life. Use only methods the importing "
                                    "market accepts and the importer has agreed in writing; many "
                                    "chemicals leave residues that get a whole shipment "
                                    "rejected.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "bao-bi-va-nhan-hang-xuat-khau",
                "minutes": 20,
                "title": {
                    "vi": "Bao bì và nhãn hàng xuất khẩu",
                    "en": "Export packaging and labelling",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Bao bì có hai nhiệm vụ: bảo vệ quả suốt hành trình dài, và "
                                "mang thông tin để hải quan, cơ quan kiểm dịch và người mua nhận "
                                "biết, truy xuất lô hàng. Thiếu hoặc sai một dòng trên nhãn cũng "
                                "có thể làm lô hàng bị giữ lại.</p>"
                            ),
                        ),
                        ("heading", "Chọn bao bì"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Thùng carton có lỗ thông gió, đủ cứng để xếp chồng và "
                                "chịu được độ ẩm trong kho lạnh.</li><li>Khối lượng mỗi thùng theo "
                                "yêu cầu của người mua; thùng nhỏ dễ bán lẻ, thùng lớn rẻ hơn khi "
                                "vận chuyển.</li><li>Có thể dùng túi màng hoặc khay bên trong để "
                                "giữ ẩm, hạn chế hóa nâu vỏ, nếu người mua đồng ý.</li><li>Vật "
                                "liệu mới, sạch, dùng được cho thực phẩm.</li><li>Pallet gỗ phải "
                                "được xử lý và đóng dấu theo tiêu chuẩn quốc tế về vật liệu đóng "
                                "gói bằng gỗ (ISPM 15).</li></ul>"
                            ),
                        ),
                        ("heading", "Thông tin trên nhãn thùng"),
                        (
                            "table",
                            {
                                "caption": "Thông tin thường có trên thùng vải xuất khẩu",
                                "header": ["Thông tin", "Ví dụ", "Vì sao cần"],
                                "rows": [
                                    [
                                        "Tên sản phẩm, giống",
                                        "Vải thiều tươi (Fresh lychee, Thieu)",
                                        "Nhận diện hàng hóa",
                                    ],
                                    [
                                        "Xuất xứ",
                                        "Product of Vietnam",
                                        "Bắt buộc với hàng xuất khẩu",
                                    ],
                                    [
                                        "Mã số vùng trồng",
                                        "Đúng mã đã được cấp",
                                        "Truy xuất, yêu cầu của nhiều thị trường",
                                    ],
                                    [
                                        "Mã số cơ sở đóng gói",
                                        "Đúng mã đã được cấp",
                                        "Truy xuất, yêu cầu của nhiều thị trường",
                                    ],
                                    [
                                        "Khối lượng tịnh, hạng",
                                        "5 kg – loại 1",
                                        "Đối chiếu với hợp đồng",
                                    ],
                                    [
                                        "Tên, địa chỉ người đóng gói hoặc xuất khẩu",
                                        "Tên hợp tác xã, địa chỉ",
                                        "Xác định người chịu trách nhiệm",
                                    ],
                                    [
                                        "Mã lô, ngày đóng gói",
                                        "Theo quy ước mã lô của cơ sở",
                                        "Truy ngược khi có sự cố",
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Ngôn ngữ và cách trình bày nhãn theo yêu cầu của thị trường và "
                                "nhà nhập khẩu (tiếng Anh, tiếng Trung, tiếng Nhật…). Nhãn phụ để "
                                "bán lẻ thường do nhà nhập khẩu chịu trách nhiệm; hãy ghi rõ việc "
                                "này trong hợp đồng. Nếu in mã QR truy xuất, mã phải dẫn tới thông "
                                "tin thật của lô hàng và hoạt động được ở nước nhập khẩu.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Thiếu mã số, ghi sai mã hoặc mã trên thùng không khớp với "
                                    "giấy kiểm dịch là những lỗi thường gặp khiến lô hàng bị giữ "
                                    "hoặc trả về. Trước mùa vụ, gửi mẫu nhãn cho nhà nhập khẩu "
                                    "duyệt và hỏi cơ quan kiểm dịch về yêu cầu ghi mã.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Chụp ảnh nhãn và thùng hàng của mỗi lô trước khi xếp lên "
                                    "xe, lưu cùng mã lô. Khi người mua khiếu nại, ảnh này giúp "
                                    "chứng minh hàng rời cơ sở trong tình trạng tốt.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Packaging has two jobs: protecting the fruit on a long "
                                "journey, and carrying the information customs, quarantine "
                                "officers and buyers need to identify and trace the shipment. One "
                                "missing or wrong line on a label can get a shipment held up.</p>"
                            ),
                        ),
                        ("heading", "Choosing packaging"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Ventilated cartons, strong enough to stack and to stand "
                                "the humidity of cold storage.</li><li>Carton weight as the buyer "
                                "specifies; small cartons suit retail, large ones are cheaper to "
                                "ship.</li><li>Liner bags or inner trays can hold moisture and "
                                "slow skin browning, if the buyer agrees.</li><li>New, clean, "
                                "food-grade materials.</li><li>Wooden pallets must be treated and "
                                "marked under the international standard for wood packaging "
                                "material (ISPM 15).</li></ul>"
                            ),
                        ),
                        ("heading", "What goes on the carton label"),
                        (
                            "table",
                            {
                                "caption": "Information usually shown on an export lychee carton",
                                "header": ["Information", "Example", "Why"],
                                "rows": [
                                    [
                                        "Product and variety",
                                        "Fresh lychee, Thieu variety",
                                        "Identifies the goods",
                                    ],
                                    ["Origin", "Product of Vietnam", "Required for exports"],
                                    [
                                        "Growing-area code",
                                        "Exactly as granted",
                                        "Traceability; many markets require it",
                                    ],
                                    [
                                        "Packing-house code",
                                        "Exactly as granted",
                                        "Traceability; many markets require it",
                                    ],
                                    ["Net weight, grade", "5 kg – grade 1", "Matches the contract"],
                                    [
                                        "Packer or exporter",
                                        "Cooperative name and address",
                                        "Shows who is responsible",
                                    ],
                                    [
                                        "Lot code, packing date",
                                        "Per the packing house's lot scheme",
                                        "Trace back if something goes wrong",
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Label language and layout follow the market's and importer's "
                                "requirements (English, Chinese, Japanese…). Retail stickers are "
                                "usually the importer's responsibility; say so clearly in the "
                                "contract. If you print a traceability QR code, it must lead to "
                                "the shipment's real information and work in the importing "
                                "country.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Missing codes, wrong codes, or codes on the carton that do "
                                    "not match the phytosanitary certificate are common reasons "
                                    "for shipments being held or sent back. Before the season, "
                                    "send a sample label to the importer for approval and ask the "
                                    "quarantine office about coding requirements.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Photograph the labels and cartons of each lot before "
                                    "loading and file them under the lot code. If the buyer "
                                    "complains, these photos help show the goods left in good "
                                    "condition.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "dang-ban-van-chuyen-va-thanh-toan",
                "minutes": 30,
                "title": {
                    "vi": "Đăng bán xuyên biên giới, vận chuyển và thanh toán",
                    "en": "Cross-border listing, logistics and payment",
                },
                "body": {
                    "vi": [
                        (
                            "paragraph",
                            (
                                "<p>Thương mại điện tử xuyên biên giới gồm hai loại nền tảng "
                                "chính: <strong>nền tảng B2B</strong> để hợp tác xã tìm và giao "
                                "dịch với nhà nhập khẩu, và <strong>nền tảng bán lẻ xuyên biên "
                                "giới</strong> để bán thẳng cho người tiêu dùng nước ngoài. Quả "
                                "tươi thường bán theo lô qua B2B; sản phẩm chế biến như long nhãn, "
                                "vải sấy phù hợp hơn với bán lẻ.</p>"
                            ),
                        ),
                        ("heading", "Đăng sản phẩm"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Tên và mô tả bằng ngôn ngữ của người mua: giống, vùng "
                                "trồng, mùa vụ.</li><li>Quy cách đóng gói, số lượng đặt tối thiểu "
                                "(MOQ), sản lượng có thể cung ứng mỗi tuần.</li><li>Chứng nhận và "
                                "mã số thực có: VietGAP hoặc GlobalG.A.P., mã số vùng trồng, mã số "
                                "cơ sở đóng gói.</li><li>Điều kiện giao hàng theo Incoterms (ví dụ "
                                "FOB, CIF) và thời gian giao.</li><li>Ảnh, video thật về vườn, cơ "
                                "sở đóng gói, kho lạnh; hồ sơ hợp tác xã được nền tảng xác "
                                "minh.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>Mẫu tiêu đề bằng tiếng Anh: “Fresh Thieu Lychee from Luc "
                                    "Ngan, Vietnam – 5 kg carton – coded growing area – "
                                    "June–July”. Phần mô tả nêu hạng quả, độ ngọt tối thiểu, sản "
                                    "lượng mỗi tuần, thời gian từ khi xác nhận đơn đến khi giao, "
                                    "và các giấy tờ kèm theo lô hàng.</p>"
                                ),
                            },
                        ),
                        ("heading", "Vận chuyển và chứng từ"),
                        (
                            "paragraph",
                            (
                                "<ul><li><strong>Đường bộ</strong> bằng xe container lạnh qua các "
                                "cửa khẩu phía Bắc sang Trung Quốc.</li><li><strong>Đường "
                                "biển</strong> bằng container lạnh: rẻ hơn nhưng lâu hơn, cần "
                                "chuỗi lạnh và bao bì tốt.</li><li><strong>Đường hàng "
                                "không</strong> cho thị trường xa hoặc lô nhỏ: nhanh nhưng "
                                "đắt.</li></ul><p>Nên làm việc với một công ty giao nhận có kinh "
                                "nghiệm hàng nông sản tươi. Chứng từ thường gồm: hóa đơn thương "
                                "mại, phiếu đóng gói, vận đơn, giấy chứng nhận kiểm dịch thực vật, "
                                "giấy chứng nhận xuất xứ (C/O) để hưởng ưu đãi thuế theo hiệp định "
                                "thương mại, và phiếu kiểm nghiệm nếu người mua yêu cầu. Điều kiện "
                                "Incoterms cho biết ai trả cước và rủi ro chuyển sang người mua ở "
                                "đâu.</p>"
                            ),
                        ),
                        ("heading", "Thanh toán an toàn"),
                        (
                            "table",
                            {
                                "caption": "Các hình thức thanh toán thường gặp",
                                "header": ["Hình thức", "Cách hoạt động", "Rủi ro cho hợp tác xã"],
                                "rows": [
                                    [
                                        "Chuyển khoản, đặt cọc trước",
                                        (
                                            "Người mua đặt cọc một phần, trả nốt trước khi nhận "
                                            "chứng từ"
                                        ),
                                        "Thấp nếu tiền cọc đủ lớn",
                                    ],
                                    [
                                        "Chuyển khoản sau khi giao hàng",
                                        "Giao hàng trước, nhận tiền sau",
                                        "Cao: người mua có thể chậm trả hoặc khiếu nại để ép giá",
                                    ],
                                    [
                                        "Thư tín dụng (L/C)",
                                        "Ngân hàng cam kết trả khi chứng từ hợp lệ",
                                        "Thấp, nhưng phí cao và chứng từ phải khớp tuyệt đối",
                                    ],
                                    [
                                        "Thanh toán đảm bảo qua nền tảng",
                                        "Nền tảng giữ tiền đến khi giao hàng đạt yêu cầu",
                                        (
                                            "Thấp đến trung bình; có phí; phải theo quy trình "
                                            "khiếu nại của nền tảng"
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Quả tươi hỏng nhanh nên tranh chấp chất lượng rất dễ xảy "
                                    "ra. Hợp đồng cần ghi rõ: kiểm tra hàng ở đâu, khi nào; bằng "
                                    "chứng nào được chấp nhận (ảnh, kết quả giám định, dữ liệu "
                                    "nhiệt độ); thời hạn khiếu nại. Luôn nhận tiền vào tài khoản "
                                    "của hợp tác xã qua ngân hàng, không qua tài khoản cá nhân, và "
                                    "tuân thủ quy định về ngoại tệ.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Bắt đầu nhỏ: một thị trường, một nhà nhập khẩu đáng tin, "
                                    "một lô thử. Ghi lại mọi vấn đề từ vườn đến tay người mua, sửa "
                                    "xong rồi mới tăng sản lượng.</p>"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "paragraph",
                            (
                                "<p>Cross-border e-commerce has two main kinds of platform: "
                                "<strong>B2B platforms</strong>, where the cooperative finds and "
                                "deals with importers, and <strong>cross-border retail "
                                "platforms</strong>, where it sells directly to consumers abroad. "
                                "Fresh fruit usually sells in lots through B2B; processed products "
                                "such as dried longan or dried lychee suit retail better.</p>"
                            ),
                        ),
                        ("heading", "Listing the product"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Name and description in the buyer's language: variety, "
                                "growing area, season.</li><li>Pack sizes, minimum order quantity "
                                "(MOQ), volume you can supply each week.</li><li>Certifications "
                                "and codes you really hold: VietGAP or GlobalG.A.P., growing-area "
                                "and packing-house codes.</li><li>Delivery terms under Incoterms "
                                "(for example FOB, CIF) and lead time.</li><li>Real photos and "
                                "video of the orchards, packing house and cold store; a "
                                "cooperative profile verified by the platform.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "example",
                                "text": (
                                    "<p>A sample English title: “Fresh Thieu Lychee from Luc Ngan, "
                                    "Vietnam – 5 kg carton – coded growing area – June–July”. The "
                                    "description gives the grade, minimum sweetness, weekly "
                                    "volume, time from order confirmation to delivery, and the "
                                    "documents that come with each shipment.</p>"
                                ),
                            },
                        ),
                        ("heading", "Logistics and documents"),
                        (
                            "paragraph",
                            (
                                "<ul><li><strong>By road</strong> in refrigerated containers "
                                "through the northern border gates to China.</li><li><strong>By "
                                "sea</strong> in reefer containers: cheaper but slower, needing a "
                                "good cool chain and packaging.</li><li><strong>By air</strong> "
                                "for distant markets or small lots: fast but "
                                "expensive.</li></ul><p>Work with a freight forwarder experienced "
                                "in fresh produce. Documents usually include the commercial "
                                "invoice, packing list, bill of lading or air waybill, "
                                "phytosanitary certificate, certificate of origin (C/O) to claim "
                                "tariff preferences under trade agreements, and test reports if "
                                "the buyer asks. The Incoterm shows who pays freight and where "
                                "risk passes to the buyer.</p>"
                            ),
                        ),
                        ("heading", "Getting paid safely"),
                        (
                            "table",
                            {
                                "caption": "Common payment methods",
                                "header": ["Method", "How it works", "Risk to the cooperative"],
                                "rows": [
                                    [
                                        "Transfer with advance deposit",
                                        (
                                            "Buyer pays part up front, the rest before receiving "
                                            "documents"
                                        ),
                                        "Low if the deposit is large enough",
                                    ],
                                    [
                                        "Transfer after delivery",
                                        "Goods first, payment later",
                                        (
                                            "High: the buyer may pay late or claim defects to "
                                            "force the price down"
                                        ),
                                    ],
                                    [
                                        "Letter of credit (L/C)",
                                        "The bank promises payment against compliant documents",
                                        "Low, but fees are high and documents must match exactly",
                                    ],
                                    [
                                        "Platform-secured payment",
                                        "The platform holds the money until delivery is confirmed",
                                        (
                                            "Low to medium; fees apply; follow the platform's "
                                            "dispute process"
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "text": (
                                    "<p>Fresh fruit spoils fast, so quality disputes are common. "
                                    "The contract should say where and when goods are inspected; "
                                    "what evidence counts (photos, a survey report, temperature "
                                    "data); and the deadline for claims. Always receive money into "
                                    "the cooperative's bank account, never a personal one, and "
                                    "follow the foreign currency rules.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Start small: one market, one trustworthy importer, one "
                                    "trial shipment. Record every problem from orchard to buyer, "
                                    "fix it, and only then scale up.</p>"
                                ),
                            },
                        ),
                    ],
                },
            },
        ],
        "quiz": {
            "slug": "kiem-tra-xuat-khau-vai-nhan",
            "title": {
                "vi": "Bài kiểm tra: Xuất khẩu vải, nhãn qua thương mại điện tử",
                "en": "Quiz: Exporting lychee and longan through e-commerce",
            },
            "intro": {
                "vi": (
                    "Bảy câu hỏi về yêu cầu thị trường, thu hoạch, bao bì, vận chuyển và thanh "
                    "toán. Cần đạt 70% để hoàn thành khóa học."
                ),
                "en": (
                    "Seven questions on market requirements, harvest, packaging, logistics and "
                    "payment. You need 70% to complete the course."
                ),
            },
            "pass_mark": 70,
            "attempt_limit": 3,
            "shuffle": True,
            "questions": [
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Những thị trường nào yêu cầu chiếu xạ vải tươi từ Việt Nam?",
                        "en": "Which markets require irradiation of fresh lychee from Vietnam?",
                    },
                    "options": [
                        {
                            "text": {"vi": "Hoa Kỳ", "en": "United States"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Hoa Kỳ yêu cầu chiếu xạ để diệt côn trùng.",
                                "en": "Correct. The US requires irradiation to kill insects.",
                            },
                        },
                        {
                            "text": {"vi": "Úc", "en": "Australia"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Úc cũng yêu cầu chiếu xạ.",
                                "en": "Correct. Australia also requires it.",
                            },
                        },
                        {
                            "text": {"vi": "Trung Quốc", "en": "China"},
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Không. Trung Quốc yêu cầu mã số vùng trồng, cơ sở đóng gói và "
                                    "kiểm dịch, không yêu cầu chiếu xạ."
                                ),
                                "en": (
                                    "No. China requires codes and quarantine certification, not "
                                    "irradiation."
                                ),
                            },
                        },
                        {
                            "text": {"vi": "Nhật Bản", "en": "Japan"},
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Không. Nhật Bản yêu cầu một biện pháp xử lý kiểm dịch khác "
                                    "tại cơ sở được công nhận."
                                ),
                                "en": (
                                    "No. Japan requires a different quarantine treatment at an "
                                    "approved facility."
                                ),
                            },
                        },
                    ],
                },
                {
                    "type": "single",
                    "text": {
                        "vi": "Vì sao không được hái vải non để kéo dài thời gian bảo quản?",
                        "en": "Why must lychee not be picked unripe to make it last longer?",
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Vì vải không chín và ngọt thêm sau khi hái",
                                "en": "Because lychee does not ripen or sweeten after picking",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Quả hái non sẽ mãi chua.",
                                "en": "Correct. Unripe fruit stays sour.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Vì quả non nặng hơn nên tốn cước",
                                "en": "Because unripe fruit weighs more",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Vấn đề là chất lượng ăn, không phải khối lượng.",
                                "en": "Not right. The problem is eating quality, not weight.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Vì quả non không cần kiểm dịch",
                                "en": "Because unripe fruit needs no quarantine",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Mọi lô quả tươi xuất khẩu đều cần kiểm dịch.",
                                "en": (
                                    "Not right. Every shipment of fresh fruit needs quarantine "
                                    "certification."
                                ),
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": (
                            "Nếu bán qua thương mại điện tử xuyên biên giới, lô vải tươi không cần "
                            "giấy chứng nhận kiểm dịch thực vật."
                        ),
                        "en": (
                            "When sold through cross-border e-commerce, a shipment of fresh lychee "
                            "does not need a phytosanitary certificate."
                        ),
                    },
                    "answer": False,
                    "feedback": {
                        "vi": (
                            "Sai. Hàng đặt qua mạng vẫn là hàng nhập khẩu và phải đáp ứng đầy đủ "
                            "quy định kiểm dịch."
                        ),
                        "en": (
                            "False. Goods ordered online are still imports and must meet every "
                            "quarantine rule."
                        ),
                    },
                },
                {
                    "type": "multiple",
                    "text": {
                        "vi": "Thông tin nào nên có trên thùng vải xuất khẩu?",
                        "en": "Which information should be on an export lychee carton?",
                    },
                    "options": [
                        {
                            "text": {"vi": "Mã số vùng trồng", "en": "The growing-area code"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Nhiều thị trường bắt buộc có mã này.",
                                "en": "Correct. Many markets require it.",
                            },
                        },
                        {
                            "text": {"vi": "Mã số cơ sở đóng gói", "en": "The packing-house code"},
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Mã này cho biết nơi đóng gói đã được công nhận.",
                                "en": "Correct. It shows the packing house is approved.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Mã lô và ngày đóng gói",
                                "en": "The lot code and packing date",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Dùng để truy ngược khi có sự cố.",
                                "en": "Correct. They let you trace back if something goes wrong.",
                            },
                        },
                        {
                            "text": {
                                "vi": "Số điện thoại cá nhân của từng hộ trồng",
                                "en": "Each grower's personal phone number",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Không. Việc truy xuất dùng mã lô và mã vùng trồng, không cần "
                                    "thông tin cá nhân."
                                ),
                                "en": (
                                    "No. Traceability uses lot and area codes, not personal "
                                    "details."
                                ),
                            },
                        },
                    ],
                },
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Với người mua mới, hình thức thanh toán nào rủi ro nhất cho hợp tác "
                            "xã?"
                        ),
                        "en": (
                            "With a new buyer, which payment method is riskiest for the "
                            "cooperative?"
                        ),
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Giao hàng trước, nhận toàn bộ tiền sau",
                                "en": "Deliver first, receive all payment later",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": "Đúng. Người mua có thể chậm trả hoặc khiếu nại để ép giá.",
                                "en": (
                                    "Correct. The buyer may pay late or claim defects to cut the "
                                    "price."
                                ),
                            },
                        },
                        {
                            "text": {"vi": "Thư tín dụng (L/C)", "en": "Letter of credit (L/C)"},
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. L/C có ngân hàng cam kết thanh toán khi chứng từ "
                                    "hợp lệ."
                                ),
                                "en": (
                                    "Not right. With an L/C a bank promises payment against valid "
                                    "documents."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Đặt cọc trước một phần đủ lớn",
                                "en": "A substantial advance deposit",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Tiền cọc giảm rủi ro cho người bán.",
                                "en": "Not right. A deposit reduces the seller's risk.",
                            },
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "text": {
                        "vi": (
                            "Cần giữ nhiệt độ ổn định suốt chuỗi lạnh, vì nhiệt độ lên xuống làm "
                            "hơi nước đọng trên quả và gây thối."
                        ),
                        "en": (
                            "The cool chain must hold a steady temperature, because temperature "
                            "swings cause condensation on the fruit and rot."
                        ),
                    },
                    "answer": True,
                    "feedback": {
                        "vi": "Đúng. Ổn định nhiệt độ quan trọng không kém việc giữ lạnh.",
                        "en": "True. A steady temperature matters as much as keeping it cold.",
                    },
                },
                {
                    "type": "single",
                    "text": {
                        "vi": (
                            "Một hộ vừa phun thuốc và chưa hết thời gian cách ly ghi trên nhãn "
                            "thuốc. Hợp tác xã nên làm gì với lô vải của hộ này?"
                        ),
                        "en": (
                            "A household has just sprayed and the pre-harvest interval on the "
                            "label has not passed. What should the cooperative do with its lychee?"
                        ),
                    },
                    "options": [
                        {
                            "text": {
                                "vi": "Hoãn thu hoạch đến khi hết thời gian cách ly",
                                "en": "Delay picking until the interval has passed",
                            },
                            "correct": True,
                            "feedback": {
                                "vi": (
                                    "Đúng. Hái sớm có nguy cơ vượt mức dư lượng và làm cả lô bị "
                                    "trả về."
                                ),
                                "en": (
                                    "Correct. Picking early risks excess residues and a rejected "
                                    "shipment."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Hái và trộn với lô của các hộ khác",
                                "en": "Pick it and mix it with other lots",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": (
                                    "Chưa đúng. Trộn lô làm hỏng truy xuất và có thể làm hỏng cả "
                                    "lô lớn."
                                ),
                                "en": (
                                    "Not right. Mixing breaks traceability and can spoil the whole "
                                    "shipment."
                                ),
                            },
                        },
                        {
                            "text": {
                                "vi": "Hái rồi rửa thật kỹ",
                                "en": "Pick it and wash it thoroughly",
                            },
                            "correct": False,
                            "feedback": {
                                "vi": "Chưa đúng. Rửa không bảo đảm loại bỏ dư lượng thuốc.",
                                "en": "Not right. Washing does not reliably remove residues.",
                            },
                        },
                    ],
                },
            ],
        },
    },
]
