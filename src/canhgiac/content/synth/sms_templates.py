"""Templates for SMS as Vietnamese phones receive them: the legitimate messages the first model called scams, and the
SMS shapes of scam, betting and loan lures.

Written for this project from the published formats of bank, wallet, carrier, utility, delivery and state messages
(OTP and balance notices, login alerts, "[TB]"/"[QC]" carrier messages with "soạn … gửi 9xxx", EVN bills, VNeID and
police warnings) and from the public warnings about job/task scams and forged-document sellers. Official links use the
brands' real registrable domains (``data/official_domains.txt``); scam and betting links use look-alike or throw-away
domains. ``normal`` here is the counter-example class: a notice that *mentions* an OTP, an account, a login or money
is normal when it tells you not to share, or only informs.
"""

VOCAB = {
    "bank": ["Vietcombank", "VCB", "Techcombank", "BIDV", "Agribank", "VPBank", "MB", "MBBank", "ACB", "Sacombank",
             "TPBank", "VietinBank", "HDBank", "SHB", "OCB", "VIB", "SeABank", "LPBank", "Eximbank", "MSB"],
    "wallet": ["MoMo", "ZaloPay", "ViettelPay", "Viettel Money", "VNPT Money", "ShopeePay", "VNPAY"],
    "carrier": ["Viettel", "VinaPhone", "MobiFone", "Vietnamobile", "Viettel TB", "VNPT"],
    "shop": ["Shopee", "Lazada", "Tiki", "TikTok Shop", "Sendo", "Bách Hóa Xanh", "Thế Giới Di Động", "FPT Shop",
             "Điện Máy Xanh", "Grab", "Be", "Gojek", "Highlands Coffee", "Pharmacity", "Guardian", "Winmart"],
    "courier": ["GHN", "GHTK", "Viettel Post", "VNPost", "J&T Express", "Ninja Van", "Best Express", "SPX"],
    "service": ["My Viettel", "My VNPT", "My MobiFone", "VNeID", "Zalo", "Facebook", "Google", "Shopee", "Lazada",
                "Tiki", "Grab", "Be", "Gojek", "Garena", "Apple ID", "Microsoft", "Telegram", "TikTok"],
    "offurl": ["https://viettel.vn/goi-cuoc", "vietteltelecom.vn", "https://myvt.page.link/km", "vinaphone.com.vn",
               "https://my.vnpt.com.vn", "mobifone.vn", "https://vietcombank.com.vn", "evn.com.vn",
               "https://cskh.evnhanoi.vn", "https://dichvucong.gov.vn", "vneid.gov.vn", "https://shopee.vn/m/sale",
               "lazada.vn", "tiki.vn", "https://momo.vn/tin-tuc", "zalopay.vn", "https://ghn.vn", "viettelpost.vn",
               "https://www.tgdd.vn", "baohiemxahoi.gov.vn", "https://congan.hanoi.gov.vn", "fptshop.com.vn"],
    "pkg": ["ST5K", "ST10K", "ST15K", "V90", "V120", "SD70", "MIMAX", "D15", "D30", "C90N", "ECOD10", "MT5N", "TV7K",
            "Y60", "BIG90", "MAX100", "12C90N", "5G135", "SV70"],
    "shortcode": ["191", "9123", "1543", "9084", "1599", "999", "9029", "9191", "1313", "5282", "9090", "1077"],
    "hotline": ["198", "18008098", "18001091", "18001090", "1900545413", "18001199", "19006600", "18006868",
                "19001555", "1900588888", "18001588", "19009247", "1900969696"],
    "gov": ["Bộ Công an", "CATP Hà Nội", "Công an tỉnh", "Bộ Y tế", "Bộ Thông tin và Truyền thông", "Bộ TT&TT",
            "UBND phường", "Bộ Công Thương", "Cục An toàn thông tin", "Hội đồng bầu cử", "UBND thành phố",
            "Bảo hiểm xã hội Việt Nam", "Cục Cảnh sát QLHC về TTXH", "Sở Y tế", "Bộ Khoa học và Công nghệ"],
    "govtopic": ["phòng cháy chữa cháy trong mùa hanh khô", "phòng chống sốt xuất huyết", "an toàn giao thông dịp Tết",
                 "phòng chống đuối nước cho trẻ em", "tiêm chủng mở rộng", "cài đặt ứng dụng VNeID mức 2",
                 "bảo vệ dữ liệu cá nhân", "phòng chống ma tuý", "đi bầu cử đúng giờ", "phòng chống mua bán người",
                 "xác thực sinh trắc học tài khoản ngân hàng tại quầy hoặc trên ứng dụng chính thức"],
    "fraudkind": ["giả danh công an, viện kiểm sát, toà án", "mời làm cộng tác viên bán hàng online",
                  "giả mạo nhân viên ngân hàng, nhà mạng", "tuyển người làm nhiệm vụ like, chốt đơn",
                  "lập website giả mạo cơ quan nhà nước", "cho vay qua ứng dụng", "đầu tư tiền ảo lợi nhuận cao"],
    "name": ["Lan", "Hùng", "Minh", "Trang", "Tuấn", "Hương", "Nam", "Linh", "Phương", "Dũng", "Hà", "Quân",
             "Thảo", "Huy", "Mai", "Nga", "Sơn", "Thu", "Việt", "Long"],
    "kin": ["mẹ", "bố", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "con", "cậu", "dì"],
    "place": ["đầu ngõ", "cổng trường", "bến xe", "cổng công ty", "quán cà phê", "chợ", "nhà văn hoá", "siêu thị"],
    "food": ["bánh mì", "phở", "cơm tấm", "bún chả", "lẩu", "trà sữa", "hoa quả", "bánh cuốn"],
    "thing": ["gói hàng", "chìa khoá", "hộ chiếu", "sổ đỏ", "cái ô", "sạc điện thoại", "hồ sơ", "giấy khai sinh"],
    "jobbrand": ["TikTok", "Shopee", "Lazada", "Tiki", "Amazon", "Ebay", "Alibaba", "Agoda", "Traveloka", "Vinmart"],
    "docs": ["bằng lái xe A1, A2, B2, C", "căn cước công dân", "bằng cấp 3, cao đẳng, đại học", "cavet xe",
             "đăng ký xe", "sổ hồng, giấy tờ nhà đất", "chứng minh thư", "GPLX ô tô", "bằng tốt nghiệp THPT"],
    "gbrand": ["Kwin", "Cwin", "FABET", "K8CC", "Win456", "Vin777", "RIK", "Awin", "8KBET", "Hi88", "J88", "Go88",
               "Sunwin", "Bet365", "F8BET", "LoveBet", "Dwin", "Twin68", "B52", "Iwin"],
    "lender": ["FE CREDIT", "Home Credit", "HD SAISON", "Tamo", "Tiền Ơi", "Easy Vay", "Vay Nhanh", "Mcredit",
               "Shinhan Finance", "Cash24", "Doctor Đồng", "Senmo"],
    "goods": ["áo thun", "váy", "giày thể thao", "mỹ phẩm", "đồng hồ", "sữa bột", "tủ lạnh", "điều hoà", "laptop",
              "vé máy bay", "tour du lịch", "khoá học tiếng Anh", "căn hộ", "đất nền", "bảo hiểm", "cà phê"],
}  # fmt: skip

