namespace ControlCenter.Host.Hosting;

/// <summary>Endpoints that change what the cluster gauges count mark the <see cref="ClusterSnapshot"/> stale.</summary>
public static class ClusterSnapshotFilter
{
    public static RouteGroupBuilder MarksClusterSnapshotStale(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        var result = await next(context);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method))
            context.HttpContext.RequestServices.GetRequiredService<ClusterSnapshot>().MarkStale();
        return result;
    });
}
