using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Can.Steering;
using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Vehicle.Can.Toyota;
using Xunit.Abstractions;

namespace Octopilot.Vehicle.Can.Tests.Steering;

/// <summary>
/// The STEERING_LKA frames openpilot sent on the RAV4 (raw_can.candump.log.gz, can128 = frames the panda sent on bus 0,
/// see SOURCE.md): our writer rebuilds each from its decoded torque, request and counter byte for byte, and the whole
/// sequence passes our model of panda's check against the motor torque the car reported (can0 STEER_TORQUE_SENSOR).
/// </summary>
public class SteeringLkaReplayTests(ITestOutputHelper output)
{
    private const uint SteeringLkaId = 0x2E4;
    private const uint SteerTorqueSensorId = 0x260;

    [Fact]
    public void Write_EverySteeringLkaFrameOpenpilotSent_RebuiltByteForByte()
    {
        var writer = new SteeringTorqueFrameWriter(ToyotaData.Powertrain, ToyotaTssP.SteeringLka, ToyotaTssP.Checksum);
        Lka lka = Lka.Codecs();
        int compared = 0;
        int identical = 0;
        string? firstMismatch = null;

        foreach (CanFrame sent in ReadAll().Where(f => f.Id == SteeringLkaId))
        {
            CanFrame rebuilt = default;
            writer.Write(ref rebuilt, lka.Torque(sent), lka.Request(sent), lka.Counter(sent), sent.TimestampNs);
            compared++;
            if (rebuilt.Data.SequenceEqual(sent.Data) && rebuilt.Id == sent.Id)
            {
                identical++;
            }
            else
            {
                firstMismatch ??= $"openpilot {sent}, ours {rebuilt}";
            }
        }

        output.WriteLine($"STEERING_LKA frames rebuilt byte-identical: {identical}/{compared}{(firstMismatch is null ? string.Empty : "; first mismatch " + firstMismatch)}");
        Assert.Equal(6_000, compared); // 100 Hz for the whole minute
        Assert.True(identical == compared, firstMismatch);
    }

    [Fact]
    public void PandaModel_OpenpilotsFramesAgainstTheReportedMotorTorque_NoViolation()
    {
        // The model must accept what the real panda let through, or it would prove nothing about our limiter.
        var check = new PandaTorqueCheck(ToyotaTssP.LateralCommand.Limits);
        Lka lka = Lka.Codecs();
        DbcMessage sensor = ToyotaData.Powertrain.GetMessage("STEER_TORQUE_SENSOR");
        SignalCodec eps = SignalCodec.Create(sensor, sensor.GetSignal("STEER_TORQUE_EPS"));
        int requested = 0;
        int maxTorque = 0;

        foreach (CanFrame frame in InCounterOrder(ReadAll().Where(f => f.Id is SteeringLkaId or SteerTorqueSensorId).ToList()))
        {
            if (frame.Id == SteerTorqueSensorId)
            {
                check.OnMotorTorque(eps.DecodeRaw(frame.Data));
                continue;
            }

            int torque = (int)lka.Torque(frame);
            requested += lka.Request(frame) ? 1 : 0;
            maxTorque = Math.Max(maxTorque, Math.Abs(torque));
            check.OnCommand(torque, lka.Request(frame), frame.TimestampNs);
        }

        output.WriteLine($"openpilot's frames vs the panda model: {check.Frames} frames ({requested} with the request, |torque| ≤ {maxTorque}), {check.Violations.Count} violations");
        Assert.Equal(6_000, check.Frames);
        Assert.True(requested > 5_000, $"{requested} request frames");
        Assert.Empty(check.Violations);
    }

    /// <summary>Every frame of the minute, all buses (the ids used here are on one bus each: 0x260 on can0, 0x2E4 on can128).</summary>
    private static List<CanFrame> ReadAll()
    {
        using var source = new CandumpLogSource(ToyotaData.RawCanMinutePath, new CandumpLogOptions());
        var frames = new List<CanFrame>();
        CanFrame frame = default;
        while (source.Read(ref frame, 0, CancellationToken.None) == CanReadStatus.Frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>
    /// Four pairs of STEERING_LKA frames carry the same timestamp in counter order n+1, n (the log's conversion lost
    /// their order); openpilot made and the panda checked them in counter order, so that order is restored here.
    /// </summary>
    private static IEnumerable<CanFrame> InCounterOrder(List<CanFrame> frames)
    {
        Lka lka = Lka.Codecs();
        for (int i = 0; i + 1 < frames.Count; i++)
        {
            int j = frames.FindIndex(i + 1, f => f.Id == SteeringLkaId);
            if (frames[i].Id == SteeringLkaId && j > 0 && frames[j].TimestampNs == frames[i].TimestampNs
                && lka.Counter(frames[j]) == (lka.Counter(frames[i]) + 63) % 64)
            {
                (frames[i], frames[j]) = (frames[j], frames[i]);
            }
        }

        return frames;
    }

    /// <summary>STEERING_LKA's fields as the DBC decodes them.</summary>
    private sealed record Lka(SignalCodec TorqueCodec, SignalCodec RequestCodec, SignalCodec CounterCodec)
    {
        public static Lka Codecs()
        {
            DbcMessage m = ToyotaData.Powertrain.GetMessage("STEERING_LKA");
            return new Lka(SignalCodec.Create(m, m.GetSignal("STEER_TORQUE_CMD")), SignalCodec.Create(m, m.GetSignal("STEER_REQUEST")),
                SignalCodec.Create(m, m.GetSignal("COUNTER")));
        }

        public long Torque(in CanFrame f) => TorqueCodec.DecodeRaw(f.Data);

        public bool Request(in CanFrame f) => RequestCodec.DecodeRaw(f.Data) != 0;

        public long Counter(in CanFrame f) => CounterCodec.DecodeRaw(f.Data);
    }
}
