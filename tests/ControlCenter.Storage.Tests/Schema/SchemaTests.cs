using ControlCenter.Storage.Schema;
using ControlCenter.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlCenter.Storage.Tests.Schema;

public class SchemaTests
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Schema_AppliedAgainOnAnExistingDatabase_Succeeds(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);

        // Every start applies the whole schema again: each script must be idempotent.
        await new SchemaInitializer(test.Database, NullLogger<SchemaInitializer>.Instance).StartAsync(CancellationToken.None);

        await using var connection = await test.Database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection, "SELECT COUNT(*) FROM grain_state");
        Assert.That(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.Zero);
    }
}
