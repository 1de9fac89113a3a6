using static ControlCenter.Domain.Alerts.AlertDomains;

namespace ControlCenter.Domain.Alerts;

/// <summary>
/// Every rule the control centre runs, with its standard operating procedure. The numbers rules compare
/// against live in the threshold packs; this is only what each rule is called and what responders do.
/// </summary>
public static class AlertRules
{
    public const string AirQuality = "air.aqi-poor";
    public const string LowOxygen = "water.do-low";
    public const string LakeClass = "water.class-exceeded";
    public const string HeavyRain = "rain.heavy";
    public const string FloodDepth = "flood.depth";
    public const string TrafficJam = "traffic.jam";
    public const string LotFull = "parking.lot-full";
    public const string SensorSilent = "health.sensor-silent";
    public const string StormFlooding = "cross.storm-flooding";
    public const string FloodTraffic = "cross.flood-traffic";
    public const string FloodParking = "cross.flood-parking";
    public const string TrafficAir = "cross.traffic-air";
    public const string RainLake = "cross.rain-westlake";
    public const string ZoneOutage = "cross.zone-outage";
    public const string Overcrowded = "tourism.overcrowded";
    public const string CrowdAir = "cross.crowd-air";
    public const string WalkingStreetTraffic = "cross.walking-street-traffic";
    public const string RainWalkingStreet = "cross.rain-walking-street";
    public const string Manual = "manual";
    public const string EgovOnTime = "egov.on-time-below-target";

    private static readonly SopText Verify = new("Xác minh số liệu cảm biến và camera gần nhất", "Verify the sensor data and the nearest camera");
    private static readonly SopText Record = new("Ghi kết quả xử lý vào nhật ký", "Record the outcome in the log");

