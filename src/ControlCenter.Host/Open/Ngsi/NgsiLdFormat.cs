namespace ControlCenter.Host.Open.Ngsi;

/// <summary>The two representations of an entity: every attribute typed (the default), or plain key-values.</summary>
public enum NgsiLdFormat
{
    Normalized,
    KeyValues,
}
