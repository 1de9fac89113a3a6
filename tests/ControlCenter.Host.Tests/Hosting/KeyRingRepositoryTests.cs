using System.Xml.Linq;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Storage;
using ControlCenter.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Tests.Hosting;

/// <summary><see cref="DatabaseXmlRepository"/> on both databases, with the centre's schema applied.</summary>
public class KeyRingRepositoryTests
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task StoreElement_SeveralElements_AnotherRepositoryReadsThemAll(DatabaseProvider provider)
    {
        await using var test = await KeyRingDatabase.Create(provider);
        var elements = Enumerable.Range(1, 3).Select(i => new XElement("key", new XAttribute("id", i), new XElement("secret", $"s{i}"))).ToList();
        var writer = new DatabaseXmlRepository(test.Database, TimeProvider.System);

        foreach (var (element, i) in elements.Select((e, i) => (e, i))) writer.StoreElement(element, $"key-{i}");

        var read = new DatabaseXmlRepository(test.Database, TimeProvider.System).GetAllElements();
        Assert.That(read.Select(e => e.ToString()), Is.EquivalentTo(elements.Select(e => e.ToString())));
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task StoreElement_NameAlreadyTaken_KeepsBothElements(DatabaseProvider provider)
    {
        await using var test = await KeyRingDatabase.Create(provider);
        var repository = new DatabaseXmlRepository(test.Database, TimeProvider.System);
        var first = new XElement("revocation", new XAttribute("n", 1));
        var second = new XElement("revocation", new XAttribute("n", 2));

        repository.StoreElement(first, "revocation-20261201T000000Z");
        repository.StoreElement(second, "revocation-20261201T000000Z");
        repository.StoreElement(new XElement("unnamed"), "");

        Assert.That(repository.GetAllElements().Select(e => e.ToString()),
            Is.EquivalentTo(new[] { first.ToString(), second.ToString(), new XElement("unnamed").ToString() }));
    }

    /// <summary>A database of the test's own: a SQLite file in a temporary folder or a fresh PostgreSQL database.</summary>
    private sealed class KeyRingDatabase : IAsyncDisposable
    {
        private TempDirectory? _directory;
        private PostgresDatabase? _postgres;

        public CityDatabase Database { get; private set; } = null!;

        public static async Task<KeyRingDatabase> Create(DatabaseProvider provider)
        {
            var test = new KeyRingDatabase();
            var options = new DatabaseOptions { Provider = provider };
            if (provider == DatabaseProvider.Sqlite)
            {
                test._directory = new TempDirectory();
                options.DataDirectory = test._directory.Path;
            }
            else
            {
                test._postgres = await PostgresDatabase.Create();
                options.ConnectionString = test._postgres.ConnectionString;
            }

            test.Database = new CityDatabase(Options.Create(options));
            await new SchemaInitializer(test.Database, NullLogger<SchemaInitializer>.Instance).StartAsync(CancellationToken.None);
            return test;
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgres is not null) await _postgres.DisposeAsync();
            if (_directory is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                _directory.Dispose();
            }
        }
    }
}
