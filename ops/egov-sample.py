#!/usr/bin/env python3
"""Writes src/ControlCenter.Host/Egov/sample-2017.csv: the e-government figures the host loads in Development.

Only the city totals are the programme's: 1,856 administrative procedures under the city's authority and
97.33 % of applications settled on time in 2017. The split over departments and months is illustrative
(docs/egov.md). Every month's city total rounds to 97.33 % too, so the wall's latest-month tile shows the
programme's figure; Sở Tư pháp (the busiest desk) absorbs the rounding. Deterministic: same file every run.
"""
import csv
import io
import pathlib
import random

# id, name, English name, procedures in force, applications a month, usual on-time rate, share online at level 3, at level 4
DEPARTMENTS = [
    ("ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", 150, 5200, 0.985, 0.45, 0.20),
    ("xay-dung", "Sở Xây dựng", "Department of Construction", 96, 1400, 0.962, 0.30, 0.05),
    ("tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment", 121, 2600, 0.955, 0.25, 0.03),
    ("giao-thong-van-tai", "Sở Giao thông vận tải", "Department of Transport", 190, 9800, 0.978, 0.40, 0.15),
    ("tu-phap", "Sở Tư pháp", "Department of Justice", 160, 11000, 0.975, 0.35, 0.10),
    ("y-te", "Sở Y tế", "Department of Health", 200, 2300, 0.972, 0.30, 0.06),
    ("giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "Department of Education and Training", 110, 1900, 0.982, 0.35, 0.10),
    ("lao-dong-thuong-binh-xa-hoi", "Sở Lao động – Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs", 115, 3100, 0.968, 0.30, 0.05),
    ("cong-thuong", "Sở Công Thương", "Department of Industry and Trade", 150, 2800, 0.979, 0.42, 0.18),
    ("nong-nghiep-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development", 125, 900, 0.976, 0.28, 0.04),
    ("van-hoa-the-thao", "Sở Văn hóa và Thể thao", "Department of Culture and Sports", 80, 700, 0.981, 0.30, 0.08),
    ("du-lich", "Sở Du lịch", "Department of Tourism", 35, 450, 0.987, 0.40, 0.20),
    ("thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "Department of Information and Communications", 55, 600, 0.990, 0.55, 0.30),
    ("tai-chinh", "Sở Tài chính", "Department of Finance", 85, 1500, 0.983, 0.40, 0.12),
    ("noi-vu", "Sở Nội vụ", "Department of Home Affairs", 90, 800, 0.980, 0.30, 0.08),
    ("khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "Department of Science and Technology", 70, 500, 0.984, 0.38, 0.12),
    ("quy-hoach-kien-truc", "Sở Quy hoạch – Kiến trúc", "Department of Planning and Architecture", 24, 650, 0.958, 0.25, 0.04),
]
PROCEDURES = 1856
TARGET = 0.9733
BALANCING = "tu-phap"
# Months in which a department falls below the 95 % target (the alert's material): department -> {month: rate}.
SLIPS = {
    "tai-nguyen-moi-truong": {3: 0.938, 12: 0.931},
    "xay-dung": {6: 0.942},
    "quy-hoach-kien-truc": {8: 0.889},
}
# Tết (late January 2017) empties the desks for a week; the year-end rush fills them.
SEASON = [0.95, 0.72, 1.05, 1.00, 1.02, 1.00, 0.98, 1.00, 1.03, 1.05, 1.06, 1.14]


def rows():
    assert sum(d[3] for d in DEPARTMENTS) == PROCEDURES, sum(d[3] for d in DEPARTMENTS)
    rng = random.Random(2017)
    out = []
    for m in range(1, 13):
        month = []
        for (dep, name, name_en, procedures, monthly, rate, l3, l4) in DEPARTMENTS:
            received = round(monthly * SEASON[m - 1] * rng.uniform(0.93, 1.07))
            settled = round(received * rng.uniform(0.95, 1.01))
            r = SLIPS.get(dep, {}).get(m, min(0.999, rate + rng.uniform(-0.006, 0.006)))
            on_time = round(settled * r)
            overdue = round((settled - on_time) * rng.uniform(0.2, 0.6))
            # Online services grow over the year (level 4 faster, from level 3).
            level4 = round(procedures * l4 * (0.8 + 0.4 * m / 12))
            level3 = min(procedures - level4, round(procedures * l3 * (0.95 + 0.1 * m / 12)))
            month.append([dep, name, name_en, f"2017-{m:02d}", procedures, received, settled, on_time, overdue, level3, level4])
        settled_total = sum(r[6] for r in month)
        wanted = round(TARGET * settled_total)
        balancing = next(r for r in month if r[0] == BALANCING)
        balancing[7] += wanted - sum(r[7] for r in month)
        assert 0.95 * balancing[6] <= balancing[7] <= balancing[6], (m, balancing)
        assert f"{100 * wanted / settled_total:.2f}" == "97.33", (m, wanted, settled_total)
        out.extend(month)
    settled = sum(r[6] for r in out)
    on_time = sum(r[7] for r in out)
    assert f"{100 * on_time / settled:.2f}" == "97.33", (on_time, settled)
    return out


def main():
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["department", "name", "nameEn", "month", "proceduresInForce", "applicationsReceived", "settled",
                     "settledOnTime", "overdue", "onlineLevel3", "onlineLevel4"])
    writer.writerows(rows())
    path = pathlib.Path(__file__).resolve().parent.parent / "src/ControlCenter.Host/Egov/sample-2017.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
