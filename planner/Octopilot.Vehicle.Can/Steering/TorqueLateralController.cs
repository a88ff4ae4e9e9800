namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// Curvature → steering torque, as openpilot's <c>LatControlTorque</c> does it on the Toyotas: desired lateral
/// acceleration a_des = v²κ, measured a_meas (from the steering angle), error e = a_des − a_meas; torque fraction
/// u = (a_des + Kp·e)/F + friction(e) + I, clamped to ±1, with İ = (Ki/F)·e. The integrator holds while frozen (the
/// driver is steering, the last frame was limited, a crawl) and never winds further into a clamped output. Not
/// thread-safe: one thread (the planner tick) steps it. Allocation-free.
/// </summary>
public sealed class TorqueLateralController(TorqueControllerOptions options)
{
    /// <summary>The integrator's share of the output, fraction of full torque.</summary>
    public double IntegralTorqueFraction { get; private set; }

    /// <summary>
    /// One step: the torque to ask for, as a fraction of full torque in −1..1 (+ left). Non-finite inputs give 0 and
    /// reset the integrator (the encoder never passes them; this keeps NaN out of a frame regardless).
    /// </summary>
    public double Update(double desiredCurvaturePerM, double speedMps, double measuredLatAccelMps2, bool freezeIntegrator, double dtS)
    {
        double desiredMps2 = speedMps * speedMps * desiredCurvaturePerM;
        double errorMps2 = desiredMps2 - measuredLatAccelMps2;
        if (!double.IsFinite(errorMps2) || !double.IsFinite(dtS))
        {
            Reset();
            return 0;
        }

        double factorMps2 = options.LatAccelFactorMps2;
        double proportional = options.ProportionalGain * errorMps2 / factorMps2;
        double feedForward = (desiredMps2 / factorMps2) + Friction(errorMps2);
        if (!freezeIntegrator && speedMps >= options.IntegratorFreezeBelowSpeedMps)
        {
            double integral = IntegralTorqueFraction + (options.IntegralGainPerS / factorMps2 * errorMps2 * dtS);
            double trial = proportional + integral + feedForward;

            // No further windup into a clamped output (openpilot's PIDController does the same).
            double upper = trial > 1 ? Math.Max(IntegralTorqueFraction, -1) : 1;
            double lower = trial < -1 ? Math.Min(IntegralTorqueFraction, 1) : -1;
            IntegralTorqueFraction = Math.Min(Math.Max(integral, lower), upper);
        }

        return Math.Clamp(proportional + IntegralTorqueFraction + feedForward, -1, 1);
    }

    public void Reset() => IntegralTorqueFraction = 0;

    /// <summary>Friction compensation, linear in the error up to the threshold, then ± the friction torque.</summary>
    private double Friction(double errorMps2) =>
        options.FrictionTorqueFraction * Math.Clamp(errorMps2 / options.FrictionThresholdMps2, -1, 1);
}
