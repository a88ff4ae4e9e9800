using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;

namespace Octopilot.DriveLog.Tests.Recording;

public class ProducerAllocationTests
{
    [StructLayout(LayoutKind.Sequential)]
    private struct FakeVehicleState
    {
        public double SpeedMps;
        public double AccelMps2;
        public double YawRateRadps;
        public long StampNs;
    }

    [Fact]
    public void TryWriteAndTryEnqueueBatch_AfterWarmUp_AllocateNothingOnTheProducerThread()
    {
        using var drive = new TempDrive();
        using var recorder = new DriveRecorder(drive.Options() with { Fsync = FsyncPolicy.None });
        RecordProducer producer = recorder.CreateProducer("ticks", 64 << 20);
        var batch = new TestBatch(0);
        byte[] payload = new byte[200];
        var state = new FakeVehicleState { SpeedMps = 27.0 };

        long stamp = 0;

        // Optimized from the first call: the measurement is about the producer, not about the JIT replacing this loop
        // on the stack (on-stack replacement compiles on the calling thread and may allocate there).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void WriteSome(int count)
        {
            for (int i = 0; i < count; i++)
            {
                stamp++;
                producer.TryWrite(RecordType.ControlCommand, 2, stamp, payload);
                state.StampNs = stamp;
                producer.TryWrite(RecordType.VehicleState, 1, stamp, in state);
                if (i % 100 == 0 && !recorder.TryEnqueueBatch(batch))
                {
                    // Refused or already queued: allocation-free either way.
                }
            }
        }

        WriteSome(1000); // warm-up: first calls, the event's lock, first contention
        Thread.Sleep(300); // the producer's methods reach tier 1 in the background
        WriteSome(1000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        WriteSome(20_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
