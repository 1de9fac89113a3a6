"""Which named streets make up Hanoi's ring roads (vành đai), as the city names their sections.

The OSM lines we have carry street names but not the ring-road route relations, so the wall marks a line as
part of ring N when its name is in this list. Only sections whose membership is well established are listed;
an unlisted section is still drawn, as the main road it is.
"""

RING_STREETS = {
    1: {s.casefold() for s in (
        "Trần Khát Chân", "Đại Cồ Việt", "Xã Đàn", "Ô Chợ Dừa", "Hoàng Cầu", "Đê La Thành", "Hoàng Hoa Thám",
        "Yên Phụ", "Trần Nhật Duật", "Trân Nhật Duật", "Trần Quang Khải", "Đường Trần Quang Khải", "Nguyễn Khoái")},
    2: {s.casefold() for s in (
        "Minh Khai", "Đại La", "Trường Chinh", "Đường Láng", "Đường Bưởi", "Võ Chí Công", "Cầu Nhật Tân", "Cầu Vĩnh Tuy")},
    3: {s.casefold() for s in (
        "Đường vành đai 3", "Phạm Văn Đồng", "Phạm Hùng", "Khuất Duy Tiến", "Nguyễn Xiển", "Nghiêm Xuân Yêm",
        "Cầu Thăng Long", "Cầu Thanh Trì")},
}
