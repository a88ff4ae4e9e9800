namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// Mirrors the car's safety layer's "controls allowed" (comma.ai panda: <c>pcm_cruise_check</c> and
/// <c>generic_rx_checks</c>): allowed on the rising edge of cruise engaged; not allowed while cruise is off, from a
/// brake press (its rising edge, or any press while moving), and from the rising edge of a gas press, until cruise
/// engages again. While not allowed panda blocks every frame with non-zero torque, so the encoder then sends 0 with
/// the request off. Edges are seen at the tick rate (the newest decoded state per <c>Send</c>). Not thread-safe.
/// </summary>
public struct ControlsAllowedTracker
{
    /// <summary>1 km/h: panda's <c>TOYOTA_STANDSTILL_THRSLD</c> (100 × 0.01 km/h), above it the car is moving.</summary>
    public const double MovingAboveSpeedMps = 1 / 3.6;

    private bool _engagedBefore;
    private bool _brakeBefore;
    private bool _gasBefore;

    public bool Allowed { get; private set; }

    /// <summary>Folds one reading in and returns whether controls are allowed now.</summary>
    public bool Update(bool cruiseEngaged, bool brakePressed, bool gasPressed, double speedMps)
    {
        if (cruiseEngaged && !_engagedBefore)
        {
            Allowed = true;
        }

        bool moving = speedMps > MovingAboveSpeedMps;
        if (!cruiseEngaged || (brakePressed && (!_brakeBefore || moving)) || (gasPressed && !_gasBefore))
        {
            Allowed = false;
        }

        _engagedBefore = cruiseEngaged;
        _brakeBefore = brakePressed;
        _gasBefore = gasPressed;
        return Allowed;
    }
}
