using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Testing;
using Xunit.Abstractions;

namespace Octopilot.Vehicle.Can.Tests.Acceptance;

/// <summary>
/// The steering sensors on the real RAV4 minute: the angle equals the segment's processed <c>steering_angle</c> (which
/// comma2k19 made the same way, STEER_ANGLE + STEER_FRACTION); the kinematic yaw rate has the sign and shape of the GPS
/// heading rate (global_pose velocities); driver and motor torque are plausible and the override flag is rare.
/// </summary>
public class Rav4SteeringTests(ITestOutputHelper output)
{
    [Fact]
    public void Decode_WholeMinute_SteeringAngleEqualsTheProcessedSteeringAngle()
    {
        (double[] t, _) = NpyFile.ReadFloat64(ToyotaData.ProcessedPath(Path.Combine("CAN", "steering_angle", "t")));
        (double[] angle, _) = NpyFile.ReadFloat64(ToyotaData.ProcessedPath(Path.Combine("CAN", "steering_angle", "value")));
        List<Rav4Minute.Step> steps = Rav4Minute.Instance.Of("STEER_ANGLE_SENSOR").ToList();

        Assert.Equal(t.Length, steps.Count);
        double maxError = 0;
        for (int i = 0; i < steps.Count; i++)
        {
            Assert.True(Math.Abs(t[i] - steps[i].Seconds) < 1e-6, $"sample {i}: processed at {t[i]:F6} s, frame at {steps[i].Seconds:F6} s");
            maxError = Math.Max(maxError, Math.Abs(steps[i].Steering.SteeringWheelAngleDeg - angle[i]));
        }

        double min = steps.Min(s => s.Steering.SteeringWheelAngleDeg);
        double max = steps.Max(s => s.Steering.SteeringWheelAngleDeg);
        output.WriteLine($"steering angle: {steps.Count} samples, {min:F1}..{max:F1} deg, max |decoded − processed| {maxError:E1} deg");
        Assert.True(maxError < 1e-9, $"max error {maxError} deg");
        Assert.Equal((-4.6, 2.5), (Math.Round(min, 6), Math.Round(max, 6))); // a motorway minute: small angles
    }

    [Fact]
    public void Decode_WholeMinute_YawRateHasTheSignAndShapeOfTheGpsHeadingRate()
    {
        (double[] frameT, double[] gpsYawRadps) = GpsYawRate();
        List<Rav4Minute.Step> steps = Rav4Minute.Instance.Of("STEER_ANGLE_SENSOR").ToList();
        double[] stepT = steps.Select(s => s.Seconds).ToArray();
        var decoded = new List<double>();
        var gps = new List<double>();
        for (int k = 0; k < frameT.Length; k += 5) // every 0.25 s, each a 1 s mean
        {
            if (double.IsNaN(gpsYawRadps[k]))
            {
                continue;
            }

            int from = LowerBound(stepT, frameT[k] - 0.5);
            int to = LowerBound(stepT, frameT[k] + 0.5);
            if (to - from < 50)
            {
                continue;
            }

            decoded.Add(steps.Skip(from).Take(to - from).Average(s => s.Steering.YawRateRadps));
            gps.Add(gpsYawRadps[k]);
        }

        (double slope, double correlation) = Fit(decoded, gps);
        double maxYaw = steps.Max(s => Math.Abs(s.Steering.YawRateRadps));
        double maxLatAccel = steps.Max(s => Math.Abs(s.Steering.MeasuredLateralAccelMps2));
        output.WriteLine($"yaw rate vs GPS heading rate: {decoded.Count} windows of 1 s, correlation {correlation:F2}, GPS = {slope:F2} × decoded; " +
            $"decoded |yaw| ≤ {maxYaw:F4} rad/s, |v·yaw| ≤ {maxLatAccel:F2} m/s²");
        Assert.True(decoded.Count > 200, $"{decoded.Count} windows");
        Assert.True(correlation > 0.7, $"correlation {correlation:F2}: the decoded yaw rate does not follow the GPS heading");
        Assert.InRange(slope, 0.4, 1.1); // kinematic reads high at speed (understeer, no slip model): measured 0.6
        Assert.InRange(maxYaw, 0.005, 0.05); // a motorway minute at 29..71 km/h
        Assert.InRange(maxLatAccel, 0.05, 1.0);
    }