NORMAL = [
    # one-time codes (the notification shape: the message says not to share)
    "{otp6} la ma OTP cua Quy khach de xac thuc giao dich tai {bank}. Tuyet doi KHONG chia se ma nay cho bat ky ai.",
    "Ma OTP cua ban la {otp6}, hieu luc 3 phut. {bank} KHONG BAO GIO yeu cau cung cap OTP qua dien thoai.",
    "{service}: {otp6} là mã xác minh của bạn. Không chia sẻ mã này với người khác, kể cả nhân viên {service}.",
    "G-{otp6} la ma xac minh Google cua ban.",
    "{otp4} la ma xac thuc dang nhap {service}. Ma co hieu luc trong 5 phut. Khong cung cap ma cho nguoi khac.",
    "{service}: KHONG CHIA SE OTP VOI BAT KY AI, bao gom ca nhan vien {service}. OTP dang nhap: {otp6}",
    "Nhap ma OTP {otp6} de xac thuc dang nhap tren ung dung {service}. Chi tiet LH {hotline} (0d).",
    "Ma xac thuc cua Quy khach la {otp6}. Vui long khong cung cap ma cho bat ky ai duoi moi hinh thuc.",
    "[{bank}] Ma OTP {otp6} dung de thanh toan {amount} VND tai {shop}. KHONG cung cap OTP cho bat ky ai.",
    "Mã kích hoạt {service} của bạn là {otp6}. Nếu không phải bạn yêu cầu, hãy bỏ qua tin nhắn này.",
    # transaction and balance notices
    "{bank}: TK {acct} +{amount}VND luc {time} {date}. SD: {amount}VND. ND: {memo}",
    "{bank}: TK {acct} -{amount}VND luc {time} {date}. SD: {amount}VND. ND: {memo}",
    "TK {acct} tai {bank} thay doi -{amount}d luc {time} {date}. So du {amount}d. Noi dung: {memo}",
    "Quy khach da thanh toan thanh cong {amount}VND cho hoa don {utility} ky {month}. Cam on Quy khach.",
    "{wallet}: Ban vua nhan {amount}d tu {name}. Loi nhan: {memo}. So du vi: {amount}d.",
    "{wallet} thong bao: Giao dich thanh toan {amount}d tai {shop} thanh cong luc {time} {date}.",
    "Quy khach da duoc thanh toan {amount} VND tu nhan vien {acct}, Ngay GD: {date} {time}. Ma GD {acct}.",
    "The {card} cua Quy khach vua chi tieu {amount} VND tai {shop} luc {time} {date}. LH {hotline} neu can ho tro.",
    # security alerts from banks, wallets and services
    "{bank}: Tai khoan cua Quy khach vua dang nhap tren thiet bi moi luc {time} {date}. Neu khong phai Quy khach, "
    "vui long goi ngay {hotline} de duoc ho tro.",
    "Ban vua thay doi so dien thoai cho tai khoan {service}. Neu ban khong thuc hien, hay lien he {hotline} ngay.",
    "{bank} canh bao: Ngan hang KHONG gui duong link yeu cau cap nhat thong tin qua tin nhan. Khong truy cap link "
    "la, khong cung cap mat khau, OTP cho bat ky ai.",
    "{service}: Mat khau cua ban vua duoc thay doi. Neu khong phai ban, hay khoi phuc tai khoan ngay.",
    "[{bank}] Quy khach luu y: Tu 01/07, giao dich chuyen tien tren 10 trieu can xac thuc sinh trac hoc tren ung "
    "dung {bank}. Chi su dung ung dung chinh thuc tai CH Play/App Store.",
    "{bank} thong bao: the {card} sap het han vao thang {month}. Quy khach vui long den chi nhanh gan nhat de gia han.",
    "Canh bao: Khong cung cap ma OTP, mat khau, so the cho bat ky ai. {bank} khong bao gio yeu cau qua dien thoai.",
    # carriers: service notices
    "{carrier}: Goi {pkg} da gia han thanh cong. Cuoc phi {amount}d/30 ngay. Chi tiet LH {hotline} (mien phi).",
    "Quy khach da dang ky thanh cong goi {pkg}: {amount}d co {gb}GB su dung den 24h. Tra cuu soan KT gui {shortcode}.",
    "Tai khoan chinh cua Quy khach sap het. Xin vui long nap the de tiep tuc su dung dich vu cua {carrier}.",
    "Tai khoan chinh cua Quy khach sap het. Soan A gui {shortcode} de duoc ung {amount}d, phi dich vu 0d.",
    "{carrier} TB: Quy khach da dung het luu luong Data trong ngay cua goi {pkg}. De mua them soan MT5N gui 191.",
    "Quy khach co {amount} dong trong tai khoan. Han su dung den {date}. Chi tiet LH {hotline}.",
    "Cu phap tin nhan khong hop le. Chi tiet xin lien he {hotline} hoac truy cap {offurl}.",
    "[TB] Yeu cau cap nhat thong tin thue bao cua Quy khach tren {service} da duoc phe duyet. Tran trong!",
    "{carrier}: Quy khach co cuoc goi nho tu so {phone} luc {time} {date}. Goi lai de nghe loi nhan.",
    "[TB] Để đảm bảo an toàn cho tài khoản {service}, Quý khách vui lòng không cung cấp mật khẩu, mã OTP cho bất kỳ "
    "ai. Chi tiết LH {hotline} (0đ).",
    "(TB) Quý khách vừa nhận cuộc gọi từ số {phone} của nhà mạng {carrier} để yêu cầu xác thực thông tin thuê bao. "
    "Chi tiết LH {hotline}.",
    "Quy khach duoc cong them {gb}0 diem {carrier}++ tu giao dich thang {month}. Han su dung diem den {date}.",
    # utilities, state services, government and police notices
    "EVN thong bao: Tien dien ky {month} cua ma KH {customer} la {amount}d. Vui long thanh toan truoc {date}. "
    "Tra cuu tai {offurl}.",
    "Cong ty Cap nuoc thong bao tien nuoc thang {month} cua KH {customer}: {amount}d, han thanh toan {date}.",
    "Dien luc thong bao tam ngung cap dien khu vuc {place} tu {time} den 17h ngay {date} de bao duong luoi dien.",
    "[VNeID-TB] Ho so dang ky tai khoan dinh danh dien tu muc 2 cua cong dan da duoc phe duyet. Vui long kich hoat "
    "tren ung dung VNeID.",
    "{gov} thông báo: Hiện nay tội phạm {fraudkind}. Người dân tuyệt đối không chuyển tiền, không cung cấp OTP.",
    "{gov} khuyến cáo người dân về {govtopic}. Chi tiết tại {offurl}.",
    "[TB] {gov} đề nghị người dân thực hiện {govtopic}. Trân trọng cảm ơn.",
    "[TB] Hưởng ứng tháng hành động về {govtopic}, {gov} kêu gọi toàn dân chung tay thực hiện.",
    "Bo TTTT khuyen cao nguoi dan canh giac, khong chuyen tien hoac cung cap thong tin ca nhan cho nguoi la qua "
    "dien thoai, mang xa hoi.",
    "BHXH thong bao: The BHYT cua ban se het han vao {date}. Gia han tai diem thu hoac tren VssID.",
    "Truong THCS thong bao: Phu huynh den hop vao {time} ngay {date} tai phong hoc cua lop.",
    "Benh vien thong bao: lich kham cua ban vao {time} ngay {date}. Vui long mang theo the BHYT.",
    "Cam on ban da hien mau ngay {date}. Nhom mau: A, KQXN: binh thuong. Ngay hien mau tiep theo: {date}.",
    # delivery and shopping notices
    "{courier}: Don hang {order} cua ban dang duoc giao, nhan vien {name} se goi truoc khi giao. LH {phone}.",
    "Don hang {order} da giao thanh cong. Danh gia nhan vien giao hang tai {offurl}.",
    "{shop}: Don hang {order} da duoc xac nhan, du kien giao ngay {date}. Cam on ban da mua sam.",
    "Buu pham {order} cua Quy khach da den buu cuc, vui long mang CCCD den nhan truoc {date}.",
    "Cam on Quy khach da mua sam tai {shop}. Vui long danh gia dich vu tai {offurl}. CSKH {hotline}.",
    "Shipper đây ạ, em đang ở {place}, anh/chị ra nhận hàng giúp em nhé.",
    "Em giao hàng {shop}, chị ở nhà không ạ, em để hàng ở bảo vệ nhé.",
    # personal chat, including the words scams use (money, account, code)
    "{kin} ơi tối nay về ăn cơm không?",
    "Gọi lại cho em nhé, em đang bận chút.",
    "Chị cho em xin số tài khoản để em chuyển tiền học nhé.",
    "Em chuyển rồi đó ạ, chị kiểm tra giúp em.",
    "Ok mình vừa chuyển khoản rồi bạn check giúp mình nha.",
    "Mai {time} sang nhà {kin} chở cháu đi học nhé.",
    "Anh mang giúp em {thing} ra {place} nhé, em cảm ơn.",
    "{kin} ơi mua giúp con mấy cái {food} nhé.",
    "Cuối tuần này cả nhà về quê ăn giỗ, {kin} nhớ sắp xếp nhé.",
    "Mình đợi ở {place}, tới nơi thì nháy máy nhé.",
    "Hôm nay em xin nghỉ buổi chiều nhé anh, em có việc gấp ạ.",
    "Tiền phòng tháng này {amount} nhé, em chuyển trước ngày 5 giúp chị.",
    "Nhớ giờ đi đón con đấy nhé.",
    "{name} ơi mai họp lúc mấy giờ vậy?",
    "Vâng, em cảm ơn {kin} nhiều ạ.",
    "Anh gửi lại file báo cáo cho em với, hôm qua em chưa nhận được.",
    "Đang trên đường về, tắc đường quá.",
    "stk {acct} {bank} {name}, em chuyển cho anh theo số này nha.",
    "Mã phòng là {otp4} nhé, em tự mở cửa vào nhé.",
    "Alo, {name} đây, số mới của mình nhé, lưu lại giúp mình.",
    "Con đi học có mang áo mưa không?",
]

