using Octopilot.Core.Configuration;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Commands;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;
using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Vehicle.Can.Toyota;

namespace Octopilot.Vehicle.Can.Tests.Commands;

/// <summary>Command frames: the real Toyota ACC_CONTROL bytes, the cyclic schedule, counters, checksums, clamping.</summary>
public class CyclicCommandEncoderTests
{
    private const long Ms = 1_000_000;

    /// <summary>A command message with a rolling counter, for cars that need one (Toyota's ACC_CONTROL has none).</summary>
    private const string CounterDbc = """
        BO_ 512 TEST_ACC: 8 XXX
         SG_ ACCEL : 7|16@0- (0.001,0) [-20|20] "m/s^2" XXX
         SG_ MODE : 23|2@0+ (1,0) [0|3] "" XXX
         SG_ COUNTER : 51|4@0+ (1,0) [0|15] "" XXX
         SG_ CHECKSUM : 63|8@0+ (1,0) [0|255] "" XXX
        """;

    private static readonly CommandFrameSpec CounterSpec = new()
    {
        Message = "TEST_ACC",
        AccelSignal = "ACCEL",
        PeriodNs = 10 * Ms,
        ConstantRawValues = new Dictionary<string, long> { ["MODE"] = 2 },
        CounterSignal = "COUNTER",
        ChecksumSignal = "CHECKSUM",
    };

    [Theory]
    [InlineData(-0.920, "FC6863C0000000D5")]
    [InlineData(0.0, "000063C000000071")]
    public void TryEncode_ToyotaAccControl_SameBytesAsOpenpilotSentOnTheRav4(double accelMps2, string openpilotFrame)
    {
        var encoder = new CyclicCommandEncoder(ToyotaData.Powertrain, ToyotaTssP.AccControl, ToyotaTssP.Checksum);
        CanFrame frame = default;

        Assert.True(encoder.TryEncode(new PlannerOutput { TargetAccelMps2 = accelMps2 }, 0, ref frame));

        Assert.Equal((0x343u, (byte)8), (frame.Id, frame.Length));
        Assert.Equal(openpilotFrame, Convert.ToHexString(frame.Data));
    }

    [Fact]
    public void TryEncode_CalledEveryTick_OneFramePerPeriod()
    {
        var encoder = new CyclicCommandEncoder(ToyotaData.Powertrain, ToyotaTssP.AccControl, ToyotaTssP.Checksum);
        CanFrame frame = default;
        var sentAtMs = new List<long>();

        for (long t = 0; t < 300 * Ms; t += 10 * Ms) // the planner's 100 Hz tick
        {
            if (encoder.TryEncode(new PlannerOutput { TargetAccelMps2 = 0.5 }, t, ref frame))
            {
                sentAtMs.Add(t / Ms);
            }
        }

        Assert.Equal([0L, 30, 60, 90, 120, 150, 180, 210, 240, 270], sentAtMs); // 33 Hz, as openpilot sends it
    }

    [Fact]
    public void TryEncode_AfterAStall_RestartsTheGridWithoutABurst()
    {
        var encoder = new CyclicCommandEncoder(ToyotaData.Powertrain, ToyotaTssP.AccControl, ToyotaTssP.Checksum);
        CanFrame frame = default;
        var sentAtMs = new List<long>();

        foreach (long t in new[] { 0L, 1_000, 1_010, 1_020, 1_030, 1_040 })
        {
            if (encoder.TryEncode(default, t * Ms, ref frame))
            {
                sentAtMs.Add(t);
            }
        }

        Assert.Equal([0L, 1_000, 1_030], sentAtMs);
    }

    [Fact]
    public void TryEncode_WithCounter_CountersIncreaseChecksumsHoldAccelDecodesBack()
    {
        DbcFile dbc = DbcParser.Parse(CounterDbc, "counter.dbc");
        var encoder = new CyclicCommandEncoder(dbc, CounterSpec, ToyotaChecksum.Instance);
        DbcMessage message = dbc.GetMessage("TEST_ACC");
        SignalCodec accel = SignalCodec.Create(message, message.GetSignal("ACCEL"));
        SignalCodec counter = SignalCodec.Create(message, message.GetSignal("COUNTER"));
        SignalCodec mode = SignalCodec.Create(message, message.GetSignal("MODE"));
        CanFrame frame = default;

        for (int i = 0; i < 40; i++)
        {
            double commandMps2 = -3.0 + (0.117 * i); // inside the default −3.5..2.0 m/s² limits
            Assert.True(encoder.TryEncode(new PlannerOutput { TargetAccelMps2 = commandMps2 }, i * 10 * Ms, ref frame));

            Assert.Equal(i % 16, counter.DecodeRaw(frame.Data)); // 0..15, then wraps
            Assert.Equal(frame.Data[^1], ToyotaChecksum.Instance.Compute(frame.Id, frame.Data));
            Assert.Equal(commandMps2, accel.Decode(frame.Data), 3); // within one 0.001 m/s² step
            Assert.Equal(2, mode.DecodeRaw(frame.Data));
            Assert.Equal(i * 10 * Ms, frame.TimestampNs);
        }

        Assert.Equal(40, encoder.FramesEncoded);
    }

    [Theory]
    [InlineData(-5.0, -3.5)]
    [InlineData(4.0, 2.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    public void TryEncode_OutsideTheCarsLimits_SentClampedAndCounted(double commandMps2, double sentMps2)
    {
        var encoder = new CyclicCommandEncoder(ToyotaData.Powertrain, ToyotaTssP.AccControl, ToyotaTssP.Checksum);
        DbcMessage message = ToyotaData.Powertrain.GetMessage("ACC_CONTROL");
        CanFrame frame = default;

        encoder.TryEncode(new PlannerOutput { TargetAccelMps2 = commandMps2 }, 0, ref frame);

        Assert.Equal(sentMps2, SignalCodec.Create(message, message.GetSignal("ACCEL_CMD")).Decode(frame.Data), 9);
        Assert.Equal(1, encoder.AccelClamped);
    }

    [Fact]
    public void Constructor_UnknownSignalOrConstantOutsideItsBits_ConfigErrors()
    {
        DbcFile dbc = ToyotaData.Powertrain;

        ConfigException missing = Assert.Throws<ConfigException>(() => new CyclicCommandEncoder(dbc, ToyotaTssP.AccControl with { AccelSignal = "ACCEL" }, ToyotaTssP.Checksum));
        ConfigException tooBig = Assert.Throws<ConfigException>(() => new CyclicCommandEncoder(dbc,
            ToyotaTssP.AccControl with { ConstantRawValues = new Dictionary<string, long> { ["ACC_TYPE"] = 4 } }, ToyotaTssP.Checksum));
        ConfigException wrongUnit = Assert.Throws<ConfigException>(() => new CyclicCommandEncoder(dbc, ToyotaTssP.AccControl with { AccelSignal = "ACC_TYPE" }, ToyotaTssP.Checksum));

        Assert.Contains("must name a signal of ACC_CONTROL", missing.Message, StringComparison.Ordinal);
        Assert.Contains("ACC_TYPE = 4", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("(0..3)", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("m/s^2", wrongUnit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryEncode_SteadyState_AllocatesNothing()
    {
        var encoder = new CyclicCommandEncoder(DbcParser.Parse(CounterDbc, "counter.dbc"), CounterSpec, ToyotaChecksum.Instance);
        CanFrame frame = default;
        var command = new PlannerOutput { TargetAccelMps2 = -1.25 };
        encoder.TryEncode(command, 0, ref frame);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 1_000; i++)
        {
            encoder.TryEncode(command, i * 10 * Ms, ref frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
