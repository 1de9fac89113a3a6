using System.Net;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// The broker's TCP listener: MQTTnet's own, but with the packet-size guard (<see cref="MqttFrameLimitStream"/>) on
/// every connection and a cap on how many are open at once. Everything else is the library's protocol handling.
/// </summary>
public sealed class GuardedTcpAdapter(MqttOptions settings, MqttMetrics metrics, ILogger<GuardedTcpAdapter> log) : IMqttServerAdapter
{
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private int _open;
    private int _disposed;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        _listener = new TcpListener(IPAddress.Parse(settings.BindAddress), settings.Port);
        try
        {
            _listener.Start();
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException(
                $"The MQTT broker cannot listen on {settings.BindAddress}:{settings.Port} ({ex.Message}). Set Mqtt:Port, or Mqtt:Enabled=false.", ex);
        }

        _ = Accept(options, logger);
        return Task.CompletedTask;
    }

    private async Task Accept(MqttServerOptions serverOptions, IMqttNetLogger mqttLogger)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors, say: wait a little rather than spin.
                log.LogDebug(ex, "MQTT accept failed");
                await Task.Delay(100);
                continue;
            }

            _ = Serve(socket, serverOptions, mqttLogger);
        }
    }

    private async Task Serve(Socket socket, MqttServerOptions serverOptions, IMqttNetLogger mqttLogger)
    {
        var open = Interlocked.Increment(ref _open);
        metrics.ConnectionOpened();
        MqttFrameLimitStream? stream = null;
        try
        {
            if (open > settings.MaxConnections || ClientHandler is not { } handler)
            {
                metrics.CountRefused("too-many-connections");
                return;
            }

            socket.NoDelay = true;
            stream = new MqttFrameLimitStream(new NetworkStream(socket, ownsSocket: false), settings.MaxPacketBytes);
            var channel = new MqttTcpChannel(stream, socket.LocalEndPoint, socket.RemoteEndPoint, null);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(serverOptions.WriterBufferSize, serverOptions.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, mqttLogger) { AllowPacketFragmentation = true };
            await handler(adapter);
        }
        catch (Exception ex)
        {
            // A client that breaks the protocol or the size limit loses its own connection and nothing else.
            log.LogDebug(ex, "MQTT connection from {Remote} ended", socket.RemoteEndPoint);
        }
        finally
        {
            // The library ends the connection itself when the guard cuts it off; the guard tells why.
            if (stream?.Refused == true) metrics.CountRefused("packet-too-large");
            Interlocked.Decrement(ref _open);
            metrics.ConnectionClosed();
            socket.Dispose();
        }
    }

    public Task StopAsync()
    {
        if (Volatile.Read(ref _disposed) == 0) _stopping.Cancel();
        _listener?.Stop();
        return Task.CompletedTask;
    }

    /// <summary>Both the MQTT server and the container dispose this adapter: the second time does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stopping.Cancel();
        _listener?.Stop();
        _stopping.Dispose();
    }
}