    public static readonly IReadOnlyList<RuleDefinition> All =
    [
        new(AirQuality, "Chất lượng không khí kém", "Poor air quality", [AlertDomains.Air], false,
        [
            Verify,
            new("Thông báo khuyến cáo sức khỏe trên cổng thông tin", "Publish the health advisory on the city portal"),
            new("Báo Sở Tài nguyên và Môi trường", "Inform the Department of Natural Resources and Environment"),
            Record,
        ]),
        new(LowOxygen, "Ôxy hòa tan thấp ở Hồ Tây", "Low dissolved oxygen in West Lake", [Water], false,
        [
            Verify,
            new("Bật máy sục khí gần trạm", "Start the aerators near the station"),
            new("Cử đội kiểm tra cá chết", "Send a crew to check for dead fish"),
            Record,
        ]),
        new(LakeClass, "Nước Hồ Tây vượt giới hạn QCVN 08", "West Lake water beyond its QCVN 08 class", [Water], false,
        [Verify, new("Lấy mẫu đối chứng gửi phòng thí nghiệm", "Take a control sample to the laboratory"), Record]),
        new(HeavyRain, "Mưa lớn", "Heavy rain", [Rain], false,
        [
            Verify,
            new("Kiểm tra các trạm bơm thoát nước", "Check the drainage pumping stations"),
            new("Cảnh báo các điểm hay ngập", "Warn the usual flooding spots"),
            Record,
        ]),
        new(FloodDepth, "Ngập trên đường", "Street flooding", [Flood], false,
        [
            Verify,
            new("Đặt biển cảnh báo và phân luồng", "Place warning signs and divert traffic"),
            new("Điều xe bơm cơ động", "Dispatch a mobile pump"),
            Record,
        ]),
        new(TrafficJam, "Ùn tắc giao thông", "Traffic jam", [Traffic], false,
        [
            Verify,
            new("Điều chỉnh pha đèn tín hiệu", "Adjust the signal timing"),
            new("Cử cảnh sát giao thông đến nút", "Send traffic police to the junction"),
            Record,
        ]),
        new(LotFull, "Bãi đỗ xe đầy", "Parking lot full", [AlertDomains.Parking], false,
        [new("Hướng dẫn xe sang bãi gần nhất còn chỗ", "Direct drivers to the nearest lot with spaces"), Record]),
        new(SensorSilent, "Cảm biến mất tín hiệu", "Sensor silent", [SensorHealth], false,
        [
            new("Kiểm tra nguồn điện và kết nối của cảm biến", "Check the sensor's power and connection"),
            new("Tạo phiếu bảo trì", "Open a maintenance ticket"),
            Record,
        ]),
        new(StormFlooding, "Ngập úng", "Storm flooding", [Rain, Flood], true,
        [
            new("Kích hoạt phương án chống ngập của quận", "Activate the district flood plan"),
            new("Vận hành tối đa các trạm bơm", "Run the pumping stations at full capacity"),
            new("Phân luồng giao thông tránh điểm ngập", "Divert traffic around the flooded streets"),
            new("Thông báo cho người dân qua cổng thông tin", "Notify residents through the city portal"),
            Record,
        ]),
        new(FloodTraffic, "Ngập gây ùn tắc tại nút giao", "Flooding jams a junction", [Flood, Traffic], true,
        [
            new("Cử cảnh sát giao thông phân luồng", "Send traffic police to divert traffic"),
            new("Chuyển đèn tín hiệu sang chế độ ưu tiên hướng thoát", "Switch the signals to favour the exits"),
            Record,
        ]),
        new(FloodParking, "Bãi đỗ xe bị ngập", "Parking lot flooded", [Flood, AlertDomains.Parking], true,
        [
            new("Đóng bãi và hướng dẫn xe sang bãi khác", "Close the lot and direct drivers elsewhere"),
            new("Thông báo chủ xe đang gửi để di chuyển xe", "Ask owners of parked vehicles to move them"),
            Record,
        ]),
        new(TrafficAir, "Điểm nóng ô nhiễm do ùn tắc", "Pollution hotspot from congestion", [Traffic, AlertDomains.Air], true,
        [
            new("Giảm ùn tắc: điều chỉnh pha đèn, phân luồng", "Ease the jam: retime the signals, divert traffic"),
            new("Khuyến cáo sức khỏe cho khu vực", "Issue a local health advisory"),
            Record,
        ]),
        new(RainLake, "Nguy cơ cá chết ở Hồ Tây", "Fish-kill risk in West Lake", [Rain, Water], true,
        [
            new("Bật toàn bộ máy sục khí", "Start every aerator"),
            new("Kiểm tra các cửa xả nước mưa vào hồ", "Inspect the storm-water outfalls into the lake"),
            new("Chuẩn bị đội vớt cá", "Ready the fish-recovery crew"),
            Record,
        ]),
        new(ZoneOutage, "Mất kết nối cảm biến khu vực", "Zone sensor outage", [SensorHealth], true,
        [
            new("Kiểm tra mạng và nguồn điện của khu vực", "Check the zone's network and power"),
            new("Báo nhà cung cấp viễn thông", "Inform the telecom provider"),
            Record,
        ]),
        new(Overcrowded, "Quá tải khách tại điểm du lịch", "Tourist point overcrowded", [Tourism], false,
        [
            Verify,
            new("Điều lực lượng hướng dẫn, phân luồng khách tại cổng", "Send stewards to direct visitors at the gates"),
            new("Tạm dừng cho khách vào đến khi giảm tải", "Hold entries until the crowd thins"),
            new("Gợi ý điểm tham quan khác trên cổng thông tin", "Suggest other sights on the city portal"),
            Record,
        ]),
        new(CrowdAir, "Khuyến cáo sức khỏe cho du khách", "Health advisory for visitors", [Tourism, AlertDomains.Air], true,
        [
            new("Phát khuyến cáo sức khỏe tại điểm du lịch và trên cổng thông tin", "Announce the health advisory at the site and on the city portal"),
            new("Khuyên người già, trẻ em hạn chế ở lâu ngoài trời", "Advise older people and children to limit time outdoors"),
            new("Chuẩn bị khẩu trang tại điểm hướng dẫn", "Stock face masks at the information points"),
            Record,
        ]),
        new(WalkingStreetTraffic, "Phân luồng giao thông quanh phố đi bộ", "Traffic diversion round the walking street", [Tourism, Traffic], true,
        [
            new("Cử cảnh sát giao thông đến nút giáp phố đi bộ", "Send traffic police to the junction at the walking street's edge"),
            new("Điều chỉnh pha đèn theo phương án phân luồng cuối tuần", "Retime the signals to the weekend diversion plan"),
            new("Thông báo tuyến tránh trên bảng điện tử và cổng thông tin", "Post the detour on the road signs and the city portal"),
            Record,
        ]),
        new(RainWalkingStreet, "Mưa lớn trong giờ phố đi bộ", "Heavy rain during walking-street hours", [Tourism, Rain], true,
        [
            new("Phát loa hướng dẫn du khách vào nơi trú mưa", "Announce the nearest shelters to visitors"),
            new("Kiểm tra cây xanh, biển quảng cáo, sân khấu ngoài trời", "Check trees, hoardings and open-air stages"),
            new("Sẵn sàng tạm dừng các hoạt động ngoài trời", "Be ready to pause the open-air events"),
            Record,
        ]),
        new(Manual, "Cảnh báo thủ công", "Manual alert", [], false, [Verify, Record]),
        new(EgovOnTime, "Tỷ lệ giải quyết hồ sơ đúng hạn dưới chỉ tiêu", "On-time settlement below target", [AlertDomains.Egov], false,
        [
            new("Đối chiếu số liệu với hệ thống một cửa của sở", "Check the figures against the department's one-stop system"),
            new("Yêu cầu sở báo cáo hồ sơ quá hạn và nguyên nhân", "Ask the department to report its overdue applications and why"),
            new("Gửi văn bản xin lỗi người dân có hồ sơ trễ hạn theo quy định", "Have the department send the required apology to applicants it kept waiting"),
            new("Báo Sở Nội vụ (cải cách hành chính) để theo dõi", "Inform the Department of Home Affairs (administrative reform) to follow up"),
            Record,
        ]),
    ];

    private static readonly Dictionary<string, RuleDefinition> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static RuleDefinition? Find(string ruleId) => ById.GetValueOrDefault(ruleId);

    public static RuleDefinition Get(string ruleId) =>
        Find(ruleId) ?? throw new ArgumentException($"No alert rule '{ruleId}'.", nameof(ruleId));
}
