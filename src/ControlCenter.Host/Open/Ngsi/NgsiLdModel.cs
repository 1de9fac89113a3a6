using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// One FIWARE Smart Data Model as this centre publishes it: which catalogue items it covers, which attributes
/// it fills from their state, and which live topic its answers depend on (the output cache keys on that topic).
/// </summary>
public abstract class NgsiLdModel
{
    /// <summary>The entity type, as the Smart Data Model names it.</summary>
    public abstract string Type { get; }

    /// <summary>The <see cref="OpenCity"/> topic whose changes can change this type's entities.</summary>
    public abstract string Topic { get; }

    /// <summary>The Smart Data Models subject (<c>dataModel.{Subject}</c>) whose JSON-LD context defines the attributes.</summary>
    protected abstract string Subject { get; }

    public string Context => $"https://raw.githubusercontent.com/smart-data-models/dataModel.{Subject}/master/context.jsonld";

    /// <summary>Every catalogue id this type covers, in catalogue order.</summary>
    public abstract IEnumerable<string> Ids(CityCatalog catalog);

    /// <summary>The entity; null when the id is not one of this type's, or there is nothing to publish yet.</summary>
    public abstract NgsiLdEntity? Entity(string catalogueId, NgsiLdSource source);

    public IEnumerable<NgsiLdEntity> Entities(NgsiLdSource source) =>
        Ids(source.Catalog).Select(id => Entity(id, source)).OfType<NgsiLdEntity>();
}
