using Microsoft.Extensions.Hosting.Systemd;

namespace Octopilot.Host.Service;

/// <summary>
/// sd_notify messages through the hosting package's <see cref="SystemdNotifier"/> (a datagram to $NOTIFY_SOCKET; a
/// no-op when the variable is absent, as outside systemd). Sent by the service itself rather than by the package's
/// lifetime, because READY=1 must wait for the cameras and WATCHDOG=1 must depend on progress, and because the
/// package's lifetime only switches on when systemd is the parent process (the tests own the socket instead).
/// </summary>
internal sealed class ServiceNotifications
{
    private readonly ISystemdNotifier _notifier;

    public ServiceNotifications(ISystemdNotifier notifier)
    {
        _notifier = notifier;
    }

    public bool Enabled => _notifier.IsEnabled;

    public void Ready(string status) => Send($"READY=1\nSTATUS={status}");

    public void Stopping() => Send("STOPPING=1\nSTATUS=stopping");

    public void Watchdog() => Send("WATCHDOG=1");

    public void Status(string status) => Send($"STATUS={status}");

    private void Send(string message)
    {
        if (_notifier.IsEnabled)
        {
            _notifier.Notify(new ServiceState(message));
        }
    }
}
