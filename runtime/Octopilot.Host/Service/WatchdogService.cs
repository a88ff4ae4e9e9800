using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Octopilot.Host.Service;

/// <summary>
/// Pings systemd's watchdog (WATCHDOG=1) at half of $WATCHDOG_USEC, and only while the car is making progress: at
/// least <see cref="WatchdogSection.MinTicksPerPing"/> planner ticks and <see cref="WatchdogSection.MinSetsPerPing"/>
/// perceived frame sets since the previous ping. A stalled tick thread or a dead pipeline stops the pings, and systemd
/// kills and restarts the service after WatchdogSec. Runs on its own timer, never on the tick thread.
/// </summary>
internal sealed partial class WatchdogService : BackgroundService
{
    private readonly DrivingService _driving;
    private readonly ServiceNotifications _notifications;
    private readonly WatchdogSection _options;
    private readonly ILogger<WatchdogService> _logger;

    public WatchdogService(DrivingService driving, ServiceNotifications notifications, ServiceOptions options, ILogger<WatchdogService> logger)
    {
        _driving = driving;
        _notifications = notifications;
        _options = options.Watchdog;
        _logger = logger;
    }

    /// <summary>Pings sent (tests read it through the socket; the count is for the log).</summary>
    public long Pings { get; private set; }

    /// <summary>The ping interval from $WATCHDOG_USEC (half of it), or null when systemd did not ask for a watchdog.</summary>
    public static TimeSpan? IntervalFromEnvironment()
    {
        string? usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        if (usec is null || !long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out long microseconds) || microseconds <= 0)
        {
            return null;
        }

        // WATCHDOG_PID, when set, names the process the watchdog is meant for.
        string? pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (pid is not null && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromTicks(microseconds * 10 / 2);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (IntervalFromEnvironment() is not TimeSpan interval)
        {
            return;
        }

        LogInterval(_logger, interval.TotalMilliseconds);
        long lastTicks = -1, lastSets = -1;
        bool stalledLogged = false;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            DrivingStack? stack = _driving.Stack;
            if (stack is null)
            {
                continue; // not ready yet (or stopping): no pings, systemd's start timeout covers start-up
            }

            long ticks = stack.TicksStepped, sets = stack.SetsPerceived;
            bool progressing = lastTicks >= 0 && ticks - lastTicks >= _options.MinTicksPerPing && sets - lastSets >= _options.MinSetsPerPing;
            bool first = lastTicks < 0;
            lastTicks = ticks;
            lastSets = sets;
            if (first || progressing)
            {
                _notifications.Watchdog();
                Pings++;
                stalledLogged = false;
            }
            else if (!stalledLogged)
            {
                LogStalled(_logger, ticks, sets);
                stalledLogged = true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "watchdog: pinging every {IntervalMs} ms while the tick and the pipeline progress")]
    private static partial void LogInterval(ILogger logger, double intervalMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "watchdog: no progress (ticks {Ticks}, sets {Sets}): pings withheld, systemd will restart the service")]
    private static partial void LogStalled(ILogger logger, long ticks, long sets);
}
