using System.Net;
using ControlCenter.Contracts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using ControlCenter.Storage;
using ControlCenter.Storage.GrainState;
using ControlCenter.Storage.Schema;
using Orleans.Configuration;
using Orleans.Storage;

namespace ControlCenter.Host.Hosting;

/// <summary>Composes the Orleans silo for the configured storage profile.</summary>
public static class SiloConfiguration
{
    public static WebApplicationBuilder AddCitySilo(this WebApplicationBuilder builder, CityCatalog catalog)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ResolveConnectionString();
        if (!GrainStateStores.IsKnown(database.GrainStateStore))
            throw new InvalidOperationException($"Storage:GrainStateStore is '{database.GrainStateStore}'; use '{GrainStateStores.GroupCommit}' or '{GrainStateStores.AdoNet}'.");
        var adoNetOnly = database.GrainStateStore == GrainStateStores.AdoNet;

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = silo.ShutdownTimeout);
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton<CityDatabase>();
        builder.Services.AddExceptionHandler<ClusterUnavailable>();
        // Registered before the silo so the schema exists before Orleans touches storage or membership.
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.AddSharedKeyRing();
        builder.Services.AddCityModel(catalog, ThresholdPacks.Defaults, TimeProvider.System, o =>
        {
            o.HealthCheckPeriod = silo.HealthCheckPeriod;
            o.AggregateFlushPeriod = silo.AggregateFlushPeriod;
            o.RuleEvaluationPeriod = silo.RuleEvaluationPeriod;
            o.CheckpointPeriod = silo.CheckpointPeriod;
            o.CheckpointAfterRows = silo.CheckpointAfterRows;
            o.CheckpointMaxAge = silo.CheckpointMaxAge;
            o.SweepPeriod = silo.SweepPeriod;
        });

        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o => { o.ClusterId = silo.ClusterId; o.ServiceId = silo.ServiceId; });
            if (silo.SweepPeriod < TimeSpan.FromMinutes(1)) orleans.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = silo.SweepPeriod);
            // Orleans:Membership:ProbeTimeout, NumMissedProbesLimit, DeathVoteExpirationTimeout…: how soon a dead silo is
            // declared dead (Orleans' defaults unless set; the cluster tests shorten them).
            orleans.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(SiloOptions.Section + ":Membership"));
            // Orleans' ADO.NET provider: the grains' store itself with Storage:GrainStateStore=adonet; otherwise only the
            // reader of what earlier releases wrote.
            var adoNetName = adoNetOnly ? StorageNames.GrainStore : GroupCommitGrainStorage.LegacyAdoNetName;
            orleans.AddAdoNetGrainStorage(adoNetName, o =>
            {
                o.Invariant = database.Invariant;
                o.ConnectionString = connectionString;
                // A cleared state is deleted, not kept as an empty row: the plate index must not remember plates.
                o.DeleteStateOnClear = true;
            });
            // Orleans' binary serializer: compact, fast, and it round-trips the immutable collections in grain state.
            orleans.Services.AddOptions<AdoNetGrainStorageOptions>(adoNetName)
                .Configure<Orleans.Serialization.Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            // The grains' store: group commit into grain_state (Orleans' binary serializer by default); the provider
            // above only reads what earlier releases wrote.
            if (!adoNetOnly)
                orleans.AddGroupCommitGrainStorage(StorageNames.GrainStore, o => o.LegacyStorageName = GroupCommitGrainStorage.LegacyAdoNetName);

            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                var advertised = IPAddress.Parse(silo.AdvertisedAddress);
                if (silo.Kubernetes)
                {
                    // Kubernetes hosting 10.4.2 leaves the address Orleans picked by itself (the machine's) in place of POD_IP
                    // (KubernetesHostingTests), so the pod's IP comes in as Orleans:AdvertisedAddress (k8s/base/deployment.yaml).
                    if (IPAddress.IsLoopback(advertised))
                        throw new InvalidOperationException("Orleans:Kubernetes is true but Orleans:AdvertisedAddress is a loopback address: set Orleans__AdvertisedAddress from the pod's IP (fieldRef status.podIP).");
                    // Names the silo after its pod and declares silos whose pods are gone dead at once.
                    orleans.UseKubernetesHosting();
                }

                orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: silo.Kubernetes || silo.AdvertisedAddress != "127.0.0.1");
                orleans.UseAdoNetClustering(o => { o.Invariant = database.Invariant; o.ConnectionString = connectionString; });
                orleans.UseAdoNetReminderService(o => { o.Invariant = database.Invariant; o.ConnectionString = connectionString; });
            }
            else
            {
                if (silo.Kubernetes)
                    throw new InvalidOperationException("Orleans:Kubernetes is true but Storage:Provider is Sqlite: silos in Kubernetes find each other through PostgreSQL; set Storage__Provider=PostgreSql and Storage__ConnectionString.");
                // SQLite has grain storage only: one silo on this machine, in-memory reminders.
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
                orleans.UseInMemoryReminderService();
            }
        });
        return builder;
    }
}