SPAM = [
    "[QC] {carrier} tang 20% gia tri the nap trong ngay {date}. Nap the tai {offurl}. Tu choi QC soan TC gui 1313.",
    "(QC) Soan {pkg} gui {shortcode}: chi {amount}d/30 ngay co {gb}GB data toc do cao va mien phi goi noi mang.",
    "[QC] NHAN NGAY {gb}GB DATA khi dang ky goi {pkg}. Soan {pkg} gui {shortcode}. Tu choi QC soan TC gui 1313.",
    "(TB) {carrier} tặng Quý khách {gb}0% giá trị thẻ nạp HÔM NAY {date}. Chi tiết LH {hotline}.",
    "[QC] Mo {wallet} nhan qua toi {amount}d, hoan tien 10% khi thanh toan hoa don. Chi tiet {offurl}.",
    "(QC) MIỄN PHÍ 7 ngày chơi game thả ga, KHÔNG GIỚI HẠN DATA: soạn {pkg} gửi {shortcode}. Sau KM {amount}đ/ngày.",
    "[QC] {bank} tang ban the tin dung han muc len toi 100 trieu, hoan tien 10%. Tu choi soan TC gui 1313.",
    "(QC) {shop} SALE den 50% toan bo {goods} tu {date}. Hotline {phone}. Tu choi QC soan TC gui 1313.",
    "{shop} tang rieng ban ma giam gia {otp6} giam 20% cho don tu 200k, HSD {date}. Xem tai {offurl}.",
    "[QC] Chuc mung ban la khach hang may man co co hoi so huu {gb}0GB data khi soan Y gui {shortcode}.",
    "[QC] Co hoi trung 1 CAY VANG 9999 khi tham gia chuong trinh cua {carrier}. Tham gia tai {offurl}.",
    "(QC) Đặt vé Vietlott Power 6/55 trên {wallet}, cơ hội trúng Jackpot hơn 40 tỷ đồng.",
    "Tai khoan cua ban da het? Soan Y gui {shortcode} de ung {amount}d vao tai khoan, phi dich vu 0d.",
    "[TB] Dang ky goi {pkg} chi {amount}d/ngay co {gb}GB, het luu luong ngung truy cap. Soan {pkg} gui {shortcode}.",
    "(QC) Mua {goods} giam 30% nhan dip khai truong chi nhanh moi. LH {phone}. Tu choi QC soan TC.",
    "(QC) Du an can ho {place} mo ban gia chi tu 2 ty, ho tro vay 70%. LH {phone}.",
    "Kinh moi Quy khach tham du su kien khai truong {shop} ngay {date}. Nhieu qua tang hap dan.",
    "[QC] Tai ung dung {service} nhan ngay voucher {amount}d. Chi tiet tai {offurl}. Tu choi soan TC gui 1313.",
    "[QC] Hãy tham gia chương trình tích điểm {carrier}++ để đổi data, phút gọi và quà tặng tại {offurl}.",
    "Dịch vụ nhạc chờ: soạn CHON mã số gửi {shortcode} để tải bài hát hot nhất. Cước {amount}đ/bài.",
    "Bên em có sim số đẹp giống số anh chị, giá chỉ {amount}đ, liên hệ Zalo {phone}.",
    "Khoá học tiếng Anh giảm 40% học phí, tặng kèm tài liệu. Đăng ký tại {offurl} hoặc gọi {phone}.",
]

