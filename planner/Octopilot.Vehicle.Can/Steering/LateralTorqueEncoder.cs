using Octopilot.Core.Configuration;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// The planner's curvature → the car's steering-torque frame, at most once per <see cref="SteeringTorqueFrameSpec.PeriodNs"/>
/// and only when called (no tick, no frame: the EPS drops the assistance on its own timeout). Per frame:
/// <list type="bullet">
/// <item>the car does not allow control (<see cref="ControlsAllowedTracker"/>: cruise off, brake, gas): torque 0,
/// request off, controller and limiter reset. The one torque step, forced: the safety layer blocks any other frame;</item>
/// <item>authority Active or Holding and a valid state: <see cref="TorqueLateralController"/> then
/// <see cref="SteeringTorqueLimiter"/>, request on;</item>
/// <item>otherwise (authority None, or the state went invalid) while allowed: wind down towards 0 at the down-rate with
/// the request on, the request dropped on the frame that reaches 0. Never a step.</item>
/// </list>
/// Rolling counter one step per frame; checksum last. Single thread (the planner tick); allocation-free.
/// </summary>
public sealed class LateralTorqueEncoder
{
    /// <summary>A tick this much before the due time still sends, ns (a 100 Hz tick and a 10 ms period meet within rounding).</summary>
    public const long DueToleranceNs = 1_000_000;

    private readonly SteeringTorqueFrameWriter _writer;
    private readonly TorqueLateralController _controller;
    private readonly SteeringTorqueLimiter _limiter;
    private readonly long _periodNs;
    private readonly double _periodS;
    private readonly int _maxTorqueRaw;
    private ControlsAllowedTracker _controls;
    private long _nextDueNs = long.MinValue;
    private long _counter;
    private bool _limitedLastFrame;

    /// <summary>Resolves the frame against the DBC; throws <see cref="ConfigException"/> naming a missing signal or a torque field too small for the limits.</summary>
    public LateralTorqueEncoder(DbcFile dbc, LateralTorqueCommandSpec spec, IFrameChecksum? checksum)
    {
        _writer = new SteeringTorqueFrameWriter(dbc, spec.Frame, checksum);
        (long min, long max) = _writer.TorqueRawRange;
        _maxTorqueRaw = spec.Limits.MaxTorqueRaw;
        if (-_maxTorqueRaw < min || _maxTorqueRaw > max)
        {
            throw new ConfigException(dbc.SourceName, $"{nameof(spec.Limits)}.{nameof(spec.Limits.MaxTorqueRaw)}",
                $"±MaxTorqueRaw must fit {spec.Frame.Message}.{spec.Frame.TorqueSignal} ({min}..{max})", _maxTorqueRaw.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _controller = new TorqueLateralController(spec.Controller);
        _limiter = new SteeringTorqueLimiter(spec.Limits);
        _periodNs = spec.Frame.PeriodNs;
        _periodS = _periodNs * 1e-9;
    }

    public DbcMessage Message => _writer.Message;

    /// <summary>The torque of the last frame, raw.</summary>
    public int LastTorqueRaw => _limiter.LastTorqueRaw;

    /// <summary>The request bit of the last frame.</summary>
    public bool LastRequest { get; private set; }

    public long FramesEncoded { get; private set; }

    /// <summary>Frames with the request bit set.</summary>
    public long RequestFrames { get; private set; }

    /// <summary>Frames steering towards the curvature whose torque the limits changed (rate, maximum, motor, real-time).</summary>
    public long LimitedFrames { get; private set; }

    /// <summary>Frames winding a non-zero torque down after the authority went (or the state went invalid).</summary>
    public long WindDownFrames { get; private set; }

    /// <summary>Times the car stopped allowing control while torque was non-zero (torque cut to 0 in one frame, as the car demands).</summary>
    public long ReleasedByCar { get; private set; }

    /// <summary>Steering frames sent while the driver was steering too (the integrator holds then).</summary>
    public long SteeringPressedFrames { get; private set; }

    /// <summary>
    /// Fills <paramref name="frame"/> when a frame is due at <paramref name="nowNs"/>; false (frame untouched) otherwise.
    /// <paramref name="feedback"/> is the newest decoded state, judged at <paramref name="nowNs"/>.
    /// </summary>
    public bool TryEncode(in PlannerOutput command, in SteeringFeedback feedback, long nowNs, ref CanFrame frame)
    {
        if (_nextDueNs != long.MinValue && nowNs < _nextDueNs - DueToleranceNs)
        {
            return false;
        }

        // Keep the grid when on time; after a stall restart it from now (no burst).
        _nextDueNs = _nextDueNs == long.MinValue || nowNs - _nextDueNs >= _periodNs ? nowNs + _periodNs : _nextDueNs + _periodNs;

        // A stale state says nothing new about pedals or cruise: keep the last verdict and let the wind-down handle it.
        bool allowed = feedback.StateValid
            ? _controls.Update(feedback.CruiseEngaged, feedback.BrakePressed, feedback.GasPressed, feedback.SpeedMps)
            : _controls.Allowed;
        bool steering = command.LateralAuthority is LateralAuthority.Active or LateralAuthority.Holding
            && feedback.StateValid && double.IsFinite(command.CurvaturePerM) && double.IsFinite(feedback.MeasuredLateralAccelMps2);

        int torqueRaw;
        bool request;
        if (!allowed)
        {
            if (_limiter.LastTorqueRaw != 0)
            {
                ReleasedByCar++;
            }

            _controller.Reset();
            _limiter.Reset(nowNs);
            _limitedLastFrame = false;
            torqueRaw = 0;
            request = false;
        }
        else if (steering)
        {
            // openpilot freezes the integrator while the driver steers and while the last frame was limited (anti-windup).
            double fraction = _controller.Update(command.CurvaturePerM, feedback.SpeedMps, feedback.MeasuredLateralAccelMps2,
                feedback.SteeringPressed || _limitedLastFrame, _periodS);
            double desiredRaw = fraction * _maxTorqueRaw;
            torqueRaw = _limiter.Apply(desiredRaw, feedback.EpsMotorTorque, nowNs);
            _limitedLastFrame = torqueRaw != (int)Math.Round(desiredRaw);
            LimitedFrames += _limitedLastFrame ? 1 : 0;
            SteeringPressedFrames += feedback.SteeringPressed ? 1 : 0;
            request = true;
        }
        else
        {
            int before = _limiter.LastTorqueRaw;
            _controller.Reset();
            _limitedLastFrame = false;
            torqueRaw = _limiter.Apply(0, feedback.EpsMotorTorque, nowNs);
            request = torqueRaw != 0; // held while any torque is left; dropped on the frame that reaches 0
            WindDownFrames += before != 0 ? 1 : 0;
        }

        _writer.Write(ref frame, torqueRaw, request, _counter, nowNs);
        _counter = (_counter + 1) % _writer.CounterModulo;
        LastRequest = request;
        RequestFrames += request ? 1 : 0;
        FramesEncoded++;
        return true;
    }
}
