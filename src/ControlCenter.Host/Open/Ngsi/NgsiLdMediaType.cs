namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// The two media types NGSI-LD answers in: JSON-LD with <c>@context</c> in the body (our default), or plain JSON
/// with the context in a <c>Link</c> header, for clients that ask for <c>application/json</c> over JSON-LD.
/// </summary>
public enum NgsiLdMediaType
{
    JsonLd,
    Json,
}