    [Fact]
    public void Decode_WholeMinute_DriverAndMotorTorquePlausibleOverrideRare()
    {
        List<Rav4Minute.Step> steps = Rav4Minute.Instance.Of("STEER_TORQUE_SENSOR").ToList();
        int pressed = steps.Count(s => s.Sample.SteeringPressed);
        double driverMax = steps.Max(s => Math.Abs(s.Steering.DriverTorque));
        double motorMin = steps.Min(s => s.Steering.EpsMotorTorque);
        double motorMax = steps.Max(s => s.Steering.EpsMotorTorque);

        output.WriteLine($"STEER_TORQUE_SENSOR: {steps.Count} frames, |driver| ≤ {driverMax}, pressed (> 100) in {pressed}; motor {motorMin}..{motorMax}");
        Assert.Equal(3_000, steps.Count);
        Assert.Equal(60, pressed); // 2 % of the minute: hands on the wheel now and then
        Assert.InRange(driverMax, 101, 300);
        Assert.InRange(motorMin, -1500, -100); // openpilot steered both ways
        Assert.InRange(motorMax, 100, 1500);
    }

    /// <summary>Heading rate from the GPS velocity (ECEF → local east/north at the first position), central difference over ±0.5 s.</summary>
    private static (double[] T, double[] YawRadps) GpsYawRate()
    {
        (double[] t, _) = NpyFile.ReadFloat64(SharedData.File(ToyotaData.Rav4Set, Path.Combine("global_pose", "frame_times")));
        (double[] p, _) = NpyFile.ReadFloat64(SharedData.File(ToyotaData.Rav4Set, Path.Combine("global_pose", "frame_positions")));
        (double[] v, _) = NpyFile.ReadFloat64(SharedData.File(ToyotaData.Rav4Set, Path.Combine("global_pose", "frame_velocities")));
        double lon = Math.Atan2(p[1], p[0]);
        double lat = Math.Atan2(p[2], Math.Sqrt((p[0] * p[0]) + (p[1] * p[1])));
        double[] east = [-Math.Sin(lon), Math.Cos(lon), 0];
        double[] north = [-Math.Sin(lat) * Math.Cos(lon), -Math.Sin(lat) * Math.Sin(lon), Math.Cos(lat)];
        var heading = new double[t.Length];
        for (int i = 0; i < t.Length; i++)
        {
            double ve = (v[3 * i] * east[0]) + (v[(3 * i) + 1] * east[1]);
            double vn = (v[3 * i] * north[0]) + (v[(3 * i) + 1] * north[1]) + (v[(3 * i) + 2] * north[2]);
            heading[i] = Math.Atan2(vn, ve); // counter-clockwise from east: + is a left turn, as the yaw rate
            while (i > 0 && heading[i] - heading[i - 1] > Math.PI)
            {
                heading[i] -= 2 * Math.PI;
            }

            while (i > 0 && heading[i] - heading[i - 1] < -Math.PI)
            {
                heading[i] += 2 * Math.PI;
            }
        }

        var yaw = new double[t.Length];
        for (int i = 0; i < t.Length; i++)
        {
            yaw[i] = i >= 10 && i + 10 < t.Length ? (heading[i + 10] - heading[i - 10]) / (t[i + 10] - t[i - 10]) : double.NaN;
        }

        return (t, yaw);
    }

    private static (double Slope, double Correlation) Fit(List<double> x, List<double> y)
    {
        double mx = x.Average();
        double my = y.Average();
        double sxx = x.Sum(a => (a - mx) * (a - mx));
        double syy = y.Sum(b => (b - my) * (b - my));
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return (sxy / sxx, sxy / Math.Sqrt(sxx * syy));
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int i = Array.BinarySearch(sorted, value);
        return i >= 0 ? i : ~i;
    }
}
