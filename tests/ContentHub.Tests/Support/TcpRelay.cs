using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ContentHub.Tests.Support;

/// <summary>
/// A loopback port that relays connections to a server until <see cref="Cut"/>: then every relayed connection is
/// dropped and new ones are refused, as when a database server goes down, until <see cref="Restore"/>.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private TcpListener _listener;
    private CancellationTokenSource _running = new();

    public TcpRelay(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener = Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Cut()
    {
        _running.Cancel();
        _listener.Stop();
        while (_connections.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    public void Restore()
    {
        _running = new CancellationTokenSource();
        _listener = Listen(Port);
    }

    public void Dispose() => Cut();

    private TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener, _running.Token);
        return listener;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_host, _port, stop);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
                // The server is down: this connection is refused, the next one may find it back.
                server.Dispose();
                client.Dispose();
                continue;
            }

            _connections.Add(client);
            _connections.Add(server);
            _ = PumpAsync(client.GetStream(), server.GetStream(), stop);
            _ = PumpAsync(server.GetStream(), client.GetStream(), stop);
        }
    }

    private static async Task PumpAsync(Stream from, Stream to, CancellationToken stop)
    {
        try
        {
            await from.CopyToAsync(to, stop);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The relay was cut, or one side hung up: the other side sees its connection drop.
        }
        finally
        {
            await to.DisposeAsync();
        }
    }
}
