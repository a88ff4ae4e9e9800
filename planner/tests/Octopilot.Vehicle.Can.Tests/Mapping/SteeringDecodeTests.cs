using Octopilot.Core.Configuration;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Steering;
using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Vehicle.Can.Toyota;

namespace Octopilot.Vehicle.Can.Tests.Mapping;

/// <summary>Steering sensors to state with the Toyota map: angle (whole + fraction), kinematic yaw rate, torques, override.</summary>
public class SteeringDecodeTests
{
    private const long Ms = 1_000_000;
    private static readonly long Bound = 100 * Ms;

    [Theory]
    [InlineData(10.3)] // 10.5 + (−0.2)
    [InlineData(-4.6)] // −4.5 + (−0.1): the RAV4 minute's left-most reading
    [InlineData(0.0)]
    public void Accept_SteeringAngle_WholePlusFractionAndTheKinematicYawRate(double angleDeg)
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, speedKph: 72, steeringAngleDeg: angleDeg));

        SteeringFeedback steering = decoder.SteeringFeedback(0, Bound);
        VehicleStateSample sample = decoder.Sample(0, Bound);

        Assert.Equal(angleDeg, steering.SteeringWheelAngleDeg, 9);
        double expected = 20.0 * Math.Tan(angleDeg * Math.PI / 180 / 16.88) / 2.65; // v·tan(δ_sw / ratio) / L
        Assert.Equal(expected, sample.State.YawRateRadps, 4); // the speed decodes in 0.01 km/h steps
        Assert.Equal(sample.State.YawRateRadps, steering.YawRateRadps);
        Assert.Equal(steering.SpeedMps * steering.YawRateRadps, steering.MeasuredLateralAccelMps2);
    }

    [Fact]
    public void Accept_SpeedChangesAlone_YawRateFollowsTheSpeed()
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, speedKph: 36, steeringAngleDeg: 30));
        double slow = decoder.Sample(0, Bound).State.YawRateRadps;

        decoder.Accept(ToyotaDrive.AllMapped(10 * Ms, speedKph: 72, steeringAngleDeg: 30)[0]); // WHEEL_SPEEDS only

        Assert.Equal(2 * slow, decoder.Sample(10 * Ms, Bound).State.YawRateRadps, 4);
    }

    [Theory]
    [InlineData(100, false)] // openpilot: pressed when |torque| > STEER_THRESHOLD (100)
    [InlineData(101, true)]
    [InlineData(-150, true)]
    [InlineData(0, false)]
    public void Accept_DriverTorque_SteeringPressedAboveTheThreshold(double driverTorque, bool pressed)
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, driverTorque: driverTorque, epsTorque: -321));

        Assert.Equal(pressed, decoder.Sample(0, Bound).SteeringPressed);
        SteeringFeedback steering = decoder.SteeringFeedback(0, Bound);
        Assert.Equal((driverTorque, -321.0, pressed), (steering.DriverTorque, steering.EpsMotorTorque, steering.SteeringPressed));
    }

    [Fact]
    public void SteeringFeedback_CarriesCruiseAndPedalsAndJudgesValidity()
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, engaged: true, gasReleased: false, brake: true));

        SteeringFeedback fresh = decoder.SteeringFeedback(0, Bound);
        Assert.True(fresh.StateValid);
        Assert.Equal((true, true, true), (fresh.CruiseEngaged, fresh.GasPressed, fresh.BrakePressed));
        Assert.False(decoder.SteeringFeedback(Bound + 1, Bound).StateValid);
    }

    [Fact]
    public void Accept_SteeringTorqueSensorWithABadChecksum_Rejected()
    {
        VehicleStateDecoder decoder = Toyota();
        Feed(decoder, ToyotaDrive.AllMapped(0, epsTorque: 10));
        CanFrame sensor = ToyotaDrive.AllMapped(10 * Ms, epsTorque: 900)[6];
        sensor.Payload[7] ^= 0x10;

        Assert.Equal(FrameVerdict.BadChecksum, decoder.Accept(sensor));
        Assert.Equal(10, decoder.SteeringFeedback(10 * Ms, Bound).EpsMotorTorque);
    }

    [Fact]
    public void Constructor_AngleWithoutGeometry_ConfigErrorNamesTheField()
    {
        VehicleSignalMap map = ToyotaTssP.SignalMap with { SteeringGeometry = null };

        ConfigException e = Assert.Throws<ConfigException>(() => new VehicleStateDecoder(ToyotaData.Powertrain, map, ToyotaTssP.Checksum));

        Assert.Equal("SteeringGeometry", e.Field);
        Assert.Contains("STEER_ANGLE_SENSOR.STEER_ANGLE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FractionInAnotherMessage_ConfigError()
    {
        VehicleSignalMap map = ToyotaTssP.SignalMap with { SteeringWheelAngleFraction = new SignalRef("STEER_TORQUE_SENSOR", "STEER_ANGLE") };

        ConfigException e = Assert.Throws<ConfigException>(() => new VehicleStateDecoder(ToyotaData.Powertrain, map, ToyotaTssP.Checksum));

        Assert.Equal("SteeringWheelAngleFraction", e.Field);
        Assert.Contains("in one message", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AngleSignalWithoutAnAngleUnit_ConfigError()
    {
        // STEER_TORQUE_SENSOR.STEER_ANGLE has no unit in this DBC (and reads 0 on the RAV4 anyway).
        VehicleSignalMap map = ToyotaTssP.SignalMap with { SteeringWheelAngle = new SignalRef("STEER_TORQUE_SENSOR", "STEER_ANGLE"), SteeringWheelAngleFraction = null };

        ConfigException e = Assert.Throws<ConfigException>(() => new VehicleStateDecoder(ToyotaData.Powertrain, map, ToyotaTssP.Checksum));

        Assert.Equal("SteeringWheelAngle", e.Field);
        Assert.Contains("deg or rad", e.Message, StringComparison.Ordinal);
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
