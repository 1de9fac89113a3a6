namespace ControlCenter.Host.Open.Ngsi;

/// <summary>The NGSI-LD attribute kinds this surface publishes (their names are the wire's <c>type</c>).</summary>
public enum NgsiLdAttributeKind
{
    Property,
    GeoProperty,
    Relationship,
}
