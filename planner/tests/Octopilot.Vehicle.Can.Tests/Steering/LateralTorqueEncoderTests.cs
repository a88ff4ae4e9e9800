using Octopilot.Core.Configuration;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;
using Octopilot.Vehicle.Can.Steering;
using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Vehicle.Can.Toyota;
using static Octopilot.Vehicle.Can.Tests.Steering.LateralFeedback;

namespace Octopilot.Vehicle.Can.Tests.Steering;

/// <summary>The steering-torque frame: schedule, counter and checksum, the request bit, wind-down, the car's release.</summary>
public class LateralTorqueEncoderTests
{
    private static readonly SteeringTorqueLimits Limits = ToyotaTssP.LateralCommand.Limits;
    private static readonly DbcMessage Lka = ToyotaData.Powertrain.GetMessage("STEERING_LKA");
    private static readonly SignalCodec Torque = SignalCodec.Create(Lka, Lka.GetSignal("STEER_TORQUE_CMD"));
    private static readonly SignalCodec Request = SignalCodec.Create(Lka, Lka.GetSignal("STEER_REQUEST"));
    private static readonly SignalCodec Counter = SignalCodec.Create(Lka, Lka.GetSignal("COUNTER"));

    [Fact]
    public void TryEncode_CalledEveryTick_OneFramePer10MsCounterWrapsChecksumHolds()
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;

        for (int i = 0; i < 200; i++)
        {
            Assert.True(encoder.TryEncode(Steer(0.001), Engaged(), i * 10 * Ms, ref frame));

            Assert.Equal((0x2E4u, (byte)5), (frame.Id, frame.Length));
            Assert.Equal(i % 64, Counter.DecodeRaw(frame.Data));
            Assert.Equal(frame.Data[^1], ToyotaChecksum.Instance.Compute(frame.Id, frame.Data));
            Assert.Equal(0x80, frame.Data[0] & 0x80); // SET_ME_1
            Assert.Equal(0, frame.Data[3]); // LKA_STATE
        }

