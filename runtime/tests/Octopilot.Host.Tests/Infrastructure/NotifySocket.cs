using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>
/// A Unix datagram socket the test binds and hands to a child process as $NOTIFY_SOCKET, standing in for systemd:
/// every sd_notify datagram is kept with the time it arrived.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _reader;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(double AtS, string Text)> _messages = new();
    private volatile bool _closed;

    public NotifySocket(string path)
    {
        Path = path;
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _socket.ReceiveTimeout = 200;
        _reader = new Thread(Read) { IsBackground = true, Name = "notify-socket" };
        _reader.Start();
    }

    public string Path { get; }

    public double NowS => _clock.Elapsed.TotalSeconds;

    public IReadOnlyList<(double AtS, string Text)> Messages => _messages.ToArray();

    /// <summary>Waits until a message containing <paramref name="line"/> arrives; its arrival time, or null on timeout.</summary>
    public double? WaitFor(string line, TimeSpan timeout, double afterS = 0)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            foreach ((double at, string text) in _messages)
            {
                if (at >= afterS && text.Split('\n').Contains(line))
                {
                    return at;
                }
            }

            Thread.Sleep(20);
        }

        return null;
    }

    public int Count(string line, double fromS, double toS) =>
        _messages.Count(m => m.AtS >= fromS && m.AtS < toS && m.Text.Split('\n').Contains(line));

    public void Dispose()
    {
        _closed = true;
        _reader.Join(1000);
        _socket.Dispose();
        File.Delete(Path);
    }

    private void Read()
    {
        var buffer = new byte[4096];
        while (!_closed)
        {
            try
            {
                int n = _socket.Receive(buffer);
                _messages.Enqueue((NowS, Encoding.UTF8.GetString(buffer, 0, n)));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
            {
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }
}
