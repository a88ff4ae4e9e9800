using System.Collections.Concurrent;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Sources;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>A bus the test drives: frames it adds are read by the interface's reader thread; it can also fail on demand.</summary>
internal sealed class QueueFrameSource : ICanFrameSource
{
    private readonly BlockingCollection<CanFrame> _frames = [];
    private volatile string? _readerThreadName;

    public string Name => "queue";

    public long MalformedInputs => 0;

    /// <summary>The name of the thread that called Read (the interface's reader).</summary>
    public string? ReaderThreadName => _readerThreadName;

    /// <summary>When set, the next Read throws it (a source failing under the reader).</summary>
    public Exception? FailNextRead { get; set; }

    public bool Disposed { get; private set; }

    public void Add(IEnumerable<CanFrame> frames)
    {
        foreach (CanFrame frame in frames)
        {
            _frames.Add(frame);
        }
    }

    public void End() => _frames.CompleteAdding();

    public CanReadStatus Read(ref CanFrame frame, long timeoutNs, CancellationToken cancellationToken)
    {
        _readerThreadName = Thread.CurrentThread.Name;
        if (FailNextRead is { } failure)
        {
            throw failure;
        }

        try
        {
            if (_frames.TryTake(out frame, (int)Math.Min(int.MaxValue, timeoutNs / 1_000_000), cancellationToken))
            {
                return CanReadStatus.Frame;
            }

            return _frames.IsCompleted ? CanReadStatus.EndOfStream : CanReadStatus.TimedOut;
        }
        catch (OperationCanceledException)
        {
            return CanReadStatus.Cancelled;
        }
    }

    public void Dispose()
    {
        Disposed = true;
        _frames.Dispose();
    }
}
