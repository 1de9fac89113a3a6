namespace ControlCenter.Host.Mqtt;

/// <summary>
/// Follows the MQTT framing of what a client sends and refuses a packet whose announced length is over the limit
/// before the broker sees that length. The broker allocates a packet's whole body from its fixed header (up to
/// 256 MiB, unauthenticated): without this, a few connections announcing huge packets could exhaust the host's memory.
/// The first packet (CONNECT, before any credential is checked) may be at most 64 KiB.
/// </summary>
public sealed class MqttFrameLimitStream(Stream inner, int maxPacketBytes) : Stream
{
    private const int MaxConnectBytes = 64 * 1024;

    private enum Part { Type, Length, Body }

    private Part _part = Part.Type;
    private int _length;
    private int _lengthBytes;
    private int _multiplier = 1;
    private long _bodyLeft;
    private bool _first = true;

    /// <summary>Set once this connection sent a packet over the limit or a malformed length (and was cut off).</summary>
    public bool Refused { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Inspect(buffer.AsSpan(offset, read));
        return read;
    }

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_part)
            {
                case Part.Type:
                    i++;
                    (_part, _length, _lengthBytes, _multiplier) = (Part.Length, 0, 0, 1);
                    break;
                case Part.Length:
                    ReadLengthByte(bytes[i++]);
                    break;
                default:
                    var skip = (int)Math.Min(_bodyLeft, bytes.Length - i);
                    i += skip;
                    _bodyLeft -= skip;
                    if (_bodyLeft == 0) _part = Part.Type;
                    break;
            }
        }
    }

    private void ReadLengthByte(byte value)
    {
        _length += (value & 0x7F) * _multiplier;
        _multiplier *= 128;
        if (++_lengthBytes > 4) throw Refuse("Malformed MQTT packet length.");
        if ((value & 0x80) != 0) return;
        var limit = _first ? Math.Min(maxPacketBytes, MaxConnectBytes) : maxPacketBytes;
        if (_length > limit) throw Refuse($"An MQTT packet of {_length} bytes is over the limit of {limit}.");
        _first = false;
        _bodyLeft = _length;
        _part = _length == 0 ? Part.Type : Part.Body;
    }

    private IOException Refuse(string why)
    {
        Refused = true;
        return new IOException(why);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
