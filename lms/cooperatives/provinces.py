"""The 34 provincial-level units in force from 1 July 2025 (6 centrally-run cities and 28
provinces), with their national administrative codes and the former provinces merged into them.
Plain data, loaded by a migration."""

CITY = "city"
PROVINCE = "province"

# (code, name, kind, formed from)
PROVINCES = [
    ("01", "Hà Nội", CITY, ""),
    ("04", "Cao Bằng", PROVINCE, ""),
    ("08", "Tuyên Quang", PROVINCE, "Tuyên Quang, Hà Giang"),
    ("11", "Điện Biên", PROVINCE, ""),
    ("12", "Lai Châu", PROVINCE, ""),
    ("14", "Sơn La", PROVINCE, ""),
    ("15", "Lào Cai", PROVINCE, "Lào Cai, Yên Bái"),
    ("19", "Thái Nguyên", PROVINCE, "Thái Nguyên, Bắc Kạn"),
    ("20", "Lạng Sơn", PROVINCE, ""),
    ("22", "Quảng Ninh", PROVINCE, ""),
    ("24", "Bắc Ninh", PROVINCE, "Bắc Ninh, Bắc Giang"),
    ("25", "Phú Thọ", PROVINCE, "Phú Thọ, Vĩnh Phúc, Hòa Bình"),
    ("31", "Hải Phòng", CITY, "Hải Phòng, Hải Dương"),
    ("33", "Hưng Yên", PROVINCE, "Hưng Yên, Thái Bình"),
    ("37", "Ninh Bình", PROVINCE, "Ninh Bình, Hà Nam, Nam Định"),
    ("38", "Thanh Hóa", PROVINCE, ""),
    ("40", "Nghệ An", PROVINCE, ""),
    ("42", "Hà Tĩnh", PROVINCE, ""),
    ("44", "Quảng Trị", PROVINCE, "Quảng Trị, Quảng Bình"),
    ("46", "Huế", CITY, ""),
    ("48", "Đà Nẵng", CITY, "Đà Nẵng, Quảng Nam"),
    ("51", "Quảng Ngãi", PROVINCE, "Quảng Ngãi, Kon Tum"),
    ("52", "Gia Lai", PROVINCE, "Gia Lai, Bình Định"),
    ("56", "Khánh Hòa", PROVINCE, "Khánh Hòa, Ninh Thuận"),
    ("66", "Đắk Lắk", PROVINCE, "Đắk Lắk, Phú Yên"),
    ("68", "Lâm Đồng", PROVINCE, "Lâm Đồng, Đắk Nông, Bình Thuận"),
    ("75", "Đồng Nai", PROVINCE, "Đồng Nai, Bình Phước"),
    ("79", "Thành phố Hồ Chí Minh", CITY, "Thành phố Hồ Chí Minh, Bình Dương, Bà Rịa – Vũng Tàu"),
    ("80", "Tây Ninh", PROVINCE, "Tây Ninh, Long An"),
    ("82", "Đồng Tháp", PROVINCE, "Đồng Tháp, Tiền Giang"),
    ("86", "Vĩnh Long", PROVINCE, "Vĩnh Long, Bến Tre, Trà Vinh"),
    ("91", "An Giang", PROVINCE, "An Giang, Kiên Giang"),
    ("92", "Cần Thơ", CITY, "Cần Thơ, Sóc Trăng, Hậu Giang"),
    ("96", "Cà Mau", PROVINCE, "Cà Mau, Bạc Liêu"),
]
