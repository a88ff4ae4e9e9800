using Octopilot.Core.Configuration;
using Octopilot.Planner.Inputs;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Vehicle.Can.Toyota;

namespace Octopilot.Vehicle.Can.Tests.Mapping;

/// <summary>Frames to vehicle state with the Toyota map: the fields, the rejections and their counts, validity.</summary>
public class VehicleStateDecoderTests
{
    private const long Ms = 1_000_000;
    private static readonly long Bound = 100 * Ms;

    [Fact]
    public void Accept_AllMappedMessages_FillTheState()
    {
        VehicleStateDecoder decoder = Toyota();

        foreach (CanFrame frame in ToyotaDrive.AllMapped(1_000 * Ms, speedKph: 72, setSpeedKph: 80, turnSignals: 1, followDistance: 3))
        {
            Assert.Equal(FrameVerdict.Decoded, decoder.Accept(frame));
        }

        VehicleStateSample sample = decoder.Sample(1_000 * Ms, Bound);
        Assert.True(sample.IsValid);
        Assert.Equal(20.0, sample.State.SpeedMps, 2); // 72 km/h, 0.01 km/h steps
        Assert.Equal(20.4, sample.DisplaySpeedMps, 2);
        Assert.Equal(20.0, sample.WheelSpeeds.RearRightMps, 2);
        Assert.Equal(80 / 3.6, sample.State.Driver.SetSpeedMps, 9);
        Assert.Equal(Side.Left, sample.State.Driver.TurnSignal);
        Assert.Equal(TimeGapSetting.Short, sample.State.Driver.TimeGap);
        Assert.True(sample.State.Driver.Engaged);
        Assert.True(sample.CruiseMainOn);
        Assert.False(sample.GasPressed); // GAS_RELEASED = 1
        Assert.False(sample.BrakePressed);
        Assert.Equal(1_000 * Ms, sample.UpdatedNs);
    }

