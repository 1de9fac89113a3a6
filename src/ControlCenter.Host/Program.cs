using ControlCenter.Host.Alerts;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Credentials;
using ControlCenter.Host.Drills;
using ControlCenter.Host.Egov;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.Mqtt;
using ControlCenter.Host.Open;
using ControlCenter.Host.Parking;
using ControlCenter.Host.People;
using ControlCenter.Host.Wall;
using ControlCenter.Host.Webhooks;

if (PasswordHashCommand.TryRun(args)) return;

var builder = WebApplication.CreateBuilder(args);

var catalog = builder.LoadCatalog();
builder.AddCitySilo(catalog);
builder.AddServiceDefaults();
builder.AddIngestAndHistory();
builder.AddPeople();
builder.AddLiveFeed();
builder.AddAccessPolicies();
builder.AddMachineCredentials();
builder.AddCityApi();
builder.AddAlerts();
builder.AddWall();
builder.AddParking(catalog);
builder.AddMqtt();
builder.AddWebhooks();
builder.AddOpenData();
builder.AddEgov();
builder.AddApiDocumentation();

var app = builder.Build();

// A body that is not the JSON an endpoint takes is the caller's mistake (400), not the server's.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
// The wall's files (scripts, styles, the basemap) are public: the login page needs them.
app.UseStaticFiles(WallConfiguration.StaticFiles());
app.UseRequestLocalization();
app.UseCors();
app.UseOpenSurfaceCounting();
// The rate limiter goes first, so that guessing keys is limited too (unknown keys share a small bucket).
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOpenSurface();
app.UseAntiforgery();
var api = app.MapGroup("/api/v1");
app.MapApiDocumentation();
api.MapAuth();
app.MapSingleSignOn();
api.MapAudit();
api.MapCredentials();
api.MapIngest();
api.MapCatalog();
api.MapEntities();
api.MapHistory();
api.MapAlerts();
api.MapIncidentReports();
api.MapSilences();
api.MapThresholds();
app.MapHub<LiveHub>(LiveHub.Path);
app.MapWall();
api.MapDrills();
api.MapParking();
api.MapParkingHolds();
api.MapParkingSessions();
api.MapWebhooks();
api.MapPublicWarnings();
app.MapPublicSurface();
api.MapEgov();
app.MapServiceDefaults();

app.Run();

/// <summary>Visible to WebApplicationFactory in the host tests.</summary>
public partial class Program;