SCAM = [
    "{jobbrand} đang tuyển nhân viên làm việc tại nhà!!! Số lượng có hạn chỉ 50 người. Công việc: xử lý đơn hàng "
    "trên điện thoại. Thu nhập {amount}-{amount}đ/ngày. Liên hệ Zalo {phone}.",
    "Xin chào, tôi là trưởng phòng nhân sự của {jobbrand}, công ty đang tuyển nhân viên bán thời gian, lương trả "
    "trong ngày 300k-2tr. Quan tâm vui lòng kết bạn Zalo {phone}.",
    "Chúc mừng bạn đã trở thành nhân viên bình luận {jobbrand}. Add Zalo {phone} để được nhận 100k tiền thưởng.",
    "Bạn có muốn tìm công việc bán thời gian không? Lương 5tr-30tr/tháng, mỗi ngày 1-2 giờ trên điện thoại. "
    "Liên hệ Telegram @{handle}.",
    "Công việc chính quy, lương được trả ngay theo ngày, chỉ cần có điện thoại. Liên hệ zalo.me/{phone}.",
    "Xin chào, chúc mừng bạn là người may mắn được {jobbrand} lựa chọn kiếm tiền trên ứng dụng. Like và follow "
    "nhận {amount}đ/ngày.",
    "Nếu bạn có sẵn Telegram thì được đăng ký miễn phí! {jobbrand} đang tuyển cộng tác viên làm nhiệm vụ online.",
    "Em nhận làm các loại {docs}, {docs}, không cần đi thi, nhận bằng tại nhà mới thanh toán. LH {phone}.",
    "Dịch vụ làm mới, cấp lại {docs} và {docs} nhanh, bao xác minh. Liên hệ {phone}.",
    "Anh chị nào bị lừa tiền qua mạng, nhắn tin cho em, em chỉ cách lấy lại tiền trong 24h, phí sau khi nhận lại.",
    "Tai khoan cua ban da mo dich vu tai chinh toan cau, phi {amount}VND se bi tru trong 3 gio. Neu khong phai ban "
    "huy tai {scamurl}.",
    "[{bank}] Tai khoan cua Quy khach dang bi tam khoa do dang nhap bat thuong. Xac thuc ngay tai {scamurl} de tranh "
    "bi khoa vinh vien.",
    "{bank} thong bao: Quy khach duoc nang han muc the len 100 trieu. Vui long cung cap ma OTP vua nhan cho nhan "
    "vien {phone} de kich hoat.",
    "Mã OTP vừa gửi đến máy bạn là mã xác nhận nhận quà, bạn đọc lại mã giúp mình để hệ thống hoàn tất nhé.",
    "Em ơi nhắn nhầm mã OTP về máy em rồi, em gửi lại mã đó cho chị với, chị cần gấp.",
    "{carrier}: Thue bao cua ban se bi khoa 2 chieu trong 24h do chua chuan hoa sinh trac hoc. Cap nhat tai "
    "{scamurl} va nhap ma OTP.",
    "Chuc mung thue bao {phone} trung thuong {amount}d tu chuong trinh tri an. Nhan thuong tai {scamurl} truoc 23h.",
    "Cục thuế thông báo hoàn thuế TNCN {amount}đ. Nhập số thẻ và mã OTP tại {scamurl} để nhận tiền.",
    "Tri an khach hang VIP, lien he ngay de nhan qua hap dan: {scamurl}",
    "{gov}: Ban co giay trieu tap lien quan vu an rua tien. Goi {phone} gap, khong noi cho nguoi nha.",
    "Đầu tư siêu lợi nhuận, kiếm tiền online mới nhất, lãi 30% mỗi ngày, rút gốc bất cứ lúc nào. Vào {scamurl}.",
    "Điện lực thông báo: nhà bạn sẽ bị cắt điện tối nay do nợ tiền điện. Thanh toán ngay qua {scamurl} hoặc gọi "
    "{phone}.",
]

