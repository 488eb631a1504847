"""Templates and vocabulary for the generated EVALUATION texts.

Written separately from ``train_templates``: different sentences, different brands, scam stories, games, loan
products, goods and rumours, rendered with a different seed and the other half of the real domain lists. It measures
how the classifier carries over to wording it never saw, not how well it memorised the training templates.
"""

VOCAB = {
    "org": ["nhà mạng Viettel", "nhà mạng Vinaphone", "Cục Thuế", "Bảo hiểm xã hội", "Tổng cục Hải quan",
            "bưu điện", "đơn vị giao hàng J&T", "Giao Hàng Tiết Kiệm", "cổng dịch vụ công"],
    "fbank": ["HDBank", "SHB", "OCB", "SeABank", "VIB", "Nam A Bank", "LPBank", "Eximbank"],
    "lure": ["gói quà tri ân 2 chỉ vàng", "hoàn thuế thu nhập cá nhân", "tiền bảo hiểm xã hội một lần",
             "trợ cấp thất nghiệp", "bồi thường đơn hàng bị thất lạc", "phần thưởng khách hàng may mắn"],
    "job": ["gõ văn bản", "dán tem sản phẩm tại nhà", "trả lời khảo sát", "bình luận quảng cáo", "chăm sóc fanpage",
            "nhập liệu theo giờ"],
    "coin": ["dự án BĐS nghỉ dưỡng", "token AI thế hệ mới", "vàng kỹ thuật số", "mã chứng khoán sắp tăng trần",
             "quỹ ngoại hối Dubai"],
    "game": ["tiến lên miền Nam", "phỏm", "sâm lốc", "xổ số siêu tốc", "keno", "slot game", "rồng hổ", "mậu binh"],
    "league": ["La Liga", "Serie A", "Cúp C2", "Euro", "AFF Cup", "giải hạng Nhất"],
    "ebrand": ["sv388", "bk8", "m88", "12bet", "vn88", "cmd368", "188bet", "man88", "go88", "sunwin", "rikvip",
               "b52club"],
    "lprod": ["hỗ trợ vốn", "cho vay theo cavet xe", "vay theo sổ hộ khẩu", "gói vay tiêu dùng siêu tốc",
              "vay bằng đăng ký xe máy", "vay góp tuần"],
    "lterm": ["duyệt không cần gặp", "chấp nhận khách đang nợ nhiều app", "chỉ cần chụp ảnh căn cước",
              "không gọi người thân", "thủ tục trong 10 phút"],
    "goods": ["thẻ cào điện thoại chiết khấu", "giày sneaker replica", "dịch vụ SEO top Google",
              "cho thuê xe tự lái", "voucher ăn uống", "tai nghe không dây", "máy lọc nước", "rèm cửa"],
    "myth": ["ngủ cạnh điện thoại đang sạc sẽ bị ung thư não", "ăn trứng vịt lộn chữa được tiểu đường",
             "từ năm sau xe máy cũ trên 10 năm sẽ bị thu hồi", "ngân hàng sắp phá sản, rút hết tiền ngay",
             "đập thuỷ điện đầu nguồn đã vỡ, nước đang tràn về", "muối i-ốt hết hàng vì phóng xạ",
             "học sinh sẽ phải học thứ 7 và chủ nhật từ tuần sau", "giá điện tăng gấp ba từ tháng này"],
    "source": ["một bác sĩ giấu tên", "người nhà làm trong ngành", "đài nước ngoài", "nhóm kín"],
}  # fmt: skip

