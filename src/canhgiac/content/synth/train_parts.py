"""Sentence parts for the generated TRAINING texts: a hook, a body and a call to action per class.

Combined at random (``generator.Generator.compose``), they give many more sentence shapes than whole templates,
so the classifier learns the words of each class rather than the templates.
"""

PARTS = {
    "scam": {
        "hook": ["Thông báo khẩn:", "Kính gửi quý khách,", "Alo anh chị ơi,", "Cơ hội có một không hai!",
                 "Xin chào, tôi gọi từ {police}.", "[{bank}]", "Tin nhắn từ tổng đài chăm sóc khách hàng:",
                 "Chị ơi giúp em với,", "THÔNG BÁO TRÚNG THƯỞNG"],
        "body": ["tài khoản của bạn đang bị điều tra, cần chuyển tiền sang tài khoản an toàn để kiểm tra",
                 "bạn được nhận {money} tiền hỗ trợ, chỉ cần đóng trước phí hồ sơ",
                 "hồ sơ của bạn liên quan đường dây ma tuý, phải nộp tiền bảo lãnh {money}",
                 "làm nhiệm vụ online hoa hồng cao, nạp tiền càng nhiều lãi càng lớn",
                 "đầu tư một vốn bốn lời, lãi {money} mỗi ngày, rút gốc bất cứ lúc nào",
                 "cung cấp số thẻ, ngày hết hạn và mã OTP để nhận tiền hoàn",
                 "người thân của bạn gặp nạn cần chuyển gấp {money}",
                 "việc nhẹ lương cao, không cần kinh nghiệm, chỉ cần đặt cọc giữ chỗ",
                 "tài khoản định danh điện tử của bạn sẽ bị khoá nếu không xác thực lại",
                 "bạn có khoản phạt chưa nộp, nộp ngay để tránh bị cưỡng chế"],
        "cta": ["Chuyển khoản vào {stk} ngay hôm nay.", "Truy cập {url} để xác nhận.", "Gọi lại {phone} gấp.",
                "Kết bạn Zalo {phone} để được hướng dẫn.", "Không được báo cho ai biết.", "Hạn chót trong 2 giờ."],
    },
    "gambling": {
        "hook": ["Anh em ơi,", "HOT HOT HOT", "Cơ hội đổi đời:", "Kèo thơm hôm nay:", "Đăng ký ngay:",
                 "Nhà cái số 1 Việt Nam", "Uy tín tạo nên thương hiệu,"],
        "body": ["nhận cược {sport} mọi giải đấu, trả thưởng nhanh", "chơi {casino} đổi thưởng tiền thật",
                 "kèo chấp, kèo tài xỉu, kèo phạt góc đầy đủ", "cược thắng rút ngay về tài khoản ngân hàng",
                 "tặng {money} tiền cược miễn phí cho thành viên mới", "đánh lô đề, xổ số online trả thưởng cao",
                 "sòng bài trực tuyến {gbrand} mở cửa 24/7", "nạp tiền qua ngân hàng, ví điện tử, thẻ cào",
                 "đặt cược thể thao và casino online uy tín"],
        "cta": ["Link: {url}", "Nhắn {phone} để lấy link.", "Vào {gbrand} ngay.", "Tải app tại {url}.",
                "Ai chơi thì ib mình.", "Đăng ký nhận khuyến mãi ngay."],
    },
    "loan": {
        "hook": ["Cần tiền gấp?", "Hỗ trợ tài chính nhanh,", "Bạn đang kẹt tiền?", "Tin vui cho người nợ xấu:",
                 "Dịch vụ cho vay uy tín,"],
        "body": ["{loanword} {money}, {loancond}", "{loanword} lãi ngày, góp theo ngày", "{speed}, {loancond}",
                 "cho vay không cần giấy tờ, chỉ cần điện thoại chính chủ", "duyệt vay online, tiền về tài khoản ngay",
                 "vay theo lương, vay theo hoá đơn điện, {loancond}"],
        "cta": ["Liên hệ {phone}.", "Zalo {phone}.", "Đăng ký tại {url}.", "Gọi ngay để được giải ngân.",
                "Inbox để được tư vấn."],
    },
    "spam": {
        "hook": ["Siêu ưu đãi!", "Khuyến mãi cuối năm:", "Hàng mới về,", "Flash sale,", "Xả hàng tồn kho,"],
        "body": ["{spamitem} giá chỉ {money}", "giảm đến 70% cho {spamitem}", "mua {spamitem} tặng quà",
                 "chuyên sỉ lẻ {spamitem} toàn quốc", "dịch vụ {spamitem} trọn gói giá rẻ",
                 "đăng ký gói cước ưu đãi nhận thêm data"],
        "cta": ["Đặt hàng: {phone}.", "Xem thêm tại {url}.", "Số lượng có hạn.", "Ship COD toàn quốc.",
                "Soạn tin DK gửi 1543."],
    },
    "false_info": {
        "hook": ["Có tin", "Đang lan truyền:", "Nghe nói", "Chưa báo nào đưa tin:", "Cảnh báo!!!",
                 "Người trong cuộc tiết lộ:", "Tin mật:"],
        "body": ["{rumour}", "{authority} sắp công bố {rumour}", "{rumour}, đã có người chết",
                 "{rumour}, bị giấu nhẹm", "{authority} đã xác nhận {rumour}"],
        "cta": ["Chia sẻ ngay cho người thân!", "Share để mọi người biết.", "Ai không tin thì tự chịu.",
                "Đọc nhanh trước khi bị xoá.", "Lan truyền đi mọi người."],
    },
}  # fmt: skip

EXTRA_VOCAB = {
    "rumour": ["sắp cấm xe máy trong toàn thành phố từ tháng tới", "uống nước lá ổi chữa khỏi tiểu đường",
               "ngân hàng sẽ đóng băng toàn bộ tài khoản vào cuối tuần", "thực phẩm trong siêu thị bị tẩm hoá chất",
               "nhà máy xả thải làm cả làng bị ung thư", "lương hưu sắp bị cắt giảm một nửa",
               "điện thoại sẽ bị theo dõi hết nếu không cài ứng dụng này", "bão lớn cấp 17 sắp đổ bộ vào đêm nay",
               "trường học cho học sinh nghỉ cả tháng do dịch bệnh mới", "giá gạo sẽ tăng gấp đôi vì mất mùa"],
}  # fmt: skip