GAMBLING = [
    "{gbrand} tang code {amount}k cho thanh vien moi, nap dau x2, rut nap sieu toc. Link: {scamurl}",
    "Chao mung den voi {gbrand} uy tin nhat 2023, li xi ban 50K, rut nap 30 giay, ban ca, no hu. Dang ky: {scamurl}",
    "{gbrand} moi ban nhan {amount},000 VND tai {scamurl} truoc 23:59 toi nay",
    "Tham gia ngay nhan qua lien tay {amount}K khi nap 50K, choi thu ma an that tai {scamurl}",
    "Casino truc tuyen hoan nghenh ban, ket ban Zalo {phone} de nhan ngay 200k tien mat.",
    "Game doi thuong moi ra mat, tang {amount}K khi dang ky, hoan tra 3.7% moi ngay. Tai: {scamurl}",
    "Ngay 8 hang thang {gbrand} tang 1000 ty tien mat ngau nhien cao nhat 18888K. Vao {scamurl}",
    "Tài xỉu, xóc đĩa, bắn cá, nổ hũ tại {gbrand}: nạp đầu 100K tặng 100K, rút tiền trong 1 phút. {scamurl}",
    "Lô đề 1 ăn 99, tặng 200k cho tài khoản mới tại {gbrand}. {scamurl}",
    "Đăng nhập game tặng 8-8-8K, đăng ký nhận tại {scamurl}",
    "World Cup nhận cá cược tại nhà cái {gbrand}, thưởng nạp đầu 100%. {scamurl}",
    "Link chơi: {scamurl} thưởng 100% chào mừng lên đến 2 triệu, hoàn trả 1,2% mỗi ngày.",
]

LOAN = [
    "{lender}: Ban da du dieu kien vay tien mat toi 50 trieu, chi can CCCD, giai ngan trong ngay. LH {phone}.",
    "[QC] {lender} ho tro vay den 20 trieu dong, thu tuc 5 phut, khong can chung minh thu nhap. Vay ngay {scamurl}",
    "Can tien gap? Vay nhanh 15 trieu, khong tham dinh, nhan tien sau 10 phut. Zalo {phone}.",
    "Chi can CMND/CCCD vay ngay 30 trieu, lai suat thap, giai ngan online 24/7 tai {scamurl}.",
    "Ho tro khoan vay tu 5-50 trieu, duyet ho so 5 phut, no xau van vay duoc. LH {phone}.",
]

TEMPLATES = {"normal": NORMAL, "spam": SPAM, "scam": SCAM, "gambling": GAMBLING, "loan": LOAN}
URL_WORDS = ["vn", "km", "qua", "tang", "xacthuc", "nhanthuong", "vip", "hotro", "login", "app", "win", "club"]
SCAM_TLDS = ["cc", "biz", "me", "live", "pro", "top", "xyz", "vip", "club", "online", "store", "cyou", "site"]