        Assert.False(encoder.TryEncode(Steer(0.001), Engaged(), 1_998 * Ms, ref frame)); // due at 2,000 ms, 1 ms tolerance
        Assert.Equal(200, encoder.FramesEncoded);
    }

    [Fact]
    public void TryEncode_AfterAStall_RestartsTheGridWithoutABurst()
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;
        var sentAtMs = new List<long>();

        foreach (long t in new[] { 0L, 5, 10, 500, 505, 510, 519, 520 })
        {
            if (encoder.TryEncode(Steer(0), Engaged(), t * Ms, ref frame))
            {
                sentAtMs.Add(t);
            }
        }

        Assert.Equal([0L, 10, 500, 510, 519], sentAtMs); // 519 is within the 1 ms tolerance of 520
    }

    [Theory]
    [InlineData(LateralAuthority.Active, true)]
    [InlineData(LateralAuthority.Holding, true)]
    [InlineData(LateralAuthority.None, false)]
    public void TryEncode_RequestBit_OnlyWithAuthority(LateralAuthority authority, bool requested)
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;

        for (int i = 0; i < 100; i++)
        {
            encoder.TryEncode(Steer(0.002, authority), Engaged(), i * 10 * Ms, ref frame);

            Assert.Equal(requested ? 1 : 0, Request.DecodeRaw(frame.Data));
            Assert.Equal(requested, Torque.DecodeRaw(frame.Data) != 0); // steering starts at +15 (the up-rate) on the first frame
        }
    }

    [Fact]
    public void TryEncode_StateInvalidOrCruiseOff_NoRequestNoTorque()
    {
        LateralTorqueEncoder neverValid = Toyota();
        LateralTorqueEncoder cruiseOff = Toyota();
        CanFrame frame = default;

        for (int i = 0; i < 50; i++)
        {
            neverValid.TryEncode(Steer(0.002), default, i * 10 * Ms, ref frame);
            Assert.Equal((0L, 0L), (Torque.DecodeRaw(frame.Data), Request.DecodeRaw(frame.Data)));
            cruiseOff.TryEncode(Steer(0.002), Engaged() with { CruiseEngaged = false }, i * 10 * Ms, ref frame);
            Assert.Equal((0L, 0L), (Torque.DecodeRaw(frame.Data), Request.DecodeRaw(frame.Data)));
        }

        Assert.Equal((0L, 0L), (neverValid.RequestFrames, cruiseOff.RequestFrames));
    }

    [Theory]
    [InlineData(false)] // the lateral controller gave up (authority None)
    [InlineData(true)] // the vehicle state went stale while the car still allows control
    public void TryEncode_SteeringLost_TorqueWindsDownAtTheDownRateThenTheRequestDrops(bool stateGoesInvalid)
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;
        long t = 0;
        for (; t < 3_000 * Ms; t += 10 * Ms) // 3 s hard left: the torque saturates
        {
            encoder.TryEncode(Steer(0.01), Engaged(epsMotorTorque: MotorFor(encoder.LastTorqueRaw, Limits)), t, ref frame);
        }

        Assert.Equal(Limits.MaxTorqueRaw, Torque.DecodeRaw(frame.Data));
        var torques = new List<long>();
        var requests = new List<bool>();
        for (int i = 0; i < 80; i++, t += 10 * Ms)
        {
            SteeringFeedback feedback = Engaged(epsMotorTorque: MotorFor(encoder.LastTorqueRaw, Limits)) with { StateValid = !stateGoesInvalid };
            encoder.TryEncode(stateGoesInvalid ? Steer(0.01) : Steer(0.01, LateralAuthority.None), feedback, t, ref frame);
            torques.Add(Torque.DecodeRaw(frame.Data));
            requests.Add(Request.DecodeRaw(frame.Data) != 0);
        }

        // 1500 → 0 in steps of exactly 25 (60 frames, 0.6 s): no step, and the request stays on until the torque is 0.
        Assert.Equal(Enumerable.Range(1, 60).Select(k => (long)(Limits.MaxTorqueRaw - (25 * k))), torques.Take(60));
        Assert.All(torques.Skip(60), q => Assert.Equal(0, q));
        Assert.All(requests.Take(59), Assert.True);
        Assert.All(requests.Skip(59), Assert.False); // the frame that reaches 0 drops the request
        Assert.Equal(60, encoder.WindDownFrames);
        Assert.Equal(0, encoder.ReleasedByCar);
    }

    [Fact]
    public void TryEncode_BrakeWithTorqueApplied_CutToZeroAtOnceAsTheCarDemands()
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;
        long t = 0;
        for (; t < 1_000 * Ms; t += 10 * Ms)
        {
            encoder.TryEncode(Steer(0.003), Engaged(epsMotorTorque: MotorFor(encoder.LastTorqueRaw, Limits)), t, ref frame);
        }

        Assert.True(Torque.DecodeRaw(frame.Data) > 500, $"torque {Torque.DecodeRaw(frame.Data)}");
        encoder.TryEncode(Steer(0.003), Engaged() with { BrakePressed = true }, t, ref frame);

        // panda stops allowing control on the brake and then blocks any frame with torque: 0 is the only frame that reaches the EPS.
        Assert.Equal((0L, 0L), (Torque.DecodeRaw(frame.Data), Request.DecodeRaw(frame.Data)));
        Assert.Equal(1, encoder.ReleasedByCar);
    }

    [Fact]
    public void TryEncode_GasPressedWhileEngaged_NoSteeringUntilCruiseEngagesAgain()
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;
        long t = 0;
        long Send(SteeringFeedback feedback)
        {
            encoder.TryEncode(Steer(0.002), feedback, t, ref frame);
            t += 10 * Ms;
            return Request.DecodeRaw(frame.Data);
        }

        Assert.Equal(1, Send(Engaged()));
        Assert.Equal(0, Send(Engaged() with { GasPressed = true })); // rising edge of the gas: control ends
        Assert.Equal(0, Send(Engaged())); // gas released, cruise still on: panda still says no
        Assert.Equal(0, Send(Engaged() with { CruiseEngaged = false }));
        Assert.Equal(1, Send(Engaged())); // cruise engaged again (rising edge)
    }

    [Fact]
    public void TryEncode_RandomCurvaturesAndAuthority_EveryFramePassesThePandaModelAndTheRateLimits()
    {
        var random = new Random(8);
        LateralTorqueEncoder encoder = Toyota();
        var panda = new PandaTorqueCheck(Limits);
        CanFrame frame = default;
        double motorRaw = 0; // the EPS follows the command with a lag and reports it in its own units
        bool motorStalled = false; // now and then it does not follow (a driver holding the wheel, an EPS at its own limit)
        double curvature = 0;
        LateralAuthority authority = LateralAuthority.Active;
        int last = 0;
        int maxSeen = 0;

        for (int i = 0; i < 60_000; i++) // 10 minutes at 100 Hz
        {
            if (random.NextDouble() < 0.01)
            {
                curvature = (random.NextDouble() - 0.5) * 0.03; // up to ±0.015 1/m: 9 m/s² at 25 m/s, far past saturation
            }

            if (random.NextDouble() < 0.003)
            {
                authority = (LateralAuthority)random.Next(3);
            }

            if (random.NextDouble() < 0.005)
            {
                motorStalled = !motorStalled;
            }

            double speedMps = 15 + (10 * random.NextDouble());
            SteeringFeedback feedback = Engaged(speedMps, yawRateRadps: (random.NextDouble() - 0.5) * 0.2,
                epsMotorTorque: motorRaw, steeringPressed: random.NextDouble() < 0.02);
            panda.OnMotorTorque((long)motorRaw);
            Assert.True(encoder.TryEncode(Steer(curvature, authority), feedback, i * 10 * Ms, ref frame));
            int torque = (int)Torque.DecodeRaw(frame.Data);
            bool request = Request.DecodeRaw(frame.Data) != 0;
            panda.OnCommand(torque, request, i * 10 * Ms);

            // openpilot's own rule (what keeps the RAV4's EPS from faulting): |torque| up ≤ 15, down ≤ 25 per frame.
            (int lowest, int highest) = last > 0 ? (Math.Max(last - 25, -15), last + 15) : (last - 15, Math.Min(last + 25, 15));
            Assert.InRange(torque, lowest, highest);
            Assert.InRange(torque, -1500, 1500);
            maxSeen = Math.Max(maxSeen, Math.Abs(torque));
            last = torque;

            double lagged = motorStalled ? motorRaw : motorRaw + ((MotorFor(torque, Limits) - motorRaw) * 0.1);
            motorRaw = Math.Round(lagged + ((random.NextDouble() - 0.5) * 60)); // EPS lag and noise
        }

        Assert.Empty(panda.Violations);
        Assert.Equal(1500, maxSeen); // the sequence did drive the torque to the maximum
        Assert.True(encoder.LimitedFrames > 1_000, $"{encoder.LimitedFrames} limited frames: the limits were exercised");
        Assert.True(encoder.WindDownFrames > 100, $"{encoder.WindDownFrames} wind-down frames");
    }

    [Fact]
    public void TryEncode_MotorLagsFarBehind_CommandStaysWithinTheMotorErrorAndFallsByTheDownRate()
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;
        var torques = new List<long>();

        for (int i = 0; i < 100; i++) // the EPS reports nothing at all (stuck at 0) while we ask for full left
        {
            encoder.TryEncode(Steer(0.01), Engaged(epsMotorTorque: 0), i * 10 * Ms, ref frame);
            torques.Add(Torque.DecodeRaw(frame.Data));
        }

        Assert.Equal(Limits.MaxMotorErrorRaw, torques.Max()); // 350: no further ahead of the motor than panda allows
        Assert.Equal(350, torques[^1]);
    }

    [Fact]
    public void TryEncode_ClosedLoopOnATorquePlant_IntegratorClosesTheFeedForwardsGap()
    {
        // Plant: lateral acceleration = torque fraction × 2.0 m/s² (the controller assumes 1.8), first-order lag 0.15 s,
        // plus a 0.15 m/s² bias (road crown). The feed-forward misses both; the integrator must close the gap, slowly
        // (openpilot's Ki = 0.1/s: a time constant of ~25 s here; the planner's pure pursuit closes the rest on the road).
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;
        const double SpeedMps = 25;
        const double CurvaturePerM = 0.002; // a_des = 1.25 m/s²
        double latAccelMps2 = 0;
        double errorAt5sMps2 = double.NaN;
        for (int i = 1; i <= 6_000; i++)
        {
            encoder.TryEncode(Steer(CurvaturePerM), Engaged(SpeedMps, latAccelMps2 / SpeedMps, MotorFor(encoder.LastTorqueRaw, Limits)), i * 10 * Ms, ref frame);
            double targetMps2 = (Torque.DecodeRaw(frame.Data) / 1500.0 * 2.0) + 0.15;
            latAccelMps2 += (targetMps2 - latAccelMps2) * (0.01 / 0.15);
            errorAt5sMps2 = i == 500 ? latAccelMps2 - 1.25 : errorAt5sMps2;
        }

        double errorAt60sMps2 = latAccelMps2 - 1.25;
        Assert.InRange(errorAt5sMps2, 0.05, 0.15); // feed-forward and P alone: ~0.09 m/s² too much
        Assert.InRange(Math.Abs(errorAt60sMps2), 0, 0.02); // measured 0.009
        Assert.True(Math.Abs(errorAt60sMps2) < 0.25 * errorAt5sMps2, $"error {errorAt5sMps2:F3} → {errorAt60sMps2:F3} m/s²");
    }

    [Fact]
    public void Constructor_TorqueFieldTooSmallOrSignalMissing_ConfigErrorNamesTheField()
    {
        LateralTorqueCommandSpec spec = ToyotaTssP.LateralCommand;

        ConfigException tooBig = Assert.Throws<ConfigException>(() =>
            new LateralTorqueEncoder(ToyotaData.Powertrain, spec with { Limits = new SteeringTorqueLimits { MaxTorqueRaw = 40_000 } }, ToyotaChecksum.Instance));
        ConfigException missing = Assert.Throws<ConfigException>(() =>
            new LateralTorqueEncoder(ToyotaData.Powertrain, spec with { Frame = spec.Frame with { TorqueSignal = "STEER_TORQUE" } }, ToyotaChecksum.Instance));
        ConfigException noAlgorithm = Assert.Throws<ConfigException>(() => new LateralTorqueEncoder(ToyotaData.Powertrain, spec, checksum: null));
        ConfigException constant = Assert.Throws<ConfigException>(() => new LateralTorqueEncoder(ToyotaData.Powertrain,
            spec with { Frame = spec.Frame with { ConstantRawValues = new Dictionary<string, long> { ["SET_ME_1"] = 2 } } }, ToyotaChecksum.Instance));

        Assert.Equal("Limits.MaxTorqueRaw", tooBig.Field);
        Assert.Contains("-32768..32767", tooBig.Message, StringComparison.Ordinal);
        Assert.Equal("TorqueSignal", missing.Field);
        Assert.Contains("STEER_TORQUE", missing.Message, StringComparison.Ordinal);
        Assert.Equal("ChecksumSignal", noAlgorithm.Field);
        Assert.Contains("SET_ME_1 = 2", constant.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryEncode_SteadyState_AllocatesNothing()
    {
        LateralTorqueEncoder encoder = Toyota();
        CanFrame frame = default;
        encoder.TryEncode(Steer(0.002), Engaged(), 0, ref frame);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 1_000; i++)
        {
            PlannerOutput command = Steer(0.002, i % 300 < 200 ? LateralAuthority.Active : LateralAuthority.None);
            encoder.TryEncode(command, Engaged(epsMotorTorque: MotorFor(encoder.LastTorqueRaw, Limits)), i * 10 * Ms, ref frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static LateralTorqueEncoder Toyota() => new(ToyotaData.Powertrain, ToyotaTssP.LateralCommand, ToyotaTssP.Checksum);
}
