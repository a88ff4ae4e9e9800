using System.Threading.Channels;
using Octopilot.Cameras;
using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Pipeline.Capture;

/// <summary>
/// The capture loop of one camera, on its own dedicated thread: wait for a frame, get its slot from the assembler by
/// its start-of-frame time, let the source write the pixels straight into the slot, complete it. It never blocks on the
/// consumer (the assembler drops instead), never throws out of the thread (failures are counted and posted to the fault
/// channel), and allocates nothing per frame, which it measures itself (<see cref="SteadyStateAllocatedBytes"/>).
/// </summary>
public sealed class CameraCaptureLoop : IDisposable
{
    private readonly int _camera;
    private readonly ICameraSource _source;
    private readonly FrameSetAssembler _assembler;
    private readonly IClock _clock;
    private readonly ChannelWriter<CaptureFault> _faults;
    private readonly CaptureLoopOptions _options;
    private readonly CameraCounters _counters;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private bool _markedOffline;
    private long _framesSeen;
    private long _allocationBaselineBytes = -1;
    private long _steadyStateAllocatedBytes;
    private long _steadyStateFrames;

    public CameraCaptureLoop(
        int camera, ICameraSource source, FrameSetAssembler assembler, IClock clock, ChannelWriter<CaptureFault> faults, CaptureLoopOptions options)
    {
        _camera = camera;
        _source = source;
        _assembler = assembler;
        _clock = clock;
        _faults = faults;
        _options = options;
        _counters = assembler.Counters[camera];
    }

    public string CameraName => _source.Name;

    /// <summary>Managed bytes this loop's thread allocated after warm-up. Expected: 0.</summary>
    public long SteadyStateAllocatedBytes => Interlocked.Read(ref _steadyStateAllocatedBytes);

    /// <summary>Frames handled after warm-up, the denominator of <see cref="SteadyStateAllocatedBytes"/>.</summary>
    public long SteadyStateFrames => Interlocked.Read(ref _steadyStateFrames);

    /// <summary>True once the loop has ended (stopped, or its camera disconnected).</summary>
    public bool HasEnded { get; private set; }

    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException($"capture loop of camera '{CameraName}' was already started");
        }

        _thread = new Thread(Run, maxStackSize: 256 * 1024) { IsBackground = true, Name = "cam:" + CameraName };
        _thread.Start();
    }

    /// <summary>Asks the loop to stop and waits for its thread to end.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _thread?.Join();
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private void Run()
    {
        CancellationToken stopToken = _stop.Token;
        // Sources number frames from 0 when opened (ICameraSource contract), so frames lost before the first one count too.
        long expectedSequence = 0;
        int consecutiveTimeouts = 0;
        try
        {
            while (!stopToken.IsCancellationRequested)
            {
                CaptureStatus status = _source.WaitForFrame(stopToken, out FrameTicket ticket);
                if (status is CaptureStatus.Stopped or CaptureStatus.EndOfStream)
                {
                    break; // asked to stop, or a recording has no more frames: neither is a fault
                }

                if (status != CaptureStatus.Ok)
                {
                    consecutiveTimeouts = status == CaptureStatus.Timeout ? consecutiveTimeouts + 1 : 0;
                    if (!HandleFailure(status, -1, consecutiveTimeouts, stopToken))
                    {
                        break;
                    }

                    continue;
                }

                consecutiveTimeouts = 0;
                if (_markedOffline)
                {
                    _assembler.SetCameraOnline(_camera, true, _clock.NowNs);
                    _markedOffline = false;
                }

                if (ticket.Sequence > expectedSequence)
                {
                    _counters.AddDeviceGaps(ticket.Sequence - expectedSequence);
                }

                expectedSequence = ticket.Sequence + 1;
                CaptureOne(ticket, stopToken);
                MeterAllocations();
            }
        }
        catch (Exception)
        {
            // A bug in a source must not take the process down: the camera goes offline and the set goes on without it.
            _counters.AddError();
            _faults.TryWrite(new CaptureFault(_camera, CaptureStatus.DeviceError, _clock.NowNs, -1));
            MarkOffline(_clock.NowNs);
        }
        finally
        {
            HasEnded = true;
        }
    }

    private void CaptureOne(in FrameTicket ticket, CancellationToken stopToken)
    {
        if (!_assembler.TryBeginFrame(_camera, ticket.StartOfFrameNs, ticket.Sequence, _clock.NowNs, out FrameSlot slot))
        {
            _source.SkipFrame(ticket);
            return;
        }

        CaptureStatus status = _source.ReadFrame(ticket, slot.Pixels);
        if (status == CaptureStatus.Ok)
        {
            _assembler.CompleteFrame(slot, _clock.NowNs);
            return;
        }

        _assembler.AbortFrame(slot, _clock.NowNs);
        HandleFailure(status, ticket.Sequence, 0, stopToken);
    }

    /// <summary>Counts and posts a failure; returns false when the loop must end (device gone).</summary>
    private bool HandleFailure(CaptureStatus status, long sequence, int consecutiveTimeouts, CancellationToken stopToken)
    {
        long nowNs = _clock.NowNs;
        _counters.AddError();
        _faults.TryWrite(new CaptureFault(_camera, status, nowNs, sequence));
        switch (status)
        {
            case CaptureStatus.Disconnected:
                MarkOffline(nowNs);
                return false;
            case CaptureStatus.DeviceLost:
                MarkOffline(nowNs); // the source reopens it with its own back-off; its next frame brings the camera back
                return true;
            case CaptureStatus.Timeout when consecutiveTimeouts >= _options.TimeoutsBeforeOffline:
                MarkOffline(nowNs);
                return true;
            case CaptureStatus.DeviceError:
                _clock.SleepUntil(nowNs + _options.ErrorBackoffNs, stopToken);
                return true;
            default:
                return true;
        }
    }

    /// <summary>Only this loop takes its camera offline, so it remembers doing so instead of asking the assembler (and
    /// taking its lock) on every frame.</summary>
    private void MarkOffline(long nowNs)
    {
        _assembler.SetCameraOnline(_camera, false, nowNs);
        _markedOffline = true;
    }

    private void MeterAllocations()
    {
        _framesSeen++;
        if (_framesSeen == _options.WarmupFrames)
        {
            _allocationBaselineBytes = GC.GetAllocatedBytesForCurrentThread();
        }
        else if (_allocationBaselineBytes >= 0)
        {
            Interlocked.Exchange(ref _steadyStateAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - _allocationBaselineBytes);
            Interlocked.Increment(ref _steadyStateFrames);
        }
    }
}