TEMPLATES = {
    "scam": [
        "Thông báo từ {org}: hồ sơ {lure} của bạn đã được duyệt, kê khai tại {url} trước 17h hôm nay.",
        "{org}: thuê bao của quý khách sẽ bị khoá 2 chiều sau 2 giờ do chưa chuẩn hoá thông tin, bấm phím 9 "
        "hoặc gọi {phone}.",
        "Bộ phận bảo mật {fbank} xin thông báo tài khoản của anh đang bị kẻ gian đăng nhập, đọc mã xác thực "
        "gửi về máy để chúng tôi hủy giao dịch.",
        "Cần người {job} làm tại nhà, ngày trả lương, không cọc, chỉ cần ứng trước {money} để nhận tài liệu.",
        "Đơn hàng thử việc: {job}, mỗi đơn lãi {money}, hoàn vốn ngay sau khi hoàn thành 3 đơn liên tiếp.",
        "Cơ hội x5 tài sản với {coin}, đã có 3.000 nhà đầu tư tham gia, tư vấn riêng qua Telegram {phone}.",
        "Anh ơi em là bạn của con anh đang du học, bạn ấy bị tạm giữ cần {money} tiền bảo lãnh, anh chuyển qua "
        "STK {stk}.",
        "Kính gửi khách hàng, đơn của bạn bị thất lạc, {org} sẽ bồi thường gấp đôi, vui lòng cung cấp số thẻ "
        "và mã OTP.",
        "Bạn là khách hàng may mắn nhận {lure}, phí vận chuyển {money} thanh toán trước qua {url}.",
        "Xin chào, tôi gọi từ tòa án, anh có khoản nợ quá hạn và sẽ bị khởi kiện nếu không nộp tiền vào {stk} hôm nay.",
    ],
    "gambling": [
        "Sảnh {game} đổi thưởng {ebrand}, thưởng nạp lần đầu 150%, rút về bank siêu tốc: {url}",
        "Tip kèo {league} cuối tuần, tỷ lệ thắng 90%, anh em theo team vào tiền ở {ebrand}.",
        "{ebrand} - cổng game {game} số 1 châu Á, đăng nhập là có quà {money}.",
        "Nhận cược {league} và {game}, giao dịch qua ngân hàng, bảo mật tuyệt đối, zalo {phone}.",
        "Hôm nay ai theo kèo tài xỉu 2.5 trận {league} thì vào {url} nhé, hoàn cược thua 100%.",
        "Tải app {ebrand} chơi {game} online, đổi thưởng tiền mặt không giới hạn.",
        "Ghi đề miền Bắc trả thưởng cao, bao lô cả ngày, chốt số đẹp trước 18h15 qua {phone}.",
    ],
    "loan": [
        "{lprod} đến {money}, {lterm}, gọi ngay {phone}.",
        "Tiền về tài khoản sau 10 phút: {lprod}, {lterm}, lãi tính theo ngày.",
        "Cơ sở tài chính nhận {lprod} khu vực nội thành, {lterm}, góp mỗi ngày {money}.",
        "Thiếu tiền đóng học, trả nợ? {lprod} tới {money}, {lterm}. Inbox {phone}",
        "Cần vốn làm ăn liên hệ em, {lprod}, {lterm}, link đăng ký {url}.",
    ],
    "spam": [
        "Xả kho {goods} giá sốc chỉ {money}, đặt ngay kẻo hết: {url}",
        "Shop chuyên {goods}, bảo hành 12 tháng, ship COD toàn quốc, gọi {phone}.",
        "Ưu đãi cuối tuần: mua {goods} tặng kèm quà, áp mã GIAM50 tại {url}.",
        "Nhận {goods} giá đại lý, chiết khấu cao cho khách sỉ, kết bạn zalo {phone}.",
        "Quý khách được tặng gói data 30GB khi đăng ký mới, soạn MAX gửi 191 để nhận ngay.",
        "Dịch vụ chạy quảng cáo, buff mắt livestream, tăng thành viên nhóm giá rẻ, ib {phone}.",
    ],
    "false_info": [
        "Tin từ {source}: {myth}, báo chí đang bị cấm đưa tin, mọi người chia sẻ nhanh.",
        "Khẩn cấp!!! {myth}. Ai có người thân thì báo ngay cho họ.",
        "Xác nhận rồi nhé cả nhà: {myth}, tin này chuẩn 100% từ {source}.",
        "Đọc ngay trước khi bị gỡ: {myth}, chính quyền biết mà im lặng.",
        "Mọi người ơi {myth}, nghe {source} nói vậy, lan truyền cho mọi người cùng biết.",
    ],
    "normal": [
        "Ngân hàng {fbank} lưu ý khách hàng tuyệt đối không bấm vào đường link lạ và không chia sẻ mã OTP.",
        "Công an xã tuyên truyền cho bà con về thủ đoạn lừa đảo tuyển cộng tác viên làm nhiệm vụ online.",
        "Triệt phá đường dây cá độ {league} quy mô lớn, tạm giữ 12 đối tượng.",
        "{org} cho biết thông tin về việc khoá thuê bao là không đúng sự thật.",
        "Trận {league} tối nay hấp dẫn quá, cả nhà ngồi xem chung vui ghê.",
        "Con mới thi xong học kỳ, được 9 điểm toán, cả nhà mừng lắm.",
        "Ai biết chỗ sửa xe máy uy tín ở gần đây chỉ mình với, xe mình bị thủng lốp.",
        "Thông báo lịch cắt điện định kỳ khu vực phường 3 từ 8h đến 11h ngày thứ bảy.",
        "Quán cà phê mới mở đầu ngõ đồ uống ngon mà giá cũng hợp lý.",
        "Tuyển nhân viên bán hàng làm việc tại cửa hàng, lương cứng theo thỏa thuận, phỏng vấn trực tiếp.",
    ],
}

URL_WORDS = ["nhanh", "gold", "lucky", "top", "fast", "cash", "pay", "cskh", "vn", "quatang", "sieutoc", "game",
             "ok", "pro", "one", "max"]  # fmt: skip