    [Theory]
    [InlineData(1, Side.Left)]
    [InlineData(2, Side.Right)]
    [InlineData(3, Side.None)]
    [InlineData(0, Side.None)]
    public void Accept_TurnSignals_MapPerTheDbcValueTable(long raw, Side expected)
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, turnSignals: raw));

        Assert.Equal(expected, decoder.Sample(0, Bound).State.Driver.TurnSignal);
    }

    [Fact]
    public void Accept_GasAndBrake_GasIsReadFromGasReleasedInverted()
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, gasReleased: false, brake: true, engaged: false));

        VehicleStateSample sample = decoder.Sample(0, Bound);
        Assert.True(sample.GasPressed);
        Assert.True(sample.BrakePressed);
        Assert.False(sample.State.Driver.Engaged);
    }

    [Fact]
    public void Accept_UnknownIds_IgnoredAndCounted()
    {
        VehicleStateDecoder decoder = Toyota();

        Assert.Equal(FrameVerdict.UnknownId, decoder.Accept(CanFrame.Create(0xBA, new byte[8]))); // 0x0BA: on the RAV4 bus at 41 Hz, not in the DBC
        Assert.Equal(FrameVerdict.UnknownId, decoder.Accept(CanFrame.Create(0x7FF, [])));
        Assert.Equal(FrameVerdict.UnknownId, decoder.Accept(CanFrame.Create(0xB4, new byte[8], isExtended: true))); // 29-bit 0xB4 is another id
        Assert.Equal(FrameVerdict.Unused, decoder.Accept(CanFrame.Create(0x24, new byte[8]))); // KINEMATICS: known, not mapped

        DecoderCounters counters = decoder.ReadCounters();
        Assert.Equal((4L, 3L, 1L, 0L), (counters.Frames, counters.UnknownIds, counters.Unused, counters.Decoded));
        Assert.Equal(VehicleStateValidity.NeverReceived, decoder.Sample(0, Bound).Validity);
    }

    [Fact]
    public void Accept_WrongLength_RejectedCountedAndStateUntouched()
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, speedKph: 50));
        CanFrame wheels = ToyotaDrive.AllMapped(10 * Ms, speedKph: 90)[0];
        CanFrame shortWheels = CanFrame.Create(wheels.Id, wheels.Data[..7], 10 * Ms); // trailing byte lost

        Assert.Equal(FrameVerdict.BadLength, decoder.Accept(shortWheels));
        Assert.Equal(FrameVerdict.BadLength, decoder.Accept(CanFrame.Create(0x24, new byte[3]))); // unused ids are length-checked too

        Assert.Equal(2, decoder.ReadCounters().BadLength);
        Assert.Equal(50 / 3.6, decoder.Sample(10 * Ms, Bound).State.SpeedMps, 2);
    }

    [Fact]
    public void Accept_WrongChecksum_RejectedCountedAndStateUntouched()
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, setSpeedKph: 80));
        CanFrame cruise2 = ToyotaDrive.AllMapped(10 * Ms, setSpeedKph: 120)[3];
        cruise2.Payload[7] ^= 0x01;

        Assert.Equal(FrameVerdict.BadChecksum, decoder.Accept(cruise2));

        Assert.Equal(1, decoder.ReadCounters().BadChecksum);
        Assert.Equal(80 / 3.6, decoder.Sample(10 * Ms, Bound).State.Driver.SetSpeedMps, 9);
    }

    [Fact]
    public void Sample_ValidityFollowsWhatWasSeenAndWhen()
    {
        VehicleStateDecoder decoder = Toyota();
        Assert.Equal(VehicleStateValidity.NeverReceived, decoder.Sample(0, Bound).Validity);

        Feed(decoder, ToyotaDrive.Periodic(0));
        Assert.Equal(VehicleStateValidity.Incomplete, decoder.Sample(0, Bound).Validity); // no BLINKERS_STATE yet

        Feed(decoder, ToyotaDrive.AllMapped(10 * Ms));
        Assert.Equal(VehicleStateValidity.Valid, decoder.Sample(10 * Ms + Bound, Bound).Validity);
        VehicleStateSample silent = decoder.Sample(10 * Ms + Bound + 1, Bound);
        Assert.Equal(VehicleStateValidity.Silent, silent.Validity);
        Assert.Equal(Bound + 1, silent.AgeNs);

        // Only the blinker message, which has no age limit, is late: still valid.
        Feed(decoder, ToyotaDrive.Periodic(5_000 * Ms));
        Assert.True(decoder.Sample(5_050 * Ms, Bound).IsValid);
    }

    [Fact]
    public void Sample_OneRequiredMessageStops_StateGoesSilent()
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0));
        for (long t = 10 * Ms; t <= 500 * Ms; t += 10 * Ms)
        {
            Feed(decoder, ToyotaDrive.Periodic(t)[..4]); // BRAKE_MODULE stopped at t = 0
        }

        VehicleStateSample sample = decoder.Sample(500 * Ms, Bound);
        Assert.Equal(VehicleStateValidity.Silent, sample.Validity);
        Assert.Equal(500 * Ms, sample.AgeNs);
    }

    [Fact]
    public void Accept_SpeedRamp_AccelerationFollowsIt()
    {
        VehicleStateDecoder decoder = Toyota();
        for (int i = 0; i <= 200; i++)
        {
            long t = i * 12 * Ms; // WHEEL_SPEEDS at 83 Hz
            double kph = 36 + (3.6 * 1.5 * t * 1e-9); // 10 m/s + 1.5 m/s² · t
            Feed(decoder, ToyotaDrive.AllMapped(t, speedKph: kph));
        }

        Assert.Equal(1.5, decoder.Sample(2_400 * Ms, Bound).State.AccelMps2, 1);
    }

    [Fact]
    public void Constructor_MapNamesAMissingSignal_ConfigErrorNamesTheField()
    {
        VehicleSignalMap map = ToyotaTssP.SignalMap with { CruiseSetSpeed = new SignalRef("PCM_CRUISE_2", "SET_SPEEED") };

        ConfigException e = Assert.Throws<ConfigException>(() => new VehicleStateDecoder(ToyotaData.Powertrain, map, ToyotaTssP.Checksum));

        Assert.Equal("CruiseSetSpeed", e.Field);
        Assert.Contains("PCM_CRUISE_2.SET_SPEEED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SpeedSignalWithoutASpeedUnit_ConfigError()
    {
        VehicleSignalMap map = ToyotaTssP.SignalMap with { SpeedSource = SpeedSource.Signal, Speed = new SignalRef("PCM_CRUISE", "ACCEL_NET") };

        ConfigException e = Assert.Throws<ConfigException>(() => new VehicleStateDecoder(ToyotaData.Powertrain, map, ToyotaTssP.Checksum));

        Assert.Equal("Speed", e.Field);
        Assert.Contains("\"m/s^2\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ChecksumSignalButNoAlgorithm_ConfigError()
    {
        ConfigException e = Assert.Throws<ConfigException>(() => new VehicleStateDecoder(ToyotaData.Powertrain, ToyotaTssP.SignalMap, checksum: null));

        Assert.Equal("ChecksumSignal", e.Field);
    }

    [Fact]
    public void Constructor_SpeedMessageWithoutAgeLimit_Refused()
    {
        VehicleSignalMap map = ToyotaTssP.SignalMap with { MessagesWithoutAgeLimit = ["WHEEL_SPEEDS"] };

        ConfigException e = Assert.Throws<ConfigException>(() => new VehicleStateDecoder(ToyotaData.Powertrain, map, ToyotaTssP.Checksum));

        Assert.Contains("the speed message must stay age-limited", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_SteadyState_AllocatesNothing()
    {
        VehicleStateDecoder decoder = Toyota();
        CanFrame[] frames = ToyotaDrive.AllMapped(0);
        Feed(decoder, frames);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            foreach (CanFrame frame in frames)
            {
                decoder.Accept(frame);
            }

            decoder.Accept(CanFrame.Create(0xBA, default)); // unknown
            _ = decoder.Sample(0, Bound);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static VehicleStateDecoder Toyota() => new(ToyotaData.Powertrain, ToyotaTssP.SignalMap, ToyotaTssP.Checksum);

    private static void Feed(VehicleStateDecoder decoder, IEnumerable<CanFrame> frames)
    {
        foreach (CanFrame frame in frames)
        {
            Assert.Equal(FrameVerdict.Decoded, decoder.Accept(frame));
        }
    }
}
