using Octopilot.Vehicle.Can.Steering;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>
/// An independent model of the panda's check of a torque frame (<c>safety_toyota.h</c> / <c>safety.h</c>,
/// <c>TorqueMotorLimited</c>, controls allowed), written from panda's C rather than from our limiter: global maximum;
/// <c>dist_to_meas_check</c> against the motor torque (scaled with integer truncation, min/max over the last
/// <see cref="MotorSamples"/> samples, widened by 1); <c>rt_rate_limit_check</c> per real-time window; no torque
/// without the request bit. A violation resets the model as panda does. Used to judge frames, never to make them.
/// </summary>
internal sealed class PandaTorqueCheck(SteeringTorqueLimits limits)
{
    /// <summary>Motor samples panda keeps (3 in the 2018-20 firmware; later 6, which is looser).</summary>
    public const int MotorSamples = 3;

    private readonly int[] _motor = new int[MotorSamples];
    private int _last;
    private int _realTimeLast;
    private long _realTimeStartNs = long.MinValue;

    public int Frames { get; private set; }

    public List<string> Violations { get; } = [];

    /// <summary>A STEER_TORQUE_SENSOR frame reached panda: STEER_TORQUE_EPS in DBC units.</summary>
    public void OnMotorTorque(long epsRaw)
    {
        Array.Copy(_motor, 0, _motor, 1, MotorSamples - 1);
        _motor[0] = (int)(epsRaw * limits.EpsTorqueScalePercent / 100); // C integer division: truncates towards 0
    }

    /// <summary>A STEERING_LKA frame on its way out at <paramref name="nowNs"/>.</summary>
    public void OnCommand(int torque, bool request, long nowNs)
    {
        Frames++;
        var broken = new List<string>();
        if (torque > limits.MaxTorqueRaw || torque < -limits.MaxTorqueRaw)
        {
            broken.Add("max");
        }

        int motorMax = _motor.Max() + 1;
        int motorMin = _motor.Min() - 1;
        int up = limits.RateUpRawPerFrame;
        int down = limits.RateDownRawPerFrame;
        int error = limits.MaxMotorErrorRaw;
        int highest = Math.Min(Math.Max(_last, 0) + up, Math.Max(_last - down, Math.Max(motorMax, 0) + error));
        int lowest = Math.Max(Math.Min(_last, 0) - up, Math.Min(_last + down, Math.Min(motorMin, 0) - error));
        if (torque < lowest || torque > highest)
        {
            broken.Add($"rate/motor (allowed {lowest}..{highest}, motor {motorMin}..{motorMax})");
        }

        _last = torque;
        if (_realTimeStartNs == long.MinValue)
        {
            _realTimeStartNs = nowNs - limits.RealTimeIntervalNs - 1; // panda's timer starts long before the first frame
        }

        int delta = limits.RealTimeMaxDeltaRaw;
        if (torque > Math.Max(_realTimeLast, 0) + delta || torque < Math.Min(_realTimeLast, 0) - delta)
        {
            broken.Add($"real-time (from {_realTimeLast})");
        }

        if (nowNs - _realTimeStartNs > limits.RealTimeIntervalNs)
        {
            _realTimeLast = torque;
            _realTimeStartNs = nowNs;
        }

        if (!request && torque != 0)
        {
            broken.Add("torque without request");
        }

        if (broken.Count > 0)
        {
            Violations.Add($"frame {Frames} at {nowNs / 1e6:F1} ms: torque {torque}: {string.Join(", ", broken)}");
            _last = 0;
            _realTimeLast = 0;
            _realTimeStartNs = nowNs;
        }
    }
}
