using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Octopilot.Host.Service;

/// <summary>
/// The driving stack as a hosted service. <see cref="StartAsync"/> returns only when the model is loaded and warmed up
/// and every camera has delivered a frame; then <see cref="ServiceNotifications"/> tells systemd READY=1. On stop
/// (SIGTERM) it stops the stack in order within the host's shutdown timeout.
/// </summary>
internal sealed partial class DrivingService : IHostedService, IDisposable
{
    private readonly Func<DrivingStack> _build;
    private readonly ServiceOptions _options;
    private readonly ServiceNotifications _notifications;
    private readonly ILogger<DrivingService> _logger;
    private DrivingStack? _stack;

    public DrivingService(Func<DrivingStack> build, ServiceOptions options, ServiceNotifications notifications, ILogger<DrivingService> logger)
    {
        _build = build;
        _options = options;
        _notifications = notifications;
        _logger = logger;
    }

    /// <summary>The running stack, for the watchdog; null before start.</summary>
    public DrivingStack? Stack => Volatile.Read(ref _stack);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _notifications.Status("loading the model and opening the cameras");
        DrivingStack stack = _build();
        stack.Start();
        if (!stack.WaitUntilEveryCameraDelivered(TimeSpan.FromSeconds(_options.StartupTimeoutS), cancellationToken, out IReadOnlyList<string> missing))
        {
            stack.Stop();
            stack.Dispose();
            throw new InvalidOperationException(
                $"cameras without a frame after {_options.StartupTimeoutS} s: {string.Join(", ", missing)} (not READY; systemd restarts the service)");
        }

        Volatile.Write(ref _stack, stack);
        LogReady(_logger, stack.CameraNames.Count, _options.Perception, stack.VehicleName);
        _notifications.Ready($"driving: {stack.CameraNames.Count} cameras, perception {_options.Perception}");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _notifications.Stopping();
        DrivingStack? stack = Interlocked.Exchange(ref _stack, null);
        if (stack is not null)
        {
            stack.Stop();
            LogStopped(_logger, stack.TicksStepped, stack.SetsPerceived, stack.VehicleName, stack.InvalidVehicleStates);
            stack.Dispose();
        }

        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _stack, null)?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "ready: {Cameras} cameras delivering, perception {Perception}, vehicle {Vehicle}, planner ticking")]
    private static partial void LogReady(ILogger logger, int cameras, string perception, string vehicle);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped: {Ticks} planner ticks, {Sets} frame sets perceived; vehicle {Vehicle}: {InvalidTicks} ticks with an invalid state; neutral command sent")]
    private static partial void LogStopped(ILogger logger, long ticks, long sets, string vehicle, long invalidTicks);
}
