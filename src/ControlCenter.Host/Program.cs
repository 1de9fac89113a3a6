using ControlCenter.Host.Api;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Ingest;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

var catalog = builder.LoadCatalog();
builder.AddCitySilo(catalog);
builder.AddIngestAndHistory();
builder.AddCityApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapIngest();
app.MapCatalog();
app.MapEntities();
app.MapHistory();
app.MapMetrics();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready");

app.Run();

/// <summary>Visible to WebApplicationFactory in the host tests.</summary>
public partial class Program;
