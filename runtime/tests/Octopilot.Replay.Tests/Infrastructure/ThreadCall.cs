namespace Octopilot.Replay.Tests.Infrastructure;

/// <summary>Runs one blocking call on its own thread, as a capture loop or tick thread would, so a test can see whether it returned.</summary>
internal sealed class ThreadCall<T>
{
    private readonly Thread _thread;
    private T? _result;

    public ThreadCall(Func<T> call)
    {
        _thread = new Thread(() => _result = call()) { IsBackground = true, Name = "test-blocking-call" };
        _thread.Start();
    }

    /// <summary>True when the call returned within <paramref name="timeoutMs"/>.</summary>
    public bool Returned(int timeoutMs) => _thread.Join(timeoutMs);

    /// <summary>The call's result; the call must have returned.</summary>
    public T Result => _thread.IsAlive ? throw new InvalidOperationException("the call has not returned") : _result!;
}
